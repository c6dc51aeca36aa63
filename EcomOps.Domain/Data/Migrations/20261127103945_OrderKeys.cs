using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OrderShipments_WarehouseId",
                table: "OrderShipments",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ShipByUtc",
                table: "Orders",
                column: "ShipByUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TotalCents",
                table: "Orders",
                column: "TotalCents");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_WarehouseId",
                table: "Orders",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_SkuId",
                table: "OrderLines",
                column: "SkuId");

            migrationBuilder.AddForeignKey(
                name: "FK_OrderLines_Skus_SkuId",
                table: "OrderLines",
                column: "SkuId",
                principalTable: "Skus",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Warehouses_WarehouseId",
                table: "Orders",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OrderShipments_Warehouses_WarehouseId",
                table: "OrderShipments",
                column: "WarehouseId",
                principalTable: "Warehouses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OrderLines_Skus_SkuId",
                table: "OrderLines");

            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Warehouses_WarehouseId",
                table: "Orders");

            migrationBuilder.DropForeignKey(
                name: "FK_OrderShipments_Warehouses_WarehouseId",
                table: "OrderShipments");

            migrationBuilder.DropIndex(
                name: "IX_OrderShipments_WarehouseId",
                table: "OrderShipments");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ShipByUtc",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TotalCents",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_WarehouseId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_OrderLines_SkuId",
                table: "OrderLines");
        }
    }
}
