using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Listings_ChannelId_Title",
                table: "Listings",
                columns: new[] { "ChannelId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_CompletenessPercent_Title",
                table: "Listings",
                columns: new[] { "CompletenessPercent", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_State_Title",
                table: "Listings",
                columns: new[] { "State", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Listings_ChannelId_Title",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_CompletenessPercent_Title",
                table: "Listings");

            migrationBuilder.DropIndex(
                name: "IX_Listings_State_Title",
                table: "Listings");
        }
    }
}
