using EcomOps.Domain.Data;
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

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _folder.Dispose();
    }
}
