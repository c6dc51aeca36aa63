using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SlaBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BreachedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PolicyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaBreaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerContact = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OrderReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssigneeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    SlaPolicyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstResponseDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextReplyDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextWarningUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SlaBadge = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SlaNextCheckUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tickets_Employees_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AuthorEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketEntries_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketStatusChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketStatusChange_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_TicketId_Target_BreachedAtUtc",
                table: "SlaBreaches",
                columns: new[] { "TicketId", "Target", "BreachedAtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketEntries_TicketId_AtUtc",
                table: "TicketEntries",
                columns: new[] { "TicketId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId",
                table: "Tickets",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CreatedAtUtc",
                table: "Tickets",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_NextDeadlineUtc",
                table: "Tickets",
                column: "NextDeadlineUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaNextCheckUtc",
                table: "Tickets",
                column: "SlaNextCheckUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_AssigneeId_NextDeadlineUtc",
                table: "Tickets",
                columns: new[] { "Status", "AssigneeId", "NextDeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketStatusChange_TicketId_AtUtc",
                table: "TicketStatusChange",
                columns: new[] { "TicketId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaBreaches");

            migrationBuilder.DropTable(
                name: "TicketEntries");

            migrationBuilder.DropTable(
                name: "TicketStatusChange");

            migrationBuilder.DropTable(
                name: "Tickets");
        }
    }
}
