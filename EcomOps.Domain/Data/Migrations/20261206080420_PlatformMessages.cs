using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlatformMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlatformMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlatformMessageId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlatformMessages_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlatformMessages_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlatformMessages_ChannelId_ConversationId_Id",
                table: "PlatformMessages",
                columns: new[] { "ChannelId", "ConversationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlatformMessages_ChannelId_PlatformMessageId",
                table: "PlatformMessages",
                columns: new[] { "ChannelId", "PlatformMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatformMessages_TicketId",
                table: "PlatformMessages",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlatformMessages");
        }
    }
}
