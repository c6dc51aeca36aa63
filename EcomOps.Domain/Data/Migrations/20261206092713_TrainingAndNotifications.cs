using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareerStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Track = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequiredAreas = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MinAppraisalScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareerStep", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notification",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TextKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ArgsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PromotionProposal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionProposal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionProposal_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequiredTraining",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequiredTraining", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rotation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPost = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ToPost = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ArrangedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rotation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rotation_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssessmentMethod = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DraftedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPlan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPlanItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedSessions = table.Column<int>(type: "INTEGER", nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPlanItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingPlanItem_TrainingPlan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TrainingPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PassMark = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrainerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExternalProvider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProviderContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredRoles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttendanceTakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultsRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSession_Employees_TrainerEmployeeId",
                        column: x => x.TrainerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingSession_TrainingPlanItem_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "TrainingPlanItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnrolledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    FeedbackRating = table.Column<int>(type: "INTEGER", nullable: true),
                    FeedbackComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolment_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolment_TrainingSession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CareerStep",
                columns: new[] { "Id", "MinAppraisalScore", "Rank", "RequiredAreas", "Role", "Track" },
                values: new object[,]
                {
                    { 1, null, 1, "EcommerceBasics", "OperationsSpecialist", "Operations" },
                    { 2, null, 2, "EcommerceBasics,CampaignPlanning,DataAnalysis", "OperationsManager", "Operations" },
                    { 3, null, 3, "CampaignPlanning,DataAnalysis,Leadership", "OperationsDirector", "Operations" },
                    { 4, null, 1, "EcommerceBasics,CustomerService", "CsAgent", "CustomerService" },
                    { 5, null, 2, "CustomerService,Compliance,Leadership", "CsSupervisor", "CustomerService" },
                    { 6, null, 1, "EcommerceBasics,DesignSkills", "Designer", "Design" },
                    { 7, null, 2, "DesignSkills,Leadership", "DesignSupervisor", "Design" }
                });

            migrationBuilder.InsertData(
                table: "RequiredTraining",
                columns: new[] { "Id", "Area", "Role" },
                values: new object[,]
                {
                    { 1, "EcommerceBasics", "OperationsSpecialist" },
                    { 2, "ProfessionalSkills", "OperationsSpecialist" },
                    { 3, "Compliance", "OperationsSpecialist" },
                    { 4, "EcommerceBasics", "OperationsManager" },
                    { 5, "CampaignPlanning", "OperationsManager" },
                    { 6, "DataAnalysis", "OperationsManager" },
                    { 7, "EcommerceBasics", "CsAgent" },
                    { 8, "CustomerService", "CsAgent" },
                    { 9, "CustomerService", "CsSupervisor" },
                    { 10, "Leadership", "CsSupervisor" },
                    { 11, "EcommerceBasics", "Designer" },
                    { 12, "DesignSkills", "Designer" },
                    { 13, "DesignSkills", "DesignSupervisor" },
                    { 14, "Leadership", "DesignSupervisor" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareerStep_Track_Rank",
                table: "CareerStep",
                columns: new[] { "Track", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notification_RecipientUserId_EventKey",
                table: "Notification",
                columns: new[] { "RecipientUserId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notification_RecipientUserId_ReadAtUtc_CreatedAtUtc",
                table: "Notification",
                columns: new[] { "RecipientUserId", "ReadAtUtc", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionProposal_EmployeeId_State",
                table: "PromotionProposal",
                columns: new[] { "EmployeeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RequiredTraining_Role_Area",
                table: "RequiredTraining",
                columns: new[] { "Role", "Area" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rotation_EmployeeId",
                table: "Rotation",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_EmployeeId",
                table: "TrainingEnrolment",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolment_SessionId_EmployeeId",
                table: "TrainingEnrolment",
                columns: new[] { "SessionId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlan_Team_Year",
                table: "TrainingPlan",
                columns: new[] { "Team", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlanItem_PlanId",
                table: "TrainingPlanItem",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSession_PlanItemId",
                table: "TrainingSession",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSession_StartsAtUtc",
                table: "TrainingSession",
                column: "StartsAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSession_Team_StartsAtUtc",
                table: "TrainingSession",
                columns: new[] { "Team", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSession_TrainerEmployeeId",
                table: "TrainingSession",
                column: "TrainerEmployeeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareerStep");

            migrationBuilder.DropTable(
                name: "Notification");

            migrationBuilder.DropTable(
                name: "PromotionProposal");

            migrationBuilder.DropTable(
                name: "RequiredTraining");

            migrationBuilder.DropTable(
                name: "Rotation");

            migrationBuilder.DropTable(
                name: "TrainingEnrolment");

            migrationBuilder.DropTable(
                name: "TrainingSession");

            migrationBuilder.DropTable(
                name: "TrainingPlanItem");

            migrationBuilder.DropTable(
                name: "TrainingPlan");
        }
    }
}
