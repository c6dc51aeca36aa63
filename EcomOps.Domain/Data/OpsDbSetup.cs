using EcomOps.Domain.Analytics;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomOps.Domain.Data;

public static class OpsDbSetup
{
    /// <summary>
    /// Registers the database (through <see cref="IDbContextFactory{OpsDb}"/>), the change capture, the live feed and
    /// the Domain operations. The connection string is read when the first context is made, so a host's override wins.
    /// </summary>
    public static IServiceCollection AddOpsDomain(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddOpsDomain(sp => OpsDatabase.Sqlite(connectionString(sp)));

    /// <summary>As above, on the database <paramref name="database"/> names: the embedded SQLite file or the cluster's PostgreSQL.</summary>
    public static IServiceCollection AddOpsDomain(this IServiceCollection services, Func<IServiceProvider, OpsDatabase> database)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Stateless, so singletons: Domain operations (singletons) hash and normalise sign-ins the way Identity does.
        services.TryAddSingleton<IPasswordHasher<OpsUser>, PasswordHasher<OpsUser>>();
        services.TryAddSingleton<ILookupNormalizer, UpperInvariantLookupNormalizer>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ChangeCapture>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ChangeCapture>());
        // Every registered interceptor watches the database: the change capture, and whatever a host adds to observe it.
        // Contexts are pooled: an operation's first query in a new context instance cost about 0.3 ms of setting up its
        // services, more than most of the console's queries themselves (OpsDb forgets its own state when handed back).
        // Read once, when first asked for: a host's own settings (a test's) are in place by then.
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<OpsDb>((sp, o) => Use(o, sp.GetRequiredService<OpsDatabase>()).AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<EmployeeDirectory>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<PeopleNames>();
        services.AddSingleton<UserPreferences>();
        services.AddSingleton<OrgBootstrap>();
        services.TryAddSingleton(Service.ServiceSla.Default());
        services.AddSingleton<Service.TicketDesk>();
        services.AddSingleton<Service.TicketQueue>();
        services.AddSingleton<Service.CallerLookup>();
        services.AddSingleton<Service.PlatformInbox>();
        services.AddSingleton<Service.Contact.ContactDesk>();
        services.AddSingleton<Service.Feedback.FeedbackDesk>();
        services.AddSingleton<Service.Feedback.FeedbackDigests>();
        services.AddSingleton<Calendars.CalendarDays>();
        services.AddSingleton<Calendars.CalendarDesk>();
        services.AddSingleton<Service.SlaSettingsDesk>();
        services.AddSingleton<Service.Surveys.SurveyDesk>();
        services.AddSingleton<Service.ServiceAlerts>();
        services.AddSingleton<Service.AutoAssignment>();
        services.TryAddSingleton(new Service.Complaints.ComplaintSettings());
        services.AddSingleton<Service.Complaints.ComplaintDesk>();
        services.AddSingleton<Service.Referrals.ReferralDesk>();
        services.AddSingleton<Service.Complaints.ComplaintQueries>();
        services.AddSingleton<DemoData.IDemoDataArea, Service.Complaints.ComplaintDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Service.Referrals.ReferralDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Service.Feedback.FeedbackDemoData>();
        services.AddSingleton<Service.ServiceMetrics>();
        services.AddSingleton<Service.Answers.AnswerLibrary>();
        services.AddSingleton<DemoData.IDemoDataArea, OrgDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Service.Answers.AnswerDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Service.ServiceDemoData>();
        services.AddSingleton<Catalog.CatalogDesk>();
        services.AddSingleton<Catalog.MasterDataDesk>();
        services.AddSingleton<Catalog.CatalogQueries>();
        services.AddSingleton<Catalog.ListingDesk>();
        services.AddSingleton<Catalog.ListingQueries>();
        services.AddSingleton<Catalog.ListingBulkEdit>();
        services.AddSingleton<Catalog.Transfer.CatalogWorkbook>();
        services.AddSingleton<Catalog.Transfer.CatalogImport>();
        services.AddSingleton<Catalog.Images.ProductImageDesk>();
        services.AddSingleton<Catalog.StorePageDesk>();
        services.AddSingleton<DemoData.IDemoDataArea, Catalog.StorePageDemoData>();
        services.AddSingleton<Catalog.Compliance.ComplianceAuditor>();
        services.AddSingleton<Catalog.Compliance.ComplianceQueries>();
        services.AddSingleton<Analytics.IMetricSource, Catalog.Compliance.AuditMetricSource>();
        services.AddSingleton<DemoData.IDemoDataArea, Catalog.Compliance.ComplianceDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Catalog.ListingDemoData>();
        services.AddSingleton<Design.DesignDesk>();
        services.AddSingleton<Design.DesignQueries>();
        services.AddSingleton<Design.DesignSpecBook>();
        services.AddSingleton<Analytics.IMetricSource, Design.DesignMetricSource>();
        services.AddSingleton<DemoData.IDemoDataArea, Design.DesignDemoData>();
        services.AddSingleton<Inventory.StockLedger>();
        services.AddSingleton<Inventory.InventoryWatch>();
        services.AddSingleton<Inventory.InventoryAlerts>();
        services.AddSingleton<Inventory.PurchasingDesk>();
        services.AddSingleton<Inventory.SupplierDirectory>();
        services.AddSingleton<Inventory.StockPolicies>();
        services.AddSingleton<Inventory.StockQueries>();
        services.TryAddSingleton(new Inventory.CountSettings());
        services.AddSingleton<Inventory.CountDesk>();
        services.AddSingleton<Inventory.SlowStockDesk>();
        services.AddSingleton<DemoData.IDemoDataArea, Inventory.InventoryDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Inventory.InventoryEvaluationDemoData>();
        services.AddSingleton<DemoData.IDemoDataArea, Orders.OrderDemoData>();
        services.TryAddSingleton(new Orders.OrderSettings());
        services.TryAddSingleton(new Service.Surveys.SurveySettings());
        services.AddSingleton(sp =>
        {
            var calendars = sp.GetRequiredService<Calendars.CalendarDays>();
            return new Orders.ShipByPolicy(sp.GetRequiredService<Orders.OrderSettings>(), () => calendars.Company);
        });
        services.AddSingleton<Orders.ShipByRecompute>();
        services.AddSingleton<Orders.OrderStock>();
        services.AddSingleton<Orders.OrderFirstReview>();
        services.AddSingleton<Orders.OrderIntake>();
        services.AddSingleton<Orders.OrderDesk>();
        services.AddSingleton<Orders.OrderQueries>();
        services.AddSingleton<Orders.ChannelDesk>();
        services.AddSingleton<Orders.Import.OrderImport>();
        services.AddDataProtection();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IDbContextFactory<OpsDb>>((o, factory) => o.XmlRepository = new DatabaseKeyRepository(factory));
        services.TryAddSingleton(new Service.Mail.MailSettings());
        services.AddSingleton<Service.Mail.MailSecrets>();
        services.AddSingleton<Service.Mail.MailConnections>();
        services.AddSingleton<Service.Mail.MailIntake>();
        services.AddSingleton<Service.Mail.MailFetcher>();
        services.AddSingleton<Service.Mail.MailIdle>();
        services.AddSingleton<Service.Mail.MailOutbox>();
        services.AddSingleton<Service.Mail.MailboxDesk>();
        services.TryAddSingleton<Orders.DevelopmentSmsGateway>();
        services.TryAddSingleton<Orders.ISmsGateway>(sp => sp.GetRequiredService<Orders.DevelopmentSmsGateway>());
        services.TryAddSingleton<Orders.INotificationSender, Orders.CustomerNotificationSender>();
        services.AddSingleton<Orders.OrderOutbox>();
        services.TryAddSingleton(new Campaigns.CampaignSettings());
        services.AddSingleton<Campaigns.CampaignRiskCheck>();
        services.AddSingleton<Campaigns.CampaignDesk>();
        services.AddSingleton<Campaigns.CampaignQueries>();
        services.AddSingleton<DemoData.IDemoDataArea, Campaigns.CampaignDemoData>();
        services.AddSingleton<Analytics.IMetricSource, Campaigns.CampaignMetricSource>();
        services.AddSingleton<Notifications.NotificationCentre>();
        services.TryAddSingleton(new People.TrainingSettings());
        services.AddSingleton<People.TrainingDesk>();
        services.AddSingleton<People.TrainingQueries>();
        services.AddSingleton<People.TrainingReminders>();
        services.AddSingleton<People.CareerDesk>();
        services.AddSingleton<DemoData.IDemoDataArea, People.TrainingDemoData>();
        services.AddSingleton<People.AppraisalFigures>();
        services.AddSingleton<People.AppraisalDesk>();
        services.AddSingleton<People.AppraisalQueries>();
        services.AddSingleton<People.AppraisalReminders>();
        services.AddSingleton<DemoData.IDemoDataArea, People.AppraisalDemoData>();
        services.AddAnalytics();
        services.AddSharedBoards();
        services.AddSingleton<DemoData.DemoDataGenerator>();
        return services;
    }

