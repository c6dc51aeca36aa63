using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DesignStudio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DesignRequestId",
                table: "StoreRefreshes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DesignRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Brief = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Specifications = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: true),
                    StoreElement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Campaign = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    RequesterEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequesterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssigneeEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssigneeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReworkRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CooperationScore = table.Column<int>(type: "INTEGER", nullable: true),
                    CooperationComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveredByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignRequest", x => x.Id);
                    table.CheckConstraint("CK_DesignRequests_Cooperation", "\"CooperationScore\" IS NULL OR \"CooperationScore\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_DesignRequest_Employees_AssigneeEmployeeId",
                        column: x => x.AssigneeEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DesignRequest_Employees_RequesterEmployeeId",
                        column: x => x.RequesterEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DesignRequest_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DesignRequest_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DesignSpec",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignSpec", x => new { x.Platform, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "DesignVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedByEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesignVersion_DesignRequest_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DesignRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DesignFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    BlobHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesignFile_DesignRequest_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DesignRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DesignFile_DesignVersion_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DesignVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DesignFile_ImageBlobs_BlobHash",
                        column: x => x.BlobHash,
                        principalTable: "ImageBlobs",
                        principalColumn: "Hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DesignReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BrandFit = table.Column<int>(type: "INTEGER", nullable: false),
                    VisualEffect = table.Column<int>(type: "INTEGER", nullable: false),
                    Creativity = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DesignerEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignReview", x => x.Id);
                    table.CheckConstraint("CK_DesignReviews_BrandFit", "\"BrandFit\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_DesignReviews_Creativity", "\"Creativity\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_DesignReviews_VisualEffect", "\"VisualEffect\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_DesignReview_DesignRequest_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DesignRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DesignReview_DesignVersion_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DesignVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_DesignRequestId",
                table: "StoreRefreshes",
                column: "DesignRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_DesignFile_BlobHash",
                table: "DesignFile",
                column: "BlobHash");

            migrationBuilder.CreateIndex(
                name: "IX_DesignFile_RequestId_VersionId_Position",
                table: "DesignFile",
                columns: new[] { "RequestId", "VersionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignFile_VersionId",
                table: "DesignFile",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DesignRequest_AssigneeEmployeeId_State",
                table: "DesignRequest",
                columns: new[] { "AssigneeEmployeeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignRequest_ChannelId",
                table: "DesignRequest",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_DesignRequest_DeliveredAtUtc",
                table: "DesignRequest",
                column: "DeliveredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DesignRequest_ListingId_State",
                table: "DesignRequest",
                columns: new[] { "ListingId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignRequest_RequesterEmployeeId",
                table: "DesignRequest",
                column: "RequesterEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_DesignRequest_State_DueDate",
                table: "DesignRequest",
                columns: new[] { "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DesignReview_RequestId",
                table: "DesignReview",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_DesignReview_ReviewedAtUtc",
                table: "DesignReview",
                column: "ReviewedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DesignReview_VersionId",
                table: "DesignReview",
                column: "VersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DesignVersion_RequestId_Number",
                table: "DesignVersion",
                columns: new[] { "RequestId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_StoreRefreshes_DesignRequest_DesignRequestId",
                table: "StoreRefreshes",
                column: "DesignRequestId",
                principalTable: "DesignRequest",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StoreRefreshes_DesignRequest_DesignRequestId",
                table: "StoreRefreshes");

            migrationBuilder.DropTable(
                name: "DesignFile");

            migrationBuilder.DropTable(
                name: "DesignReview");

            migrationBuilder.DropTable(
                name: "DesignSpec");

            migrationBuilder.DropTable(
                name: "DesignVersion");

            migrationBuilder.DropTable(
                name: "DesignRequest");

            migrationBuilder.DropIndex(
                name: "IX_StoreRefreshes_DesignRequestId",
                table: "StoreRefreshes");

            migrationBuilder.DropColumn(
                name: "DesignRequestId",
                table: "StoreRefreshes");
        }
    }
}
