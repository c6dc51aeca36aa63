using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcomOps.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailboxesAndMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DevelopmentSms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentSms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mailbox",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImapHost = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImapPort = table.Column<int>(type: "INTEGER", nullable: false),
                    ImapSecurity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ImapUser = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedImapPassword = table.Column<string>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SmtpHost = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SmtpPort = table.Column<int>(type: "INTEGER", nullable: false),
                    SmtpSecurity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SmtpUser = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedSmtpPassword = table.Column<string>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUid = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFetchAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFetchError = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    LastFetchDetail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LastFetchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailFile",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailFile", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "MailOutgoing",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InReplyTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    References = table.Column<string>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailOutgoing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailOutgoing_Mailbox_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MailOutgoing_TicketEntries_TicketEntryId",
                        column: x => x.TicketEntryId,
                        principalTable: "TicketEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MailOutgoing_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    Uid = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    TicketEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OriginalHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailRecord_Mailbox_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MailRecord_TicketEntries_TicketEntryId",
                        column: x => x.TicketEntryId,
                        principalTable: "TicketEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MailRecord_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MailAttachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MailAttachment_MailRecord_MailRecordId",
                        column: x => x.MailRecordId,
                        principalTable: "MailRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSms_Phone_Id",
                table: "DevelopmentSms",
                columns: new[] { "Phone", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MailAttachment_MailRecordId",
                table: "MailAttachment",
                column: "MailRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailbox_Address",
                table: "Mailbox",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailOutgoing_MailboxId",
                table: "MailOutgoing",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_MailOutgoing_MessageId",
                table: "MailOutgoing",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailOutgoing_Status_NextAttemptUtc",
                table: "MailOutgoing",
                columns: new[] { "Status", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MailOutgoing_TicketEntryId",
                table: "MailOutgoing",
                column: "TicketEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_MailOutgoing_TicketId",
                table: "MailOutgoing",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_FromAddress_ReceivedAtUtc",
                table: "MailRecord",
                columns: new[] { "FromAddress", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_MailboxId_MessageId",
                table: "MailRecord",
                columns: new[] { "MailboxId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_MailboxId_UidValidity_Uid",
                table: "MailRecord",
                columns: new[] { "MailboxId", "UidValidity", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_MessageId",
                table: "MailRecord",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_Outcome_Id",
                table: "MailRecord",
                columns: new[] { "Outcome", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_TicketEntryId",
                table: "MailRecord",
                column: "TicketEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_MailRecord_TicketId",
                table: "MailRecord",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DevelopmentSms");

            migrationBuilder.DropTable(
                name: "MailAttachment");

            migrationBuilder.DropTable(
                name: "MailFile");

            migrationBuilder.DropTable(
                name: "MailOutgoing");

            migrationBuilder.DropTable(
                name: "MailRecord");

            migrationBuilder.DropTable(
                name: "Mailbox");
        }
    }
}
