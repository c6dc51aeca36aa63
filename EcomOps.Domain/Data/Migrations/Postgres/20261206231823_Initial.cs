using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EcomOps.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppraisalCycle",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    QuantitativeJson = table.Column<string>(type: "text", nullable: false),
                    QualitativeJson = table.Column<string>(type: "text", nullable: false),
                    SelfDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ScoringDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CalibrationDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InterviewDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalCycle", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalGrading",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BandsJson = table.Column<string>(type: "text", nullable: false),
                    MaxTopSharePercent = table.Column<int>(type: "integer", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalGrading", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    QuantitativeJson = table.Column<string>(type: "text", nullable: false),
                    QualitativeJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Culture = table.Column<string>(type: "text", nullable: true),
                    DarkMode = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Changes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ListingsChecked = table.Column<int>(type: "integer", nullable: false),
                    ListingsPassed = table.Column<int>(type: "integer", nullable: false),
                    FindingsOpened = table.Column<int>(type: "integer", nullable: false),
                    FindingsClosed = table.Column<int>(type: "integer", nullable: false),
                    FindingsStillOpen = table.Column<int>(type: "integer", nullable: false),
                    ListingsPaused = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Brands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Brands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Calendar = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hours = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarSeedsApplied",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarSeedsApplied", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "CareerStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Track = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequiredAreas = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MinAppraisalScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareerStep", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    NameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Categories_Categories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CohortCell",
                columns: table => new
                {
                    CohortMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    MonthIndex = table.Column<int>(type: "integer", nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortCell", x => new { x.CohortMonth, x.MonthIndex });
                });

            migrationBuilder.CreateTable(
                name: "CustomerInsightRun",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Orders = table.Column<int>(type: "integer", nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<int>(type: "integer", nullable: false),
                    Milliseconds = table.Column<long>(type: "bigint", nullable: false),
                    BacktestCutoff = table.Column<DateOnly>(type: "date", nullable: true),
                    BacktestEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    BacktestCustomers = table.Column<int>(type: "integer", nullable: false),
                    BacktestModelHits = table.Column<int>(type: "integer", nullable: false),
                    BacktestBaselineHits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerInsightRun", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerProfile",
                columns: table => new
                {
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstOrderDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastOrderDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Orders = table.Column<int>(type: "integer", nullable: false),
                    SpendCents = table.Column<long>(type: "bigint", nullable: false),
                    Recency = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    Monetary = table.Column<int>(type: "integer", nullable: false),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenComplaints = table.Column<int>(type: "integer", nullable: false),
                    TopCategory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TopCategoryShare = table.Column<double>(type: "double precision", nullable: false),
                    TopBrand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TopBrandShare = table.Column<double>(type: "double precision", nullable: false),
                    TopPriceBand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TopPriceBandShare = table.Column<double>(type: "double precision", nullable: false),
                    Preferences = table.Column<string>(type: "text", nullable: true),
                    NextCategory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NextFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    NextTo = table.Column<DateOnly>(type: "date", nullable: true),
                    NextLastBought = table.Column<DateOnly>(type: "date", nullable: true),
                    NextGapDays = table.Column<int>(type: "integer", nullable: true),
                    NextBasis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    NextTimes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerProfile", x => x.Phone);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DesignSpec",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignSpec", x => new { x.Platform, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentSms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phone = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentSms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackDigest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Entries = table.Column<int>(type: "integer", nullable: false),
                    Suggestions = table.Column<int>(type: "integer", nullable: false),
                    Acknowledged = table.Column<int>(type: "integer", nullable: false),
                    Culture = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDigest", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImageBlobs",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "bytea", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImageBlobs", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "KpiTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mailbox",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ImapHost = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ImapPort = table.Column<int>(type: "integer", nullable: false),
                    ImapSecurity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ImapUser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedImapPassword = table.Column<string>(type: "text", nullable: false),
                    Folder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SmtpHost = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SmtpPort = table.Column<int>(type: "integer", nullable: false),
                    SmtpSecurity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SmtpUser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProtectedSmtpPassword = table.Column<string>(type: "text", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: true),
                    LastUid = table.Column<long>(type: "bigint", nullable: false),
                    LastFetchAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFetchError = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LastFetchDetail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    LastFetchCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailFile",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailFile", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "Notification",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TextKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ArgsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    EventKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OptimisationFinding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Rule = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastSeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Reference = table.Column<double>(type: "double precision", nullable: false),
                    Volume = table.Column<long>(type: "bigint", nullable: false),
                    Series = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReferenceSeries = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Work = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    WorkId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WorkDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeasureOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ValueAfter = table.Column<double>(type: "double precision", nullable: true),
                    ReferenceAfter = table.Column<double>(type: "double precision", nullable: true),
                    Effect = table.Column<double>(type: "double precision", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptimisationFinding", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OptimisationSetting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptimisationSetting", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "PriceBands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FromCents = table.Column<long>(type: "bigint", nullable: false),
                    ToCents = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceBands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductPairRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    ThenProductId = table.Column<int>(type: "integer", nullable: false),
                    BothOrders = table.Column<int>(type: "integer", nullable: false),
                    Support = table.Column<double>(type: "double precision", nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Lift = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductPairRule", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequiredTraining",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Area = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequiredTraining", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesChannels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApiKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ApiKeyHint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesChannels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SegmentPreference",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SpendCents = table.Column<long>(type: "bigint", nullable: false),
                    Share = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentPreference", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BreachedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PolicyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaBreaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceTrafficDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false),
                    PageViews = table.Column<int>(type: "integer", nullable: false),
                    PayingBuyers = table.Column<int>(type: "integer", nullable: false),
                    SpendCents = table.Column<long>(type: "bigint", nullable: true),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SourceFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceTrafficDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StandardAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Tags = table.Column<string>(type: "character varying(310)", maxLength: 310, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UsageCount = table.Column<int>(type: "integer", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredForecast",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WeekOf = table.Column<DateOnly>(type: "date", nullable: false),
                    MadeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HistoryTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Series = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Predicted = table.Column<double>(type: "double precision", nullable: false),
                    Low = table.Column<double>(type: "double precision", nullable: false),
                    High = table.Column<double>(type: "double precision", nullable: false),
                    CampaignDay = table.Column<bool>(type: "boolean", nullable: false),
                    Parameters = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BacktestMape = table.Column<double>(type: "double precision", nullable: true),
                    NaiveMape = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredForecast", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Teams = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Culture = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParametersKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scheduled = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    BuiltAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BuildMilliseconds = table.Column<long>(type: "bigint", nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Suppliers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LeadTimeDays = table.Column<int>(type: "integer", nullable: false),
                    MinOrderQuantity = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppliers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamSettings",
                columns: table => new
                {
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AutoAssign = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamSettings", x => x.Team);
                });

            migrationBuilder.CreateTable(
                name: "TrafficDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    PageViews = table.Column<int>(type: "integer", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false),
                    NewVisitors = table.Column<int>(type: "integer", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SourceFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrafficSourceNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficSourceNames", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Goals = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AssessmentMethod = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DraftedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPlan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warehouses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warehouses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Employees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FullName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ManagerId = table.Column<int>(type: "integer", nullable: true),
                    HireDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Employees_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Employees_Employees_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    BrandId = table.Column<int>(type: "integer", nullable: true),
                    Origin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Material = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Instructions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AfterSales = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SellingPoints = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Products_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Products_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditTallies",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Checked = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<int>(type: "integer", nullable: false)
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
                name: "ChannelListingRules",
                columns: table => new
                {
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    ExtraFields = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelListingRules", x => x.ChannelId);
                    table.ForeignKey(
                        name: "FK_ChannelListingRules_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPlanItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    PlannedSessions = table.Column<int>(type: "integer", nullable: false),
                    Assessment = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
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
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    PlatformOrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ShippingAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CustomerLanguage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BuyerNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ItemsCents = table.Column<long>(type: "bigint", nullable: false),
                    DiscountCents = table.Column<long>(type: "bigint", nullable: false),
                    ShippingFeeCents = table.Column<long>(type: "bigint", nullable: false),
                    TotalCents = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PaymentStatus = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ShippingStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PaidAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ShipByUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ShippedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeldSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WarehouseId = table.Column<int>(type: "integer", nullable: true),
                    StockReserved = table.Column<bool>(type: "boolean", nullable: false),
                    Carrier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DelayNotified = table.Column<bool>(type: "boolean", nullable: false),
                    PromotionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupplierId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpectedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchaseOrders_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PurchaseOrders_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Appraisal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QuantitativeJson = table.Column<string>(type: "text", nullable: false),
                    MeasuredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QuantitativeFrozenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QualitativeJson = table.Column<string>(type: "text", nullable: false),
                    SelfComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SelfSubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeadComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScoredByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ScoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CalibrationAdjustment = table.Column<double>(type: "double precision", nullable: false),
                    CalibrationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CalibratedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CalibratedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Strengths = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Weaknesses = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EmployeeRemarks = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InterviewedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    InterviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    FinalScore = table.Column<double>(type: "double precision", nullable: true),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    BonusCoefficient = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgementComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ChannelIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Audience = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AudienceSegment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MemberTier = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Exclusive = table.Column<bool>(type: "boolean", nullable: false),
                    UpliftPercent = table.Column<int>(type: "integer", nullable: false),
                    StackTiers = table.Column<bool>(type: "boolean", nullable: false),
                    GiftSkuId = table.Column<int>(type: "integer", nullable: true),
                    GiftQuantity = table.Column<int>(type: "integer", nullable: false),
                    GiftThresholdCents = table.Column<long>(type: "bigint", nullable: false),
                    AdsBudgetCents = table.Column<long>(type: "bigint", nullable: false),
                    GiftBudgetCents = table.Column<long>(type: "bigint", nullable: false),
                    DiscountBudgetCents = table.Column<long>(type: "bigint", nullable: false),
                    AdsSpentCents = table.Column<long>(type: "bigint", nullable: false),
                    GoalRevenueCents = table.Column<long>(type: "bigint", nullable: false),
                    GoalUnits = table.Column<int>(type: "integer", nullable: false),
                    GoalParticipants = table.Column<int>(type: "integer", nullable: false),
                    GoalConversionPercent = table.Column<double>(type: "double precision", nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovalRiskState = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WentWell = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WentBadly = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Lessons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Risks = table.Column<string>(type: "jsonb", nullable: true),
                    Skus = table.Column<string>(type: "jsonb", nullable: true),
                    Tasks = table.Column<string>(type: "jsonb", nullable: true),
                    Tiers = table.Column<string>(type: "jsonb", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "PromotionProposal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    FromRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "text", nullable: true),
                    ProposedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "Rotation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    FromPost = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ToPost = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ArrangedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                name: "StorePageElements",
                columns: table => new
                {
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    Element = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CurrentAsset = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OwnerEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorePageElements", x => new { x.ChannelId, x.Element });
                    table.ForeignKey(
                        name: "FK_StorePageElements_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StorePageElements_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CustomerContact = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CustomerLanguage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, defaultValue: "zh-Hans"),
                    OrderReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssigneeId = table.Column<int>(type: "integer", nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    SlaPolicyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstResponseDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextReplyDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextWarningUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlaBadge = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SlaNextCheckUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "Listings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SellingPoints = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CompletenessPercent = table.Column<int>(type: "integer", nullable: false),
                    MissingFields = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    LastEditorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    LastEditorEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    LastEditorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastEditedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedByEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    ApprovedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StateChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings", x => x.Id);
                    table.CheckConstraint("CK_Listings_Completeness", "\"CompletenessPercent\" BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_Listings_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Listings_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    BlobHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductImages_ImageBlobs_BlobHash",
                        column: x => x.BlobHash,
                        principalTable: "ImageBlobs",
                        principalColumn: "Hash",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProductImages_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Skus",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: true),
                    Specification = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Barcode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    WeightGrams = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Brand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ListPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    UnitCostCents = table.Column<long>(type: "bigint", nullable: false),
                    PackSize = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Skus", x => x.Id);
                    table.CheckConstraint("CK_Skus_PackSize", "\"PackSize\" >= 1");
                    table.ForeignKey(
                        name: "FK_Skus_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanItemId = table.Column<int>(type: "integer", nullable: true),
                    Team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Area = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Method = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Assessment = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PassMark = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TrainerEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    ExternalProvider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProviderContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    RequiredRoles = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    AttendanceTakenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResultsRecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "OrderEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ContactOutcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderEvents_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderHolds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Detail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RaisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderHolds_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderShipments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    Carrier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TrackingNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ShippedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderShipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderShipments_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrderShipments_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalCorrection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppraisalId = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<double>(type: "double precision", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppraisalId = table.Column<int>(type: "integer", nullable: false),
                    Goal = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Measure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    ProgressNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ComplaintCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComplainantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Matter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Product = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrderReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    FirstResponseDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstResponseAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RootCause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResponsibleDepartment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResponsiblePersonId = table.Column<int>(type: "integer", nullable: true),
                    InvestigationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InvestigatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CurrentRound = table.Column<int>(type: "integer", nullable: false),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    NextDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "CustomerFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Response = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerFeedback_Employees_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerFeedback_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: true),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutboxMessages_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlatformMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    PlatformMessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SatisfactionSurvey",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AgentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionSurvey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SatisfactionSurvey_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AuthorEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "TicketReferral",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ToEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReferredById = table.Column<int>(type: "integer", nullable: true),
                    ReferredByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketReferral", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketReferral_Employees_ToEmployeeId",
                        column: x => x.ToEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketReferral_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketStatusChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "WebContact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    ContactKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrderNumberGiven = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastMessageAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Messages = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebContact_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DesignRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Brief = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Specifications = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: true),
                    ChannelId = table.Column<int>(type: "integer", nullable: true),
                    StoreElement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Campaign = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    RequesterEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    RequesterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RequesterName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssigneeEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    AssigneeUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReworkRounds = table.Column<int>(type: "integer", nullable: false),
                    LastNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CooperationScore = table.Column<int>(type: "integer", nullable: true),
                    CooperationComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveredByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "ListingFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Item = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MessageKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Arguments = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HighlightStart = table.Column<int>(type: "integer", nullable: true),
                    HighlightLength = table.Column<int>(type: "integer", nullable: true),
                    HighlightTerm = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    HighlightText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OwnerEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpenedByRunId = table.Column<int>(type: "integer", nullable: true),
                    ClosedByRunId = table.Column<int>(type: "integer", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PausedListingAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ListingTrafficDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false),
                    PageViews = table.Column<int>(type: "integer", nullable: false),
                    AddToCart = table.Column<int>(type: "integer", nullable: false),
                    PayingBuyers = table.Column<int>(type: "integer", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SourceFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingTrafficDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingTrafficDays_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CountTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpectedAtStart = table.Column<int>(type: "integer", nullable: true),
                    StartMovementId = table.Column<long>(type: "bigint", nullable: true),
                    CountedQuantity = table.Column<int>(type: "integer", nullable: true),
                    MovedDuringCount = table.Column<int>(type: "integer", nullable: true),
                    Variance = table.Column<int>(type: "integer", nullable: true),
                    VarianceValueCents = table.Column<long>(type: "bigint", nullable: true),
                    CountedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CountedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CountTasks_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CountTasks_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InventoryAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedLevel = table.Column<int>(type: "integer", nullable: true),
                    SnoozedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InventoryAlerts_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InventoryAlerts_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListingPrices",
                columns: table => new
                {
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingPrices", x => new { x.ListingId, x.SkuId });
                    table.CheckConstraint("CK_ListingPrices_Price", "\"PriceCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_ListingPrices_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ListingPrices_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrderLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    SkuCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    DiscountCents = table.Column<long>(type: "bigint", nullable: false),
                    ShippedQuantity = table.Column<int>(type: "integer", nullable: false),
                    ReturnedQuantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderLines_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrderLines_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseOrderLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PurchaseOrderId = table.Column<int>(type: "integer", nullable: false),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    OrderedQuantity = table.Column<int>(type: "integer", nullable: false),
                    ReceivedQuantity = table.Column<int>(type: "integer", nullable: false),
                    UnitCostCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseOrderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchaseOrderLines_PurchaseOrders_PurchaseOrderId",
                        column: x => x.PurchaseOrderId,
                        principalTable: "PurchaseOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PurchaseOrderLines_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReorderSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    SupplierId = table.Column<int>(type: "integer", nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ProjectedStock = table.Column<int>(type: "integer", nullable: false),
                    ReorderPoint = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PurchaseOrderId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorderSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorderSuggestions_PurchaseOrders_PurchaseOrderId",
                        column: x => x.PurchaseOrderId,
                        principalTable: "PurchaseOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReorderSuggestions_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReorderSuggestions_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReorderSuggestions_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SkuClassifications",
                columns: table => new
                {
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    RevenueCents = table.Column<long>(type: "bigint", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuClassifications", x => x.SkuId);
                    table.ForeignKey(
                        name: "FK_SkuClassifications_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlowStockDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlowStockDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlowStockDecisions_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SlowStockDecisions_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockBalances",
                columns: table => new
                {
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Reserved = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockBalances", x => new { x.SkuId, x.WarehouseId });
                    table.CheckConstraint("CK_StockBalances_Available", "\"OnHand\" >= \"Reserved\"");
                    table.CheckConstraint("CK_StockBalances_Reserved", "\"Reserved\" >= 0");
                    table.ForeignKey(
                        name: "FK_StockBalances_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockBalances_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnHandDelta = table.Column<int>(type: "integer", nullable: false),
                    ReservedDelta = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ActorEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockMovements_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockMovements_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockPolicies",
                columns: table => new
                {
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    WarehouseId = table.Column<int>(type: "integer", nullable: false),
                    SupplierId = table.Column<int>(type: "integer", nullable: true),
                    ManualReorderPoint = table.Column<int>(type: "integer", nullable: true),
                    ComputedReorderPoint = table.Column<int>(type: "integer", nullable: false),
                    AverageDailyDemand = table.Column<double>(type: "double precision", nullable: false),
                    SafetyStock = table.Column<int>(type: "integer", nullable: false),
                    MaxStock = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockPolicies", x => new { x.SkuId, x.WarehouseId });
                    table.ForeignKey(
                        name: "FK_StockPolicies_Skus_SkuId",
                        column: x => x.SkuId,
                        principalTable: "Skus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockPolicies_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StockPolicies_Warehouses_WarehouseId",
                        column: x => x.WarehouseId,
                        principalTable: "Warehouses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    EnrolledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    FeedbackRating = table.Column<int>(type: "integer", nullable: true),
                    FeedbackComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "OrderShipmentLine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShipmentId = table.Column<int>(type: "integer", nullable: false),
                    OrderLineId = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderShipmentLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderShipmentLine_OrderShipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "OrderShipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FollowUpDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    VerdictNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUpAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "MailOutgoing",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    TicketEntryId = table.Column<long>(type: "bigint", nullable: false),
                    ToAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ToName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    InReplyTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    References = table.Column<string>(type: "text", nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FromAddress = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FromName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TicketId = table.Column<int>(type: "integer", nullable: true),
                    TicketEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OriginalHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "DesignVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedByEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "StoreRefreshes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    Element = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Occasion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    Brief = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DesignRequestId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreRefreshes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoreRefreshes_DesignRequest_DesignRequestId",
                        column: x => x.DesignRequestId,
                        principalTable: "DesignRequest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StoreRefreshes_Employees_OwnerEmployeeId",
                        column: x => x.OwnerEmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StoreRefreshes_SalesChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "SalesChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PurchaseOrderId = table.Column<int>(type: "integer", nullable: false),
                    PurchaseOrderLineId = table.Column<int>(type: "integer", nullable: false),
                    SupplierId = table.Column<int>(type: "integer", nullable: false),
                    SkuId = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    OverReceiptReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchaseReceipts_PurchaseOrderLines_PurchaseOrderLineId",
                        column: x => x.PurchaseOrderLineId,
                        principalTable: "PurchaseOrderLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PurchaseReceipts_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpectedOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OverdueAlertedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "MailAttachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailRecordId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "DesignFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    BlobHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    BrandFit = table.Column<int>(type: "integer", nullable: false),
                    VisualEffect = table.Column<int>(type: "integer", nullable: false),
                    Creativity = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DesignerEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.InsertData(
                table: "CareerStep",
                columns: new[] { "Id", "MinAppraisalScore", "Rank", "RequiredAreas", "Role", "Track", "Version" },
                values: new object[,]
                {
                    { 1, null, 1, "EcommerceBasics", "OperationsSpecialist", "Operations", 0L },
                    { 2, null, 2, "EcommerceBasics,CampaignPlanning,DataAnalysis", "OperationsManager", "Operations", 0L },
                    { 3, null, 3, "CampaignPlanning,DataAnalysis,Leadership", "OperationsDirector", "Operations", 0L },
                    { 4, null, 1, "EcommerceBasics,CustomerService", "CsAgent", "CustomerService", 0L },
                    { 5, null, 2, "CustomerService,Compliance,Leadership", "CsSupervisor", "CustomerService", 0L },
                    { 6, null, 1, "EcommerceBasics,DesignSkills", "Designer", "Design", 0L },
                    { 7, null, 2, "DesignSkills,Leadership", "DesignSupervisor", "Design", 0L }
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

            migrationBuilder.InsertData(
                table: "TrafficSourceNames",
                columns: new[] { "Id", "Name", "Platform", "Source", "Version" },
                values: new object[,]
                {
                    { 1, "手淘搜索", "Tmall", "Search", 0L },
                    { 2, "手淘推荐", "Tmall", "Recommendation", 0L },
                    { 3, "猜你喜欢", "Tmall", "Recommendation", 0L },
                    { 4, "直通车", "Tmall", "Paid", 0L },
                    { 5, "引力魔方", "Tmall", "Paid", 0L },
                    { 6, "万相台", "Tmall", "Paid", 0L },
                    { 7, "淘宝直播", "Tmall", "LiveStream", 0L },
                    { 8, "逛逛", "Tmall", "Content", 0L },
                    { 9, "内容", "Tmall", "Content", 0L },
                    { 10, "购物车", "Tmall", "Direct", 0L },
                    { 11, "我的淘宝", "Tmall", "Direct", 0L },
                    { 12, "直接访问", "Tmall", "Direct", 0L },
                    { 13, "淘内免费其他", "Tmall", "Other", 0L },
                    { 14, "淘外流量", "Tmall", "Other", 0L },
                    { 15, "搜索", "JD", "Search", 0L },
                    { 16, "推荐", "JD", "Recommendation", 0L },
                    { 17, "京东快车", "JD", "Paid", 0L },
                    { 18, "京准通", "JD", "Paid", 0L },
                    { 19, "直接访问", "JD", "Direct", 0L },
                    { 20, "其他", "JD", "Other", 0L },
                    { 21, "商品卡", "Douyin", "Search", 0L },
                    { 22, "搜索", "Douyin", "Search", 0L },
                    { 23, "直播", "Douyin", "LiveStream", 0L },
                    { 24, "短视频", "Douyin", "Content", 0L },
                    { 25, "千川", "Douyin", "Paid", 0L },
                    { 26, "其他", "Douyin", "Other", 0L },
                    { 27, "搜索", "Pinduoduo", "Search", 0L },
                    { 28, "推荐", "Pinduoduo", "Recommendation", 0L },
                    { 29, "场景", "Pinduoduo", "Recommendation", 0L },
                    { 30, "推广", "Pinduoduo", "Paid", 0L },
                    { 31, "其他", "Pinduoduo", "Other", 0L },
                    { 32, "搜索引擎", "WebShop", "Search", 0L },
                    { 33, "广告", "WebShop", "Paid", 0L },
                    { 34, "直接访问", "WebShop", "Direct", 0L },
                    { 35, "其他", "WebShop", "Other", 0L }
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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityKey",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityKey" });

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
                name: "IX_Brands_Name",
                table: "Brands",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Calendar_Date",
                table: "CalendarDays",
                columns: new[] { "Calendar", "Date" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_CareerStep_Track_Rank",
                table: "CareerStep",
                columns: new[] { "Track", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Categories_ParentId",
                table: "Categories",
                column: "ParentId");

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
                name: "IX_CountTasks_SkuId_WarehouseId",
                table: "CountTasks",
                columns: new[] { "SkuId", "WarehouseId" },
                unique: true,
                filter: "\"Status\" IN ('Scheduled', 'Counting', 'AwaitingApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_SkuId_WarehouseId_CountedAtUtc",
                table: "CountTasks",
                columns: new[] { "SkuId", "WarehouseId", "CountedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_Status_ScheduledFor",
                table: "CountTasks",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_CountTasks_WarehouseId",
                table: "CountTasks",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerFeedback_Department_RecordedAtUtc",
                table: "CustomerFeedback",
                columns: new[] { "Department", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerFeedback_RecordedById",
                table: "CustomerFeedback",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerFeedback_TicketId",
                table: "CustomerFeedback",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProfile_Segment_SpendCents",
                table: "CustomerProfile",
                columns: new[] { "Segment", "SpendCents" });

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
                name: "IX_DesignRequest_CampaignId",
                table: "DesignRequest",
                column: "CampaignId");

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

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentSms_Phone_Id",
                table: "DevelopmentSms",
                columns: new[] { "Phone", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Employees_Email",
                table: "Employees",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employees_EmployeeNumber",
                table: "Employees",
                column: "EmployeeNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employees_ManagerId",
                table: "Employees",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_Employees_Team_Active",
                table: "Employees",
                columns: new[] { "Team", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_Employees_UserId",
                table: "Employees",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDigest_Department_Month",
                table: "FeedbackDigest",
                columns: new[] { "Department", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InventoryAlerts_ResolvedAtUtc_Kind",
                table: "InventoryAlerts",
                columns: new[] { "ResolvedAtUtc", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryAlerts_SkuId_WarehouseId_Kind",
                table: "InventoryAlerts",
                columns: new[] { "SkuId", "WarehouseId", "Kind" },
                unique: true,
                filter: "\"ResolvedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryAlerts_WarehouseId",
                table: "InventoryAlerts",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiTargets_Team_PeriodKind_MetricKey",
                table: "KpiTargets",
                columns: new[] { "Team", "PeriodKind", "MetricKey" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ListingPrices_SkuId",
                table: "ListingPrices",
                column: "SkuId");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_ChannelId_State",
                table: "Listings",
                columns: new[] { "ChannelId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_ChannelId_Title",
                table: "Listings",
                columns: new[] { "ChannelId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_CompletenessPercent_Title",
                table: "Listings",
                columns: new[] { "CompletenessPercent", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_ProductId_ChannelId",
                table: "Listings",
                columns: new[] { "ProductId", "ChannelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Listings_State_CompletenessPercent",
                table: "Listings",
                columns: new[] { "State", "CompletenessPercent" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_State_Title",
                table: "Listings",
                columns: new[] { "State", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Title",
                table: "Listings",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_ListingTrafficDays_Day",
                table: "ListingTrafficDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ListingTrafficDays_ListingId_Day",
                table: "ListingTrafficDays",
                columns: new[] { "ListingId", "Day" },
                unique: true);

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
                name: "IX_OptimisationFinding_Rule_SubjectKey",
                table: "OptimisationFinding",
                columns: new[] { "Rule", "SubjectKey" },
                unique: true,
                filter: "\"State\" <> 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_OptimisationFinding_State",
                table: "OptimisationFinding",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_Kind_AtUtc_OrderId",
                table: "OrderEvents",
                columns: new[] { "Kind", "AtUtc", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_Kind_ByName_AtUtc_OrderId",
                table: "OrderEvents",
                columns: new[] { "Kind", "ByName", "AtUtc", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_OrderId_AtUtc",
                table: "OrderEvents",
                columns: new[] { "OrderId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderHolds_OrderId",
                table: "OrderHolds",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderHolds_ResolvedAtUtc_Reason",
                table: "OrderHolds",
                columns: new[] { "ResolvedAtUtc", "Reason" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_OrderId",
                table: "OrderLines",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_SkuCode_OrderId",
                table: "OrderLines",
                columns: new[] { "SkuCode", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_SkuId",
                table: "OrderLines",
                column: "SkuId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CampaignId_PlacedAtUtc",
                table: "Orders",
                columns: new[] { "CampaignId", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ChannelId_PlacedAtUtc_Status",
                table: "Orders",
                columns: new[] { "ChannelId", "PlacedAtUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ChannelId_PlatformOrderId",
                table: "Orders",
                columns: new[] { "ChannelId", "PlatformOrderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerName",
                table: "Orders",
                column: "CustomerName");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerPhone",
                table: "Orders",
                column: "CustomerPhone");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_HeldSinceUtc",
                table: "Orders",
                column: "HeldSinceUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PlacedAtUtc",
                table: "Orders",
                column: "PlacedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PlatformOrderId",
                table: "Orders",
                column: "PlatformOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ReceivedAtUtc",
                table: "Orders",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ShipByUtc",
                table: "Orders",
                column: "ShipByUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ShippedAtUtc_ShipByUtc",
                table: "Orders",
                columns: new[] { "ShippedAtUtc", "ShipByUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_PlacedAtUtc",
                table: "Orders",
                columns: new[] { "Status", "PlacedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_ShippingStatus_ShipByUtc",
                table: "Orders",
                columns: new[] { "Status", "ShippingStatus", "ShipByUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TotalCents",
                table: "Orders",
                column: "TotalCents");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_WarehouseId",
                table: "Orders",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderShipmentLine_ShipmentId",
                table: "OrderShipmentLine",
                column: "ShipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderShipments_OrderId",
                table: "OrderShipments",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderShipments_TrackingNumber",
                table: "OrderShipments",
                column: "TrackingNumber");

            migrationBuilder.CreateIndex(
                name: "IX_OrderShipments_WarehouseId",
                table: "OrderShipments",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OrderId",
                table: "OutboxMessages",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_Id",
                table: "OutboxMessages",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TicketId",
                table: "OutboxMessages",
                column: "TicketId");

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

            migrationBuilder.CreateIndex(
                name: "IX_PriceBands_Name",
                table: "PriceBands",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductImages_BlobHash",
                table: "ProductImages",
                column: "BlobHash");

            migrationBuilder.CreateIndex(
                name: "IX_ProductImages_ProductId_Position",
                table: "ProductImages",
                columns: new[] { "ProductId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductPairRule_ProductId",
                table: "ProductPairRule",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_BrandId",
                table: "Products",
                column: "BrandId");

            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_Active",
                table: "Products",
                columns: new[] { "CategoryId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name",
                table: "Products",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_PromotionProposal_EmployeeId_State",
                table: "PromotionProposal",
                columns: new[] { "EmployeeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderLines_PurchaseOrderId",
                table: "PurchaseOrderLines",
                column: "PurchaseOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderLines_SkuId_PurchaseOrderId",
                table: "PurchaseOrderLines",
                columns: new[] { "SkuId", "PurchaseOrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrders_Status_SupplierId_WarehouseId",
                table: "PurchaseOrders",
                columns: new[] { "Status", "SupplierId", "WarehouseId" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrders_SupplierId",
                table: "PurchaseOrders",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrders_WarehouseId",
                table: "PurchaseOrders",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseReceipts_PurchaseOrderId",
                table: "PurchaseReceipts",
                column: "PurchaseOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseReceipts_PurchaseOrderLineId",
                table: "PurchaseReceipts",
                column: "PurchaseOrderLineId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseReceipts_SupplierId_ReceivedAtUtc",
                table: "PurchaseReceipts",
                columns: new[] { "SupplierId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReorderSuggestions_PurchaseOrderId",
                table: "ReorderSuggestions",
                column: "PurchaseOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorderSuggestions_SkuId_WarehouseId",
                table: "ReorderSuggestions",
                columns: new[] { "SkuId", "WarehouseId" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_ReorderSuggestions_Status_WarehouseId",
                table: "ReorderSuggestions",
                columns: new[] { "Status", "WarehouseId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReorderSuggestions_SupplierId",
                table: "ReorderSuggestions",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorderSuggestions_WarehouseId",
                table: "ReorderSuggestions",
                column: "WarehouseId");

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
                name: "IX_SalesChannels_ApiKeyHash",
                table: "SalesChannels",
                column: "ApiKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesChannels_Code",
                table: "SalesChannels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurvey_AnsweredAtUtc",
                table: "SatisfactionSurvey",
                column: "AnsweredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurvey_TicketId",
                table: "SatisfactionSurvey",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionSurvey_Token",
                table: "SatisfactionSurvey",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentPreference_Segment_Kind_Rank",
                table: "SegmentPreference",
                columns: new[] { "Segment", "Kind", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAlerts_AcknowledgedAtUtc_RaisedAtUtc",
                table: "ServiceAlerts",
                columns: new[] { "AcknowledgedAtUtc", "RaisedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAlerts_TicketId_Target_Kind_DueAtUtc",
                table: "ServiceAlerts",
                columns: new[] { "TicketId", "Target", "Kind", "DueAtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Skus_Barcode",
                table: "Skus",
                column: "Barcode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Skus_Category_Active",
                table: "Skus",
                columns: new[] { "Category", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_Skus_Code",
                table: "Skus",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Skus_ProductId",
                table: "Skus",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_TicketId_Target_BreachedAtUtc",
                table: "SlaBreaches",
                columns: new[] { "TicketId", "Target", "BreachedAtUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlowStockDecisions_SkuId_WarehouseId_AtUtc",
                table: "SlowStockDecisions",
                columns: new[] { "SkuId", "WarehouseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SlowStockDecisions_WarehouseId",
                table: "SlowStockDecisions",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceTrafficDays_Channel_Day_SourceName",
                table: "SourceTrafficDays",
                columns: new[] { "Channel", "Day", "SourceName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourceTrafficDays_Day",
                table: "SourceTrafficDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_StandardAnswers_Status_Language_Category",
                table: "StandardAnswers",
                columns: new[] { "Status", "Language", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardAnswers_Status_UsageCount",
                table: "StandardAnswers",
                columns: new[] { "Status", "UsageCount" });

            migrationBuilder.CreateIndex(
                name: "IX_StockBalances_WarehouseId_SkuId",
                table: "StockBalances",
                columns: new[] { "WarehouseId", "SkuId" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_Kind_AtUtc",
                table: "StockMovements",
                columns: new[] { "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_Reference",
                table: "StockMovements",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_AtUtc_OnHandDelta_Reserved~",
                table: "StockMovements",
                columns: new[] { "SkuId", "WarehouseId", "AtUtc", "OnHandDelta", "ReservedDelta" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_SkuId_WarehouseId_Kind_AtUtc",
                table: "StockMovements",
                columns: new[] { "SkuId", "WarehouseId", "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_WarehouseId",
                table: "StockMovements",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_StockPolicies_SupplierId",
                table: "StockPolicies",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_StockPolicies_WarehouseId",
                table: "StockPolicies",
                column: "WarehouseId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredForecast_Series_Scope_WeekOf_Day",
                table: "StoredForecast",
                columns: new[] { "Series", "Scope", "WeekOf", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredForecast_WeekOf",
                table: "StoredForecast",
                column: "WeekOf");

            migrationBuilder.CreateIndex(
                name: "IX_StoredReports_ParametersKey",
                table: "StoredReports",
                column: "ParametersKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredReports_RequestedAtUtc",
                table: "StoredReports",
                column: "RequestedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_StorePageElements_OwnerEmployeeId",
                table: "StorePageElements",
                column: "OwnerEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_ChannelId_DueDate",
                table: "StoreRefreshes",
                columns: new[] { "ChannelId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_DesignRequestId",
                table: "StoreRefreshes",
                column: "DesignRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_DoneAtUtc_DueDate",
                table: "StoreRefreshes",
                columns: new[] { "DoneAtUtc", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_StoreRefreshes_OwnerEmployeeId",
                table: "StoreRefreshes",
                column: "OwnerEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_Code",
                table: "Suppliers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketEntries_TicketId_AtUtc",
                table: "TicketEntries",
                columns: new[] { "TicketId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketReferral_State_Department_DueUtc",
                table: "TicketReferral",
                columns: new[] { "State", "Department", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketReferral_TicketId",
                table: "TicketReferral",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketReferral_ToEmployeeId",
                table: "TicketReferral",
                column: "ToEmployeeId");

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
                name: "IX_TicketStatusChange_Status_AtUtc_TicketId",
                table: "TicketStatusChange",
                columns: new[] { "Status", "AtUtc", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketStatusChange_TicketId_AtUtc",
                table: "TicketStatusChange",
                columns: new[] { "TicketId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TrafficDays_Channel_Day",
                table: "TrafficDays",
                columns: new[] { "Channel", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrafficDays_Day",
                table: "TrafficDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_TrafficSourceNames_Platform_Name",
                table: "TrafficSourceNames",
                columns: new[] { "Platform", "Name" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Warehouses_Code",
                table: "Warehouses",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebContact_Reference",
                table: "WebContact",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebContact_TicketId",
                table: "WebContact",
                column: "TicketId");
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
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuditSettings");

            migrationBuilder.DropTable(
                name: "AuditTallies");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarSeedsApplied");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "CareerStep");

            migrationBuilder.DropTable(
                name: "ChannelListingRules");

            migrationBuilder.DropTable(
                name: "CohortCell");

            migrationBuilder.DropTable(
                name: "ComplaintMeasures");

            migrationBuilder.DropTable(
                name: "CountTasks");

            migrationBuilder.DropTable(
                name: "CustomerFeedback");

            migrationBuilder.DropTable(
                name: "CustomerInsightRun");

            migrationBuilder.DropTable(
                name: "CustomerProfile");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DesignFile");

            migrationBuilder.DropTable(
                name: "DesignReview");

            migrationBuilder.DropTable(
                name: "DesignSpec");

            migrationBuilder.DropTable(
                name: "DevelopmentSms");

            migrationBuilder.DropTable(
                name: "FeedbackDigest");

            migrationBuilder.DropTable(
                name: "InventoryAlerts");

            migrationBuilder.DropTable(
                name: "KpiTargets");

            migrationBuilder.DropTable(
                name: "ListingFindings");

            migrationBuilder.DropTable(
                name: "ListingPrices");

            migrationBuilder.DropTable(
                name: "ListingTrafficDays");

            migrationBuilder.DropTable(
                name: "MailAttachment");

            migrationBuilder.DropTable(
                name: "MailFile");

            migrationBuilder.DropTable(
                name: "MailOutgoing");

            migrationBuilder.DropTable(
                name: "Notification");

            migrationBuilder.DropTable(
                name: "OptimisationFinding");

            migrationBuilder.DropTable(
                name: "OptimisationSetting");

            migrationBuilder.DropTable(
                name: "OrderEvents");

            migrationBuilder.DropTable(
                name: "OrderHolds");

            migrationBuilder.DropTable(
                name: "OrderLines");

            migrationBuilder.DropTable(
                name: "OrderShipmentLine");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PlatformMessages");

            migrationBuilder.DropTable(
                name: "PriceBands");

            migrationBuilder.DropTable(
                name: "ProductImages");

            migrationBuilder.DropTable(
                name: "ProductPairRule");

            migrationBuilder.DropTable(
                name: "PromotionProposal");

            migrationBuilder.DropTable(
                name: "PurchaseReceipts");

            migrationBuilder.DropTable(
                name: "ReorderSuggestions");

            migrationBuilder.DropTable(
                name: "RequiredTraining");

            migrationBuilder.DropTable(
                name: "Rotation");

            migrationBuilder.DropTable(
                name: "SatisfactionSurvey");

            migrationBuilder.DropTable(
                name: "SegmentPreference");

            migrationBuilder.DropTable(
                name: "ServiceAlerts");

            migrationBuilder.DropTable(
                name: "SkuClassifications");

            migrationBuilder.DropTable(
                name: "SlaBreaches");

            migrationBuilder.DropTable(
                name: "SlaSettings");

            migrationBuilder.DropTable(
                name: "SlowStockDecisions");

            migrationBuilder.DropTable(
                name: "SourceTrafficDays");

            migrationBuilder.DropTable(
                name: "StandardAnswers");

            migrationBuilder.DropTable(
                name: "StockBalances");

            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropTable(
                name: "StockPolicies");

            migrationBuilder.DropTable(
                name: "StoredForecast");

            migrationBuilder.DropTable(
                name: "StoredReports");

            migrationBuilder.DropTable(
                name: "StorePageElements");

            migrationBuilder.DropTable(
                name: "StoreRefreshes");

            migrationBuilder.DropTable(
                name: "TeamSettings");

            migrationBuilder.DropTable(
                name: "TicketReferral");

            migrationBuilder.DropTable(
                name: "TicketStatusChange");

            migrationBuilder.DropTable(
                name: "TrafficDays");

            migrationBuilder.DropTable(
                name: "TrafficSourceNames");

            migrationBuilder.DropTable(
                name: "TrainingEnrolment");

            migrationBuilder.DropTable(
                name: "WebContact");

            migrationBuilder.DropTable(
                name: "Appraisal");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "ComplaintRounds");

            migrationBuilder.DropTable(
                name: "DesignVersion");

            migrationBuilder.DropTable(
                name: "AuditRuns");

            migrationBuilder.DropTable(
                name: "MailRecord");

            migrationBuilder.DropTable(
                name: "OrderShipments");

            migrationBuilder.DropTable(
                name: "ImageBlobs");

            migrationBuilder.DropTable(
                name: "PurchaseOrderLines");

            migrationBuilder.DropTable(
                name: "TrainingSession");

            migrationBuilder.DropTable(
                name: "AppraisalCycle");

            migrationBuilder.DropTable(
                name: "ComplaintCases");

            migrationBuilder.DropTable(
                name: "DesignRequest");

            migrationBuilder.DropTable(
                name: "Mailbox");

            migrationBuilder.DropTable(
                name: "TicketEntries");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "PurchaseOrders");

            migrationBuilder.DropTable(
                name: "Skus");

            migrationBuilder.DropTable(
                name: "TrainingPlanItem");

            migrationBuilder.DropTable(
                name: "Listings");

            migrationBuilder.DropTable(
                name: "Tickets");

            migrationBuilder.DropTable(
                name: "Suppliers");

            migrationBuilder.DropTable(
                name: "Warehouses");

            migrationBuilder.DropTable(
                name: "TrainingPlan");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "SalesChannels");

            migrationBuilder.DropTable(
                name: "Employees");

            migrationBuilder.DropTable(
                name: "Brands");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
