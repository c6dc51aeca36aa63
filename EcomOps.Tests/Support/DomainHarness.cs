using System.Collections.Concurrent;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EcomOps.Tests.Support;

/// <summary>The Domain on a real, migrated SQLite file with a fake clock: what the console runs, minus the web.</summary>
public sealed class DomainHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>False for a harness beside another (<see cref="BesideAsync"/>): the database is the other's to drop.</summary>
    private bool _ownsDatabase = true;

    private DomainHarness(Action<IServiceCollection>? observe, OpsDatabase? database)
    {
        Database = database ?? OpsDatabase.Sqlite($"Data Source={_folder.File("ops.db")}");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddOpsDomain(_ => Database);
        services.AddCompanyTime("Asia/Shanghai");
        observe?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary>The harness's database: a SQLite file of its own, or a PostgreSQL database of its own (see <see cref="TestDatabases"/>).</summary>
    public OpsDatabase Database { get; }

    /// <summary>Starts at 2026-11-27 10:00 in Shanghai (02:00 UTC), a Friday.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public LiveFeed Feed => Get<LiveFeed>();

    public OpsDb NewDb() => Get<IDbContextFactory<OpsDb>>().CreateDbContext();

    /// <param name="observe">Adds what watches the Domain without changing it (a command counter, say).</param>
    /// <param name="provider">The engine; the run's default (<see cref="TestDatabases.Default"/>) when not given.</param>
    public static async Task<DomainHarness> StartAsync(Action<IServiceCollection>? observe = null, DatabaseProvider? provider = null)
    {
        if ((provider ?? TestDatabases.Default) == DatabaseProvider.PostgreSql)
        {
            var connection = await PostgresServer.CreateFromTemplateAsync("migrated", MigrateOnlyAsync);
            var onPostgres = new DomainHarness(observe, OpsDatabase.PostgreSql(connection));
            await OpsDbSetup.MigrateAsync(onPostgres.Get<IDbContextFactory<OpsDb>>());
            return onPostgres;
        }
        var harness = new DomainHarness(observe, null);
        await OpsDbSetup.MigrateAsync(harness.Get<IDbContextFactory<OpsDb>>());
        return harness;
    }

    internal static async Task MigrateOnlyAsync(string connection)
    {
        // Not disposed as a harness: that would drop the template.
        var template = new DomainHarness(null, OpsDatabase.PostgreSql(connection));
        try
        {
            await OpsDbSetup.MigrateAsync(template.Get<IDbContextFactory<OpsDb>>());
        }
        finally
        {
            await template.Services.DisposeAsync();
        }
    }

    /// <summary>
    /// A harness whose database already holds the demo data of <paramref name="size"/>, as <see cref="DemoDataGenerator"/>
    /// makes it at the harness's start time. The generator runs once per size and test run; every later harness gets a
    /// copy of that database (SQLite's backup), which is what the generator would have written again: it is
    /// deterministic and every harness starts at the same instant. Tests of the generator itself seed on their own.
    /// </summary>
    public static async Task<DomainHarness> StartSeededAsync(DemoSize size, Action<IServiceCollection>? observe = null, DatabaseProvider? provider = null)
    {
        if ((provider ?? TestDatabases.Default) == DatabaseProvider.PostgreSql)
        {
            var connection = await PostgresServer.CreateFromTemplateAsync($"demo_{size}", async template =>
            {
                var seeding = new DomainHarness(null, OpsDatabase.PostgreSql(template));
                try
                {
                    await OpsDbSetup.MigrateAsync(seeding.Get<IDbContextFactory<OpsDb>>());
                    await seeding.Get<DemoDataGenerator>().SeedAsync(size);
                }
                finally
                {
                    await seeding.Services.DisposeAsync();
                }
            });
            var onPostgres = new DomainHarness(observe, OpsDatabase.PostgreSql(connection));
            await OpsDbSetup.MigrateAsync(onPostgres.Get<IDbContextFactory<OpsDb>>());
            return onPostgres;
        }
        var template = await Templates.GetOrAdd(size, s => new Lazy<Task<string>>(() => SeedTemplateAsync(s))).Value;
        var harness = new DomainHarness(observe, null);
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={template};Mode=ReadOnly;Pooling=False"))
        await using (var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={harness._folder.File("ops.db")};Pooling=False"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }
        await OpsDbSetup.MigrateAsync(harness.Get<IDbContextFactory<OpsDb>>());
        return harness;
    }

    private static readonly ConcurrentDictionary<DemoSize, Lazy<Task<string>>> Templates = new();

    /// <summary>The template files live as long as the test run (the folder is under the test output, cleaned with it).</summary>
    private static readonly TempFolder TemplateFolder = new();

    private static async Task<string> SeedTemplateAsync(DemoSize size)
    {
        var file = TemplateFolder.File($"demo-{size}.db");
        await using var seeding = await StartAsync(provider: DatabaseProvider.Sqlite);
        await seeding.Get<DemoDataGenerator>().SeedAsync(size);
        await using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={seeding._folder.File("ops.db")};Pooling=False");
        await using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
        // The copy keeps the seeded file's WAL mode; a WAL file read by many harnesses at once can find another reader
        // recovering its index and answer "database is locked" (seen once in CI). A template is only ever read: no WAL.
        await using (var journal = target.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync();
        }
        return file;
    }

    /// <summary>
    /// A second server on this harness's database: its own services (its own desks, caches and live feed), the same
    /// data, and a clock of its own set to this one's time. Disposing it leaves the database to this harness.
    /// </summary>
    public Task<DomainHarness> BesideAsync()
    {
        var beside = new DomainHarness(null, Database) { _ownsDatabase = false };
        beside.Clock.SetUtcNow(Clock.GetUtcNow());
        return Task.FromResult(beside);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDatabase && Database.Provider == DatabaseProvider.PostgreSql)
        {
            await PostgresServer.DropAsync(Database.ConnectionString);
        }
        _folder.Dispose();
    }
}
