using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class OptimisationBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OptimisationFinding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Reference = table.Column<double>(type: "REAL", nullable: false),
                    Volume = table.Column<long>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReferenceSeries = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WorkId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkDoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeasureOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ValueAfter = table.Column<double>(type: "REAL", nullable: true),
                    ReferenceAfter = table.Column<double>(type: "REAL", nullable: true),
                    Effect = table.Column<double>(type: "REAL", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptimisationFinding", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OptimisationSetting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptimisationSetting", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OptimisationFinding_Rule_SubjectKey",
                table: "OptimisationFinding",
                columns: new[] { "Rule", "SubjectKey" },
                unique: true,
                filter: "\"State\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_OptimisationFinding_State",
                table: "OptimisationFinding",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptimisationFinding");

            migrationBuilder.DropTable(
                name: "OptimisationSetting");
        }
    }
}