    public static IServiceCollection AddCompanyTime(this IServiceCollection services, string? zoneId) =>
        services.AddSingleton(sp => new CompanyTime(sp.GetRequiredService<TimeProvider>(), CompanyTime.FindZone(zoneId)));

    /// <summary>The options of a context on <paramref name="database"/>; the SQLite file gets the console's defaults (<see cref="WithDefaults"/>).</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, OpsDatabase database) => database.Provider switch
    {
        DatabaseProvider.PostgreSql => options.UseNpgsql(database.ConnectionString).AddInterceptors(NullsSortedLikeSqlite.Instance),
        _ => options.UseSqlite(WithDefaults(database.ConnectionString)),
    };

    /// <summary>
    /// A second context on <paramref name="db"/>'s connection and engine without the interceptors (no change capture, no
    /// live feed): for bulk demo data. The caller enlists it in the transaction it shares.
    /// </summary>
    public static OpsDb Unwatched(OpsDb db)
    {
        var options = new DbContextOptionsBuilder<OpsDb>();
        var connection = db.Database.GetDbConnection();
        return new OpsDb((db.Database.IsNpgsql() ? options.UseNpgsql(connection).AddInterceptors(NullsSortedLikeSqlite.Instance) : options.UseSqlite(connection)).Options);
    }

