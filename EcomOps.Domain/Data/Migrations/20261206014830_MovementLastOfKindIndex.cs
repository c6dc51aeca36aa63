using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class MovementLastOfKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_Kind_AtUtc",
                table: "StockMovements",
                columns: new[] { "SkuId", "WarehouseId", "Kind", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_Kind_AtUtc",
                table: "StockMovements");
        }
    }
}
