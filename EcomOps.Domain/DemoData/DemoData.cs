using System.Diagnostics;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EcomOps.Domain.DemoData;

/// <summary>How much demo data to make: tests use Minimal, the run command Standard, benchmarks Large.</summary>
public enum DemoSize
{
    Minimal,
    Standard,
    Large,
}

/// <summary>
/// What one generation asks for. <see cref="WithSignIns"/> is false outside Development: the business data is made,
/// but no one gets a sign-in (the demo password is public).
/// </summary>
public sealed record DemoRun(DemoSize Size, Random Random, bool WithSignIns);

/// <summary>One area's part of the demo data. Areas run in <see cref="Order"/>, each on the data made before it.</summary>
public interface IDemoDataArea
{
    int Order { get; }

    string Name { get; }

    Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct);

    /// <summary>An area that makes sign-ins overrides this to leave them out when the run says so.</summary>
    Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct) => SeedAsync(db, run.Size, run.Random, ct);
}

/// <summary>
/// Fills an empty database with deterministic demo data (fixed seed): the same size always gives the same data.
/// </summary>
public sealed class DemoDataGenerator(IDbContextFactory<OpsDb> dbFactory, IEnumerable<IDemoDataArea> areas, ILogger<DemoDataGenerator> logger)
{
    public const int Seed = 20261127;
    public const string DemoPassword = "Demo#2026";

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return !await db.Employees.AnyAsync(ct);
    }

    public Task SeedAsync(DemoSize size, CancellationToken ct = default) => SeedAsync(size, withSignIns: true, ct);

    public async Task SeedAsync(DemoSize size, bool withSignIns, CancellationToken ct = default)
    {
        var run = new DemoRun(size, new Random(Seed), withSignIns);
        foreach (var area in areas.OrderBy(a => a.Order))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = new Actor(null, "demo-data");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var started = Stopwatch.GetTimestamp();
            await area.SeedAsync(db, run, ct);
            await KeySequences.SyncAsync(db, ct);
            logger.LogInformation("Demo data: {Area} in {Seconds:0.0} s", area.Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
