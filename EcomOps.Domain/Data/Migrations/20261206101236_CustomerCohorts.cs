using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerCohorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CohortCell",
                columns: table => new
                {
                    CohortMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonthIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Customers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortCell", x => new { x.CohortMonth, x.MonthIndex });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortCell");
        }
    }
}
