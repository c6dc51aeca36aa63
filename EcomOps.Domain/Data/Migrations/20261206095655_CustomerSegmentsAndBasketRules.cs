using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerSegmentsAndBasketRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerInsightRun",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    Customers = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<int>(type: "INTEGER", nullable: false),
                    Milliseconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerInsightRun", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerProfile",
                columns: table => new
                {
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstOrderDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastOrderDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    SpendCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Recency = table.Column<int>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    Monetary = table.Column<int>(type: "INTEGER", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenComplaints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerProfile", x => x.Phone);
                });

            migrationBuilder.CreateTable(
                name: "ProductPairRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThenProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BothOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    Support = table.Column<double>(type: "REAL", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Lift = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductPairRule", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProfile_Segment_SpendCents",
                table: "CustomerProfile",
                columns: new[] { "Segment", "SpendCents" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductPairRule_ProductId",
                table: "ProductPairRule",
                column: "ProductId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerInsightRun");

            migrationBuilder.DropTable(
                name: "CustomerProfile");

            migrationBuilder.DropTable(
                name: "ProductPairRule");
        }
    }
}
