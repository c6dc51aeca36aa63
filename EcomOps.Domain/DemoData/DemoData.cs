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

/// <summary>One area's part of the demo data. Areas run in <see cref="Order"/>, each on the data made before it.</summary>
public interface IDemoDataArea
{
    int Order { get; }

    string Name { get; }

    Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct);
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

    public async Task SeedAsync(DemoSize size, CancellationToken ct = default)
    {
        var random = new Random(Seed);
        foreach (var area in areas.OrderBy(a => a.Order))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = new Actor(null, "demo-data");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var started = Stopwatch.GetTimestamp();
            await area.SeedAsync(db, size, random, ct);
            logger.LogInformation("Demo data: {Area} in {Seconds:0.0} s", area.Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