    /// <summary>
    /// Creates the folder of the database file, applies pending migrations, turns on WAL mode and makes sure the listing
    /// search index is whole. On PostgreSQL it applies that engine's own migrations (<see cref="PostgresOpsDb"/>).
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<OpsDb> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(db.Database.GetConnectionString()!, ct);
            return;
        }
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await Catalog.ListingSearch.EnsureAsync(db, ct);
    }

    private static async Task MigratePostgresAsync(string connectionString, CancellationToken ct)
    {
        Npgsql.NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseSettingException($"ConnectionStrings:Ops is not a PostgreSQL connection string ({e.Message}).");
        }
        try
        {
            await using var migrating = PostgresOpsDb.On(connectionString);
            await migrating.Database.MigrateAsync(ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // The password stays out of the message: host, port, database and user say which server was asked.
            throw new DatabaseSettingException(
                $"PostgreSQL at {settings.Host}:{settings.Port} (database \"{settings.Database}\", user \"{settings.Username}\") cannot be used: " +
                $"{(e as Npgsql.PostgresException)?.MessageText ?? e.Message}. Check ConnectionStrings:Ops and that the server runs and accepts this user.");
        }
    }

    private static string WithDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase))
        {
            // Writers wait for each other inside SQLite for a while; past that, WriteRetry starts the operation again.
            builder.DefaultTimeout = (int)WriteRetry.AttemptTimeout.TotalSeconds;
        }
        return builder.ToString();
    }
}
