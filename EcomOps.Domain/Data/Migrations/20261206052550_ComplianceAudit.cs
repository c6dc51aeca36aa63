using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ListingsChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    ListingsPassed = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsClosed = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsStillOpen = table.Column<int>(type: "INTEGER", nullable: false),
                    ListingsPaused = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditTallies",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Checked = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTallies", x => new { x.RunId, x.ChannelId, x.OwnerEmployeeId });
                    table.ForeignKey(
                        name: "FK_AuditTallies_AuditRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AuditRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditTallies_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListingFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    HighlightStart = table.Column<int>(type: "INTEGER", nullable: true),
                    HighlightLength = table.Column<int>(type: "INTEGER", nullable: true),
                    HighlightTerm = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    HighlightText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpenedByRunId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedByRunId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PausedListingAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingFindings_AuditRuns_ClosedByRunId",
                        column: x => x.ClosedByRunId,
                        principalTable: "AuditRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ListingFindings_AuditRuns_OpenedByRunId",
                        column: x => x.OpenedByRunId,
                        principalTable: "AuditRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ListingFindings_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ListingFindings_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ListingFindings_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRuns_PeriodKey",
                table: "AuditRuns",
                column: "PeriodKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRuns_StartedAtUtc",
                table: "AuditRuns",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTallies_ChannelId",
                table: "AuditTallies",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_ListingFindings_ChannelId_ClosedAtUtc",
                table: "ListingFindings",
                columns: new[] { "ChannelId", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingFindings_ClosedAtUtc_DueAtUtc",
                table: "ListingFindings",
                columns: new[] { "ClosedAtUtc", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingFindings_ClosedByRunId",
                table: "ListingFindings",
                column: "ClosedByRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ListingFindings_ListingId_Key",
                table: "ListingFindings",
                columns: new[] { "ListingId", "Key" },
                unique: true,
                filter: "\"ClosedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ListingFindings_OpenedByRunId",
                table: "ListingFindings",
                column: "OpenedByRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ListingFindings_OwnerEmployeeId_ClosedAtUtc_DueAtUtc",
                table: "ListingFindings",
                columns: new[] { "OwnerEmployeeId", "ClosedAtUtc", "DueAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditSettings");

            migrationBuilder.DropTable(
                name: "AuditTallies");

            migrationBuilder.DropTable(
                name: "ListingFindings");

            migrationBuilder.DropTable(
                name: "AuditRuns");
        }
    }
}
