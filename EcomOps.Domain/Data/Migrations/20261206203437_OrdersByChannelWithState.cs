using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrdersByChannelWithState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_ChannelId_PlacedAtUtc",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ChannelId_PlacedAtUtc_Status",
                table: "Orders",
                columns: new[] { "ChannelId", "PlacedAtUtc", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_ChannelId_PlacedAtUtc_Status",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ChannelId_PlacedAtUtc",
                table: "Orders",
                columns: new[] { "ChannelId", "PlacedAtUtc" });
        }
    }
}
