using System.Diagnostics;
using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomOps.Bench;

/// <summary>
/// Shared boards at the large seed: how long one computation of each board takes (what every change to it costs the
/// server once, and what each of its viewers waits before the change can reach them). Not a goal of the table;
/// it found the order board spending 0.8 s a change at a million orders on a count of orders for paused listings.
/// </summary>
internal static class BoardsBench
{
    public static async Task<List<Figure>> RunAsync(string database, int computations)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOpsDomain(_ => $"Data Source={database}");
        services.AddCompanyTime("Asia/Shanghai");
        await using var provider = services.BuildServiceProvider();
        await OpsDbSetup.MigrateAsync(provider.GetRequiredService<IDbContextFactory<OpsDb>>());
        var feed = provider.GetRequiredService<LiveFeed>();

        var figures = new List<Figure>();
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<OrderBoard>>(), "order board", feed, computations));
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<ComplaintBoard>>(), "complaint board", feed, computations));
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<AlertBoard>>(), "inventory alert board", feed, computations));
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<HomeBoard>>(), "home counts", feed, computations));
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<CampaignBoard>>(), "campaign board", feed, computations));
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<DesignBoard>>(), "design board", feed, computations));
        figures.Add(await MeasureAsync(provider.GetRequiredService<SharedBoard<OptimisationBoard>>(), "optimisation board", feed, computations));
        return figures;
    }

    private static async Task<Figure> MeasureAsync<T>(SharedBoard<T> board, string name, LiveFeed feed, int computations) where T : class
    {
        // The first computation translates the board's queries and warms the cache: measured apart, not in the figure.
        var clock = Stopwatch.StartNew();
        await board.CurrentAsync();
        var first = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < computations; i++)
        {
            // Past the board's gathering interval, so the computation starts at once, as after a lone change.
            await Task.Delay(SharedBoards.Gather + TimeSpan.FromMilliseconds(20));
            feed.Resync(DateTime.UtcNow);
            clock.Restart();
            await board.CurrentAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        System.Console.WriteLine($"  {name}: first {first:0} ms, then p50 {Stats.Percentile(times, 50):0.0} / max {times.Max():0.0} ms");
        return new Figure("9. shared boards", $"{name}: one computation at the large seed ({computations} computations)", "ms", times, "", null, "", null);
    }
}
