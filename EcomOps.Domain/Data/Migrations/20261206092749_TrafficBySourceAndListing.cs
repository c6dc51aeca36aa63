using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrafficBySourceAndListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ListingTrafficDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: false),
                    PageViews = table.Column<int>(type: "INTEGER", nullable: false),
                    AddToCart = table.Column<int>(type: "INTEGER", nullable: false),
                    PayingBuyers = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingTrafficDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingTrafficDays_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SourceTrafficDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: false),
                    PageViews = table.Column<int>(type: "INTEGER", nullable: false),
                    PayingBuyers = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceTrafficDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrafficSourceNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficSourceNames", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "TrafficSourceNames",
                columns: new[] { "Id", "Name", "Platform", "Source", "Version" },
                values: new object[,]
                {
                    { 1, "手淘搜索", "Tmall", "Search", 0L },
                    { 2, "手淘推荐", "Tmall", "Recommendation", 0L },
                    { 3, "猜你喜欢", "Tmall", "Recommendation", 0L },
                    { 4, "直通车", "Tmall", "Paid", 0L },
                    { 5, "引力魔方", "Tmall", "Paid", 0L },
                    { 6, "万相台", "Tmall", "Paid", 0L },
                    { 7, "淘宝直播", "Tmall", "LiveStream", 0L },
                    { 8, "逛逛", "Tmall", "Content", 0L },
                    { 9, "内容", "Tmall", "Content", 0L },
                    { 10, "购物车", "Tmall", "Direct", 0L },
                    { 11, "我的淘宝", "Tmall", "Direct", 0L },
                    { 12, "直接访问", "Tmall", "Direct", 0L },
                    { 13, "淘内免费其他", "Tmall", "Other", 0L },
                    { 14, "淘外流量", "Tmall", "Other", 0L },
                    { 15, "搜索", "JD", "Search", 0L },
                    { 16, "推荐", "JD", "Recommendation", 0L },
                    { 17, "京东快车", "JD", "Paid", 0L },
                    { 18, "京准通", "JD", "Paid", 0L },
                    { 19, "直接访问", "JD", "Direct", 0L },
                    { 20, "其他", "JD", "Other", 0L },
                    { 21, "商品卡", "Douyin", "Search", 0L },
                    { 22, "搜索", "Douyin", "Search", 0L },
                    { 23, "直播", "Douyin", "LiveStream", 0L },
                    { 24, "短视频", "Douyin", "Content", 0L },
                    { 25, "千川", "Douyin", "Paid", 0L },
                    { 26, "其他", "Douyin", "Other", 0L },
                    { 27, "搜索", "Pinduoduo", "Search", 0L },
                    { 28, "推荐", "Pinduoduo", "Recommendation", 0L },
                    { 29, "场景", "Pinduoduo", "Recommendation", 0L },
                    { 30, "推广", "Pinduoduo", "Paid", 0L },
                    { 31, "其他", "Pinduoduo", "Other", 0L },
                    { 32, "搜索引擎", "WebShop", "Search", 0L },
                    { 33, "广告", "WebShop", "Paid", 0L },
                    { 34, "直接访问", "WebShop", "Direct", 0L },
                    { 35, "其他", "WebShop", "Other", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ListingTrafficDays_Day",
                table: "ListingTrafficDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ListingTrafficDays_ListingId_Day",
                table: "ListingTrafficDays",
                columns: new[] { "ListingId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourceTrafficDays_Channel_Day_SourceName",
                table: "SourceTrafficDays",
                columns: new[] { "Channel", "Day", "SourceName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourceTrafficDays_Day",
                table: "SourceTrafficDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficSourceNames_Platform_Name",
                table: "TrafficSourceNames",
                columns: new[] { "Platform", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListingTrafficDays");

            migrationBuilder.DropTable(
                name: "SourceTrafficDays");

            migrationBuilder.DropTable(
                name: "TrafficSourceNames");
        }
    }
}
