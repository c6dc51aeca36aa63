using System.Diagnostics;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomOps.Bench;

/// <summary>
/// The customer analysis at a million orders (issue 20): the nightly refresh — every order read in batches, each
/// customer's RFM scores and segment, purchase preferences (category, brand, price band) per customer and segment, the
/// next likely purchase with its back-test, the products bought together (support, confidence, lift) — timed as the job runs
/// it, against a goal of 30 s. The database is a copy of the suite's large seed: the refresh replaces its stored analysis.
/// </summary>
internal static class CustomersBench
{
    public static async Task<List<Figure>> RunAsync(string database, int reps)
    {
        await using var provider = await DomainOnly.StartAsync(database);
        var dbFactory = provider.GetRequiredService<IDbContextFactory<OpsDb>>();
        int orders;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            orders = await db.Orders.CountAsync();
        }
        var insights = provider.GetRequiredService<CustomerInsights>();
        var runs = new List<double>();
        CustomerInsightRun? last = null;
        for (var rep = 0; rep < reps; rep++)
        {
            var watch = Stopwatch.StartNew();
            last = await insights.RefreshAsync();
            runs.Add(watch.Elapsed.TotalSeconds);
            System.Console.WriteLine($"  customer analysis: {watch.Elapsed.TotalSeconds:0.0} s, {last.Orders:#,0} orders, {last.Customers:#,0} customers, {last.Rules:#,0} rules");
        }
        return
        [
            new Figure("customer analysis", $"nightly refresh over {orders:#,0} orders: RFM segments, preferences and next purchase (back-tested on {last!.BacktestCustomers:#,0}) of {last.Customers:#,0} customers and {last.Rules:#,0} rules of products bought together",
                "s", runs, "", null, "under 30 s", Stats.Median(runs) < 30),
        ];
    }
}
