using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class InventoryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SkuId = table.Column<int>(type: "INTEGER", nullable: false),
                    WarehouseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpectedAtStart = table.Column<int>(type: "INTEGER", nullable: true),
                    StartMovementId = table.Column<long>(type: "INTEGER", nullable: true),
                    CountedQuantity = table.Column<int>(type: "INTEGER", nullable: true),
                    MovedDuringCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Variance = table.Column<int>(type: "INTEGER", nullable: true),
                    VarianceValueCents = table.Column<long>(type: "INTEGER", nullable: true),
                    CountedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CountedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CountTasks_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CountTasks_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SkuClassifications",
                columns: table => new
                {
                    SkuId = table.Column<int>(type: "INTEGER", nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    RevenueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuClassifications", x => x.SkuId);
                    table.ForeignKey(
                        name: "FK_SkuClassifications_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlowStockDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SkuId = table.Column<int>(type: "INTEGER", nullable: false),
                    WarehouseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlowStockDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlowStockDecisions_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SlowStockDecisions_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_SkuId_WarehouseId",
                table: "CountTasks",
                columns: new[] { "SkuId", "WarehouseId" },
                unique: true,
                filter: "\"Status\" IN ('Scheduled', 'Counting', 'AwaitingApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_SkuId_WarehouseId_CountedAtUtc",
                table: "CountTasks",
                columns: new[] { "SkuId", "WarehouseId", "CountedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_Status_ScheduledFor",
                table: "CountTasks",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_WarehouseId",
                table: "CountTasks",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_SlowStockDecisions_SkuId_WarehouseId_AtUtc",
                table: "SlowStockDecisions",
                columns: new[] { "SkuId", "WarehouseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SlowStockDecisions_WarehouseId",
                table: "SlowStockDecisions",
                column: "WarehouseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountTasks");

            migrationBuilder.DropTable(
                name: "SkuClassifications");

            migrationBuilder.DropTable(
                name: "SlowStockDecisions");
        }
    }
}
