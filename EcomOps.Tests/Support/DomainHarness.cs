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

    private DomainHarness(Action<IServiceCollection>? observe)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddOpsDomain(_ => $"Data Source={_folder.File("ops.db")}");
        services.AddCompanyTime("Asia/Shanghai");
        observe?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    /// <summary>Starts at 2026-11-27 10:00 in Shanghai (02:00 UTC), a Friday.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public LiveFeed Feed => Get<LiveFeed>();

    public OpsDb NewDb() => Get<IDbContextFactory<OpsDb>>().CreateDbContext();

    /// <param name="observe">Adds what watches the Domain without changing it (a command counter, say).</param>
    public static async Task<DomainHarness> StartAsync(Action<IServiceCollection>? observe = null)
    {
        var harness = new DomainHarness(observe);
        await OpsDbSetup.MigrateAsync(harness.Get<IDbContextFactory<OpsDb>>());
        return harness;
    }

    /// <summary>
    /// A harness whose database already holds the demo data of <paramref name="size"/>, as <see cref="DemoDataGenerator"/>
    /// makes it at the harness's start time. The generator runs once per size and test run; every later harness gets a
    /// copy of that database (SQLite's backup), which is what the generator would have written again: it is
    /// deterministic and every harness starts at the same instant. Tests of the generator itself seed on their own.
    /// </summary>
    public static async Task<DomainHarness> StartSeededAsync(DemoSize size, Action<IServiceCollection>? observe = null)
    {
        var template = await Templates.GetOrAdd(size, s => new Lazy<Task<string>>(() => SeedTemplateAsync(s))).Value;
        var harness = new DomainHarness(observe);
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
        await using var seeding = await StartAsync();
        await seeding.Get<DemoDataGenerator>().SeedAsync(size);
        await using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={seeding._folder.File("ops.db")};Pooling=False");
        await using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _folder.Dispose();
    }
}
