using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using EcomOps.Bench.Shared;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcomOps.Bench;

/// <summary>
/// The live campaign board under intake (issue 15): orders carrying the running campaign's promotion code go in through
/// <c>POST /api/orders</c> at a steady rate (batches every 100 ms, several in flight), while signed-in tabs show the board.
/// For each batch, the lag is the time from its answer (by then it is committed) until a tab's "orders" figure first
/// counts every order answered so far; every tab and every batch is one sample. The in-process board's own lag (the
/// shared snapshot, before any circuit renders it) is measured the same way as the baseline.
/// </summary>
internal static class CampaignBench
{
    private sealed record Answered(long AtMs, int Orders);

    public static async Task<List<Figure>> RunAsync(IBrowser browser, string folder, int tabs, int perSecond, int seconds, int reps)
    {
        await using var host = new ConsoleHost(Path.Combine(folder, "campaign.db"), Domain.DemoData.DemoSize.Minimal);
        var services = host.Services;
        var (campaign, skus, key) = await PrepareAsync(services);
        var board = services.GetRequiredService<SharedBoard<CampaignBoard>>();
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        System.Console.WriteLine($"  campaign {campaign.Number} ({campaign.Code}), {skus.Count} SKUs; {perSecond} orders/s for {seconds} s × {reps}, {tabs} tabs");

        var context = await Browsers.SignedInAsync(browser, host.Address, "specialist@ecomops.local");
        await context.AddInitScriptAsync(PushBench.Observer); // notes each change of the probed figure with the page's clock
        var pages = await Browsers.OpenTabsAsync(context, "campaigns/board", tabs);
        var probe = $"(document.querySelector('[data-testid=board-{campaign.Id}-orders]')?.textContent ?? '').replace(/[^0-9]/g, '')";

        // The shared snapshot, as every circuit receives it: when did it first count n orders?
        var snapshots = new ConcurrentQueue<(long AtMs, int Orders)>();
        using var watch = board.Watch(snapshot =>
        {
            var row = snapshot.Value.Running.FirstOrDefault(r => r.Id == campaign.Id);
            snapshots.Enqueue((Now(), row?.Figures.Orders ?? 0));
            return Task.CompletedTask;
        });

        var random = new Random(15);
        var next = 0;
        var batch = Math.Max(1, perSecond / 10);
        var tabP50 = new List<double>();
        var tabP99 = new List<double>();
        var boardP99 = new List<double>();
        var rates = new List<double>();
        var missed = 0;
        var errors = 0;
        for (var rep = 0; rep < reps; rep++)
        {
            var before = (await board.CurrentAsync()).Value.Running.First(r => r.Id == campaign.Id).Figures.Orders;
            await Task.WhenAll(pages.Select(p => p.EvaluateAsync<string>("src => window.__setProbe(src)", probe)));
            snapshots.Clear();
            var answers = new ConcurrentBag<long>();
            using var inFlight = new SemaphoreSlim(4);
            var posts = new List<Task>();
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < seconds * 10; k++)
            {
                var due = TimeSpan.FromMilliseconds(k * 100);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                await inFlight.WaitAsync();
                var drafts = Enumerable.Range(0, batch).Select(_ => Draft(Interlocked.Increment(ref next), skus, random, campaign.Code!)).ToList();
                posts.Add(Task.Run(async () =>
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/orders", new { orders = drafts });
                        if (response.IsSuccessStatusCode)
                        {
                            answers.Add(Now());
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                            System.Console.WriteLine($"    {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
            }
            await Task.WhenAll(posts);
            rates.Add(answers.Count * batch / clock.Elapsed.TotalSeconds);
            // By its answer, a batch is committed, and so is every batch answered before it.
            var committed = answers.Order().Select((at, i) => new Answered(at, before + (i + 1) * batch)).ToList();
            var expected = committed.Count > 0 ? committed[^1].Orders : before;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            var tabMarks = new List<List<(long AtMs, int Orders)>>();
            while (DateTime.UtcNow < deadline)
            {
                tabMarks = [.. await Task.WhenAll(pages.Select(MarksAsync))];
                if (tabMarks.All(m => m.Count > 0 && m[^1].Orders >= expected))
                {
                    break;
                }
                await Task.Delay(250);
            }
            var tabLags = new List<double>();
            foreach (var marks in tabMarks)
            {
                var lags = Lags(committed, marks);
                missed += committed.Count - lags.Count;
                tabLags.AddRange(lags);
            }
            var boardLags = Lags(committed, [.. snapshots]);
            tabP50.Add(Stats.Percentile(tabLags, 50));
            tabP99.Add(Stats.Percentile(tabLags, 99));
            boardP99.Add(Stats.Percentile(boardLags, 99));
            System.Console.WriteLine($"  rep {rep + 1}: {rates[^1]:0} orders/s answered; tabs p50 {tabP50[^1]:0} ms, p99 {tabP99[^1]:0} ms, max {(tabLags.Count > 0 ? tabLags.Max() : double.NaN):0} ms; " +
                $"shared snapshot p99 {boardP99[^1]:0} ms ({snapshots.Count} computations); missed so far {missed}, errors {errors}");
            await Task.Delay(1000);
        }
        await context.CloseAsync();
        var label = $"{perSecond} orders/s for {seconds} s, {tabs} tabs";
        return
        [
            new Figure("9. campaign board", $"intake answered ({label})", "orders/s", rates, "", null, $"{perSecond} orders/s kept up", Stats.Median(rates) >= perSecond * 0.95),
            new Figure("9. campaign board", "tab lag behind committed orders: p50", "ms", tabP50, "", null, "", null),
            new Figure("9. campaign board", "tab lag behind committed orders: p99", "ms", tabP99, "shared snapshot p99", boardP99, "under 1 s", Stats.Median(tabP99) < 1000),
            new Figure("9. campaign board", "batches a tab never showed, or intake errors", "", [missed + errors], "", null, "none", missed + errors == 0),
        ];
    }

    /// <summary>For each committed count, how long after its answer the figure first reached it (none when it never did).</summary>
    private static List<double> Lags(List<Answered> committed, IReadOnlyList<(long AtMs, int Orders)> marks)
    {
        var lags = new List<double>(committed.Count);
        foreach (var c in committed)
        {
            var shown = marks.FirstOrDefault(m => m.Orders >= c.Orders);
            if (shown.AtMs > 0)
            {
                lags.Add(Math.Max(0, shown.AtMs - c.AtMs));
            }
        }
        return lags;
    }

    private static async Task<List<(long AtMs, int Orders)>> MarksAsync(IPage page)
    {
        var marks = await page.EvaluateAsync<object[][]>("() => window.__marks");
        return [.. marks.Select(m => (
            (long)Convert.ToDouble(m[0].ToString(), CultureInfo.InvariantCulture),
            int.TryParse(m[1]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))];
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static object Draft(int n, List<(string Code, long ListPriceCents)> skus, Random random, string code)
    {
        var sku = skus[random.Next(skus.Count)];
        var placed = DateTime.UtcNow.AddSeconds(-30);
        return new
        {
            platformOrderId = $"CB{Environment.ProcessId}-{n:D7}",
            customerName = $"客户{n}",
            customerPhone = $"139{n:D8}",
            shippingAddress = "上海市浦东新区张江路 100 号",
            placedAt = placed.ToString("O"),
            paidAt = placed.AddSeconds(10).ToString("O"),
            promotionCode = code,
            lines = new[] { new { sku = sku.Code, quantity = 1 + random.Next(2), unitPrice = sku.ListPriceCents / 100m } },
        };
    }

    /// <summary>The demo's running campaign, plenty of stock of its SKUs (intake and review are measured, not the exception
    /// queue), and a key for one of its channels.</summary>
    private static async Task<(Campaign Campaign, List<(string Code, long ListPriceCents)> Skus, string Key)> PrepareAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.State == CampaignState.Running && c.Code != null)
            ?? throw new InvalidOperationException("The demo data has no running campaign with a code.");
        var ids = campaign.Skus.Select(s => s.SkuId).ToList();
        var skus = await db.Skus.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new { s.Id, s.Code, s.ListPriceCents }).ToListAsync();
        var warehouse = await db.Warehouses.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
        var received = await services.GetRequiredService<StockLedger>().ReceiveAsync(db, warehouse, [.. skus.Select(s => new StockLine(s.Id, 10_000_000))], "bench", null, default);
        if (!received.Succeeded)
        {
            throw new InvalidOperationException("Could not receive bench stock.");
        }
        var key = (await services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, campaign.ChannelIds[0])).Value!;
        return (campaign, [.. skus.Select(s => (s.Code, s.ListPriceCents))], key);
    }
}
