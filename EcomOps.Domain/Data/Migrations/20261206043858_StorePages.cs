using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class StorePages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StorePageElements",
                columns: table => new
                {
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Element = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CurrentAsset = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorePageElements", x => new { x.ChannelId, x.Element });
                    table.ForeignKey(
                        name: "FK_StorePageElements_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StorePageElements_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoreRefreshes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Element = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Brief = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreRefreshes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoreRefreshes_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StoreRefreshes_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StorePageElements_OwnerEmployeeId",
                table: "StorePageElements",
                column: "OwnerEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_ChannelId_DueDate",
                table: "StoreRefreshes",
                columns: new[] { "ChannelId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_DoneAtUtc_DueDate",
                table: "StoreRefreshes",
                columns: new[] { "DoneAtUtc", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_OwnerEmployeeId",
                table: "StoreRefreshes",
                column: "OwnerEmployeeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StorePageElements");

            migrationBuilder.DropTable(
                name: "StoreRefreshes");
        }
    }
}
