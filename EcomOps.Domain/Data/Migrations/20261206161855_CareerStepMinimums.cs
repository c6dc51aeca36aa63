using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CareerStepMinimums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "CareerStep",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 2,
                column: "Version",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 3,
                column: "Version",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 4,
                column: "Version",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 5,
                column: "Version",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 6,
                column: "Version",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "CareerStep",
                keyColumn: "Id",
                keyValue: 7,
                column: "Version",
                value: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "CareerStep");
        }
    }
}
