using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NextBasis",
                table: "CustomerProfile",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextCategory",
                table: "CustomerProfile",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextFrom",
                table: "CustomerProfile",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NextGapDays",
                table: "CustomerProfile",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextLastBought",
                table: "CustomerProfile",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NextTimes",
                table: "CustomerProfile",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextTo",
                table: "CustomerProfile",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Preferences",
                table: "CustomerProfile",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopBrand",
                table: "CustomerProfile",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TopBrandShare",
                table: "CustomerProfile",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "TopCategory",
                table: "CustomerProfile",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TopCategoryShare",
                table: "CustomerProfile",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "TopPriceBand",
                table: "CustomerProfile",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TopPriceBandShare",
                table: "CustomerProfile",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "BacktestBaselineHits",
                table: "CustomerInsightRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BacktestCustomers",
                table: "CustomerInsightRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BacktestCutoff",
                table: "CustomerInsightRun",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BacktestEnd",
                table: "CustomerInsightRun",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BacktestModelHits",
                table: "CustomerInsightRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SegmentPreference",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SpendCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Share = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentPreference", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SegmentPreference_Segment_Kind_Rank",
                table: "SegmentPreference",
                columns: new[] { "Segment", "Kind", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SegmentPreference");

            migrationBuilder.DropColumn(
                name: "NextBasis",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "NextCategory",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "NextFrom",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "NextGapDays",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "NextLastBought",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "NextTimes",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "NextTo",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "Preferences",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "TopBrand",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "TopBrandShare",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "TopCategory",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "TopCategoryShare",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "TopPriceBand",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "TopPriceBandShare",
                table: "CustomerProfile");

            migrationBuilder.DropColumn(
                name: "BacktestBaselineHits",
                table: "CustomerInsightRun");

            migrationBuilder.DropColumn(
                name: "BacktestCustomers",
                table: "CustomerInsightRun");

            migrationBuilder.DropColumn(
                name: "BacktestCutoff",
                table: "CustomerInsightRun");

            migrationBuilder.DropColumn(
                name: "BacktestEnd",
                table: "CustomerInsightRun");

            migrationBuilder.DropColumn(
                name: "BacktestModelHits",
                table: "CustomerInsightRun");
        }
    }
}
