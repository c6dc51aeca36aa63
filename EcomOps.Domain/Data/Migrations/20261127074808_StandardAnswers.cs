using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class StandardAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComplainantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OrderReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstResponseDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponseAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ResponsibleDepartment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ResponsiblePersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    InvestigationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InvestigatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CurrentRound = table.Column<int>(type: "INTEGER", nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NextDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintCases_Employees_ResponsiblePersonId",
                        column: x => x.ResponsiblePersonId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplaintCases_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StandardAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 310, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UsageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FollowUpDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VerdictNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintRounds_ComplaintCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ComplaintCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpectedOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverdueAlertedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintMeasures_ComplaintRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ComplaintRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ComplaintMeasures_Employees_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintCases_ReceivedAtUtc",
                table: "ComplaintCases",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintCases_ResponsiblePersonId",
                table: "ComplaintCases",
                column: "ResponsiblePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintCases_Stage_NextDueUtc",
                table: "ComplaintCases",
                columns: new[] { "Stage", "NextDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintCases_TicketId",
                table: "ComplaintCases",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_DoneAtUtc_DeadlineUtc",
                table: "ComplaintMeasures",
                columns: new[] { "DoneAtUtc", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_OwnerId",
                table: "ComplaintMeasures",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintMeasures_RoundId",
                table: "ComplaintMeasures",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRounds_CaseId_Number",
                table: "ComplaintRounds",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandardAnswers_Status_Language_Category",
                table: "StandardAnswers",
                columns: new[] { "Status", "Language", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardAnswers_Status_UsageCount",
                table: "StandardAnswers",
                columns: new[] { "Status", "UsageCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintMeasures");

            migrationBuilder.DropTable(
                name: "StandardAnswers");

            migrationBuilder.DropTable(
                name: "ComplaintRounds");

            migrationBuilder.DropTable(
                name: "ComplaintCases");
        }
    }
}
