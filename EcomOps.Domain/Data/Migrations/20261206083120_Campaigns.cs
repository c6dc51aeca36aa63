using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CampaignId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PromotionCode",
                table: "Orders",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ChannelIds = table.Column<string>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MemberTier = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Exclusive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpliftPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    StackTiers = table.Column<bool>(type: "INTEGER", nullable: false),
                    GiftSkuId = table.Column<int>(type: "INTEGER", nullable: true),
                    GiftQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    GiftThresholdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AdsBudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GiftBudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    DiscountBudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AdsSpentCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GoalRevenueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    GoalUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalConversionPercent = table.Column<double>(type: "REAL", nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovalRiskState = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WentBadly = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Risks = table.Column<string>(type: "TEXT", nullable: true),
                    Skus = table.Column<string>(type: "TEXT", nullable: true),
                    Tasks = table.Column<string>(type: "TEXT", nullable: true),
                    Tiers = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CampaignId_PlacedAtUtc",
                table: "Orders",
                columns: new[] { "CampaignId", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Code",
                table: "Campaigns",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_OwnerEmployeeId",
                table: "Campaigns",
                column: "OwnerEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_StartsAtUtc_EndsAtUtc",
                table: "Campaigns",
                columns: new[] { "StartsAtUtc", "EndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_State_StartsAtUtc",
                table: "Campaigns",
                columns: new[] { "State", "StartsAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Orders_CampaignId_PlacedAtUtc",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PromotionCode",
                table: "Orders");
        }
    }
}
