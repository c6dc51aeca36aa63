using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Appraisals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppraisalCycle",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuantitativeJson = table.Column<string>(type: "TEXT", nullable: false),
                    QualitativeJson = table.Column<string>(type: "TEXT", nullable: false),
                    SelfDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScoringDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CalibrationDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InterviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalCycle", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalGrading",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BandsJson = table.Column<string>(type: "TEXT", nullable: false),
                    MaxTopSharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalGrading", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Team = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuantitativeJson = table.Column<string>(type: "TEXT", nullable: false),
                    QualitativeJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appraisal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QuantitativeJson = table.Column<string>(type: "TEXT", nullable: false),
                    MeasuredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QuantitativeFrozenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    QualitativeJson = table.Column<string>(type: "TEXT", nullable: false),
                    SelfComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SelfSubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeadComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScoredByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CalibrationAdjustment = table.Column<double>(type: "REAL", nullable: false),
                    CalibrationReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CalibratedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CalibratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Weaknesses = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EmployeeRemarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InterviewedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InterviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    FinalScore = table.Column<double>(type: "REAL", nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BonusCoefficient = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgementComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appraisal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appraisal_AppraisalCycle_CycleId",
                        column: x => x.CycleId,
                        principalTable: "AppraisalCycle",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Appraisal_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalCorrection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppraisalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalCorrection", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalCorrection_Appraisal_AppraisalId",
                        column: x => x.AppraisalId,
                        principalTable: "Appraisal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalGoal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppraisalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalGoal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalGoal_Appraisal_AppraisalId",
                        column: x => x.AppraisalId,
                        principalTable: "Appraisal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AppraisalGrading",
                columns: new[] { "Id", "BandsJson", "MaxTopSharePercent", "UpdatedByName", "Version" },
                values: new object[] { 1, "[{\"Grade\":\"S\",\"MinScore\":95,\"BonusCoefficient\":1.5},{\"Grade\":\"A\",\"MinScore\":85,\"BonusCoefficient\":1.2},{\"Grade\":\"B\",\"MinScore\":70,\"BonusCoefficient\":1.0},{\"Grade\":\"C\",\"MinScore\":60,\"BonusCoefficient\":0.8},{\"Grade\":\"D\",\"MinScore\":0,\"BonusCoefficient\":0}]", 30, null, 0L });

            migrationBuilder.InsertData(
                table: "AppraisalTemplate",
                columns: new[] { "Id", "QualitativeJson", "QuantitativeJson", "Team", "UpdatedByName", "Version" },
                values: new object[,]
                {
                    { 1, "[{\"Key\":\"teamwork\",\"NameEn\":\"Teamwork\",\"NameZh\":\"\\u56E2\\u961F\\u534F\\u4F5C\",\"WeightPercent\":10},{\"Key\":\"attitude\",\"NameEn\":\"Work attitude\",\"NameZh\":\"\\u5DE5\\u4F5C\\u6001\\u5EA6\",\"WeightPercent\":10},{\"Key\":\"innovation\",\"NameEn\":\"Innovation\",\"NameZh\":\"\\u521B\\u65B0\\u80FD\\u529B\",\"WeightPercent\":10}]", "[{\"MetricKey\":\"operations.on-time-shipping\",\"WeightPercent\":20,\"Floor\":0.8,\"Target\":0.98},{\"MetricKey\":\"sales.conversion\",\"WeightPercent\":15,\"Floor\":0.01,\"Target\":0.04},{\"MetricKey\":\"campaigns.goal-attainment\",\"WeightPercent\":15,\"Floor\":0.6,\"Target\":1},{\"MetricKey\":\"operations.exception-rate\",\"WeightPercent\":10,\"Floor\":0.15,\"Target\":0.03},{\"MetricKey\":\"catalog.audit-pass-rate\",\"WeightPercent\":10,\"Floor\":0.7,\"Target\":1}]", "Operations", null, 0L },
                    { 2, "[{\"Key\":\"teamwork\",\"NameEn\":\"Teamwork\",\"NameZh\":\"\\u56E2\\u961F\\u534F\\u4F5C\",\"WeightPercent\":10},{\"Key\":\"attitude\",\"NameEn\":\"Work attitude\",\"NameZh\":\"\\u5DE5\\u4F5C\\u6001\\u5EA6\",\"WeightPercent\":10},{\"Key\":\"innovation\",\"NameEn\":\"Innovation\",\"NameZh\":\"\\u521B\\u65B0\\u80FD\\u529B\",\"WeightPercent\":10}]", "[{\"MetricKey\":\"service.reply-timeliness\",\"WeightPercent\":20,\"Floor\":0.7,\"Target\":0.95},{\"MetricKey\":\"service.resolution-rate\",\"WeightPercent\":15,\"Floor\":0.6,\"Target\":0.95},{\"MetricKey\":\"service.csat\",\"WeightPercent\":15,\"Floor\":3,\"Target\":4.8},{\"MetricKey\":\"service.complaint-resolution-rate\",\"WeightPercent\":10,\"Floor\":0.6,\"Target\":1},{\"MetricKey\":\"service.complaint-satisfaction\",\"WeightPercent\":10,\"Floor\":0.6,\"Target\":0.95}]", "CustomerService", null, 0L },
                    { 3, "[{\"Key\":\"teamwork\",\"NameEn\":\"Teamwork\",\"NameZh\":\"\\u56E2\\u961F\\u534F\\u4F5C\",\"WeightPercent\":10},{\"Key\":\"attitude\",\"NameEn\":\"Work attitude\",\"NameZh\":\"\\u5DE5\\u4F5C\\u6001\\u5EA6\",\"WeightPercent\":10},{\"Key\":\"innovation\",\"NameEn\":\"Innovation\",\"NameZh\":\"\\u521B\\u65B0\\u80FD\\u529B\",\"WeightPercent\":10}]", "[{\"MetricKey\":\"design.quality\",\"WeightPercent\":20,\"Floor\":3,\"Target\":4.8},{\"MetricKey\":\"design.on-time\",\"WeightPercent\":20,\"Floor\":0.7,\"Target\":1},{\"MetricKey\":\"design.cooperation\",\"WeightPercent\":15,\"Floor\":3,\"Target\":4.8},{\"MetricKey\":\"design.sales-contribution\",\"WeightPercent\":15,\"Floor\":0,\"Target\":0.1}]", "Design", null, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appraisal_CycleId_EmployeeId",
                table: "Appraisal",
                columns: new[] { "CycleId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appraisal_EmployeeId",
                table: "Appraisal",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalCorrection_AppraisalId",
                table: "AppraisalCorrection",
                column: "AppraisalId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalCycle_Team_Frequency_PeriodStart",
                table: "AppraisalCycle",
                columns: new[] { "Team", "Frequency", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalGoal_AppraisalId",
                table: "AppraisalGoal",
                column: "AppraisalId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalGoal_DueOn",
                table: "AppraisalGoal",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalTemplate_Team",
                table: "AppraisalTemplate",
                column: "Team",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppraisalCorrection");

            migrationBuilder.DropTable(
                name: "AppraisalGoal");

            migrationBuilder.DropTable(
                name: "AppraisalGrading");

            migrationBuilder.DropTable(
                name: "AppraisalTemplate");

            migrationBuilder.DropTable(
                name: "Appraisal");

            migrationBuilder.DropTable(
                name: "AppraisalCycle");
        }
    }
}
