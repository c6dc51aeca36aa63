using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class MetricQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_AtUtc",
                table: "StockMovements");

            migrationBuilder.CreateIndex(
                name: "IX_TicketStatusChange_Status_AtUtc_TicketId",
                table: "TicketStatusChange",
                columns: new[] { "Status", "AtUtc", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_AtUtc_OnHandDelta_ReservedDelta",
                table: "StockMovements",
                columns: new[] { "SkuId", "WarehouseId", "AtUtc", "OnHandDelta", "ReservedDelta" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ShippedAtUtc_ShipByUtc",
                table: "Orders",
                columns: new[] { "ShippedAtUtc", "ShipByUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_Kind_AtUtc_OrderId",
                table: "OrderEvents",
                columns: new[] { "Kind", "AtUtc", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_Kind_ByName_AtUtc_OrderId",
                table: "OrderEvents",
                columns: new[] { "Kind", "ByName", "AtUtc", "OrderId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketStatusChange_Status_AtUtc_TicketId",
                table: "TicketStatusChange");

            migrationBuilder.DropIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_AtUtc_OnHandDelta_ReservedDelta",
                table: "StockMovements");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ShippedAtUtc_ShipByUtc",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_OrderEvents_Kind_AtUtc_OrderId",
                table: "OrderEvents");

            migrationBuilder.DropIndex(
                name: "IX_OrderEvents_Kind_ByName_AtUtc_OrderId",
                table: "OrderEvents");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_AtUtc",
                table: "StockMovements",
                columns: new[] { "SkuId", "WarehouseId", "AtUtc" });
        }
    }
}
