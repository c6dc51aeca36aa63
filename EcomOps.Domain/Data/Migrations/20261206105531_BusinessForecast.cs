using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class BusinessForecast : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoredForecast",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WeekOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MadeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HistoryTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Predicted = table.Column<double>(type: "REAL", nullable: false),
                    Low = table.Column<double>(type: "REAL", nullable: false),
                    High = table.Column<double>(type: "REAL", nullable: false),
                    CampaignDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BacktestMape = table.Column<double>(type: "REAL", nullable: true),
                    NaiveMape = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredForecast", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredForecast_Series_Scope_WeekOf_Day",
                table: "StoredForecast",
                columns: new[] { "Series", "Scope", "WeekOf", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredForecast_WeekOf",
                table: "StoredForecast",
                column: "WeekOf");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoredForecast");
        }
    }
}
