using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using EcomOps.Bench.Shared;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Bench;

/// <summary>
/// Intake through POST /api/orders: one writer in batches of 500 against a raw Microsoft.Data.Sqlite insert of the same
/// rows; then 8 writers in batches of 100 at once: errors a caller saw and each batch's time.
/// </summary>
internal static class IntakeBench
{
    private sealed record Line(string Sku, int Quantity, long UnitPriceCents);

    private sealed record Draft(string Id, string Name, string Phone, DateTime PlacedAtUtc, List<Line> Lines);

    public static async Task<List<Figure>> RunAsync(string folder, int orders, int reps, int writers, int seconds, int windows)
    {
        await using var host = new ConsoleHost(Path.Combine(folder, "intake.db"), Domain.DemoData.DemoSize.Minimal);
        var (skus, key) = await PrepareAsync(host.Services);
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        var random = new Random(7);
        var next = 0;
        List<Draft> Make(int count) => [.. Enumerable.Range(0, count).Select(_ =>
        {
            var n = Interlocked.Increment(ref next);
            var a = skus[random.Next(skus.Count)];
            var b = skus[random.Next(skus.Count)];
            List<Line> lines = a.Code == b.Code ? [new(a.Code, 2, a.ListPriceCents)] : [new(a.Code, 1, a.ListPriceCents), new(b.Code, 1, b.ListPriceCents)];
            return new Draft($"B{n:D8}", $"客户{n}", $"13{n:D9}", DateTime.UtcNow.AddHours(-1), lines);
        })];

        await PostAsync(client, Make(500));
        var api = new List<double>();
        var rawRates = new List<double>();
        for (var rep = 0; rep < reps; rep++)
        {
            var drafts = Make(orders);
            var clock = Stopwatch.StartNew();
            foreach (var chunk in drafts.Chunk(500))
            {
                await PostAsync(client, [.. chunk]);
            }
            api.Add(orders / clock.Elapsed.TotalSeconds);
            rawRates.Add(orders / RawInsert(drafts, Path.Combine(folder, $"raw{rep}.db")).TotalSeconds);
            System.Console.WriteLine($"  intake rep {rep + 1}: {api[^1]:0} orders/s through the API, {rawRates[^1]:0} raw");
        }

        // Several writers at once, each in its own loop of batches, for a fixed time.
        var latencies = new ConcurrentBag<(int Window, double Ms)>();
        var errors = new ConcurrentBag<string>();
        var run = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            using var writer = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
            writer.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
            while (run.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                List<Draft> batch;
                lock (random)
                {
                    batch = Make(100);
                }
                var window = (int)(run.Elapsed.TotalSeconds * windows / seconds);
                var watch = Stopwatch.StartNew();
                try
                {
                    var response = await writer.PostAsJsonAsync("/api/orders", Body(batch));
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (Exception ex)
                {
                    errors.Add(ex.GetType().Name);
                }
                latencies.Add((Math.Min(window, windows - 1), watch.Elapsed.TotalMilliseconds));
            }
        }));
        var p99 = latencies.GroupBy(l => l.Window).OrderBy(g => g.Key).Select(g => Stats.Percentile([.. g.Select(l => l.Ms)], 99)).ToList();
        System.Console.WriteLine($"  {writers} writers: {latencies.Count} batches, {errors.Count} errors ({string.Join(", ", errors.Distinct())}), p99 per window {string.Join(", ", p99.Select(p => $"{p:0} ms"))}");
        return
        [
            new Figure("6. intake", $"one writer, batches of 500 ({orders:N0} orders)", "orders/s", api, "raw insert of the same rows", rawRates, "at least 2,000 orders/s", Stats.Median(api) >= 2000),
            new Figure("6. intake", $"{writers} writers × batches of 100 for {seconds} s: batch p99 ({windows} windows)", "ms", p99, "", null, "under 1 s", Stats.Median(p99) < 1000),
            new Figure("6. intake", $"{writers} writers: errors a caller saw ({latencies.Count} batches)", "", [errors.Count], "", null, "none", errors.IsEmpty),
        ];
    }

    private static object Body(IEnumerable<Draft> drafts) => new
    {
        orders = drafts.Select(o => new
        {
            platformOrderId = o.Id,
            customerName = o.Name,
            customerPhone = o.Phone,
            shippingAddress = "上海市浦东新区张江路 100 号",
            placedAt = o.PlacedAtUtc.ToString("O"),
            paidAt = o.PlacedAtUtc.AddSeconds(30).ToString("O"),
            lines = o.Lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = l.UnitPriceCents / 100m }),
        }),
    };

    private static async Task PostAsync(HttpClient client, IReadOnlyList<Draft> drafts)
    {
        var response = await client.PostAsJsonAsync("/api/orders", Body(drafts));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<(List<Sku> Skus, string Key)> PrepareAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var skus = await db.Skus.Where(s => s.Active).OrderBy(s => s.Id).ToListAsync();
        var warehouse = await db.Warehouses.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
        // Plenty of every SKU, so the benchmark measures intake and review, not the exception queue.
        var received = await services.GetRequiredService<StockLedger>().ReceiveAsync(db, warehouse, [.. skus.Select(s => new StockLine(s.Id, 10_000_000))], "bench", null, default);
        if (!received.Succeeded)
        {
            throw new InvalidOperationException("Could not receive bench stock.");
        }
        var channel = await db.SalesChannels.Where(c => c.Code == "WEB").Select(c => c.Id).FirstAsync();
        var key = (await services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channel)).Value!;
        return (skus, key);
    }

    // The same orders and lines written the plainest way SQLite allows: two prepared INSERTs, one transaction per 500.
    private static TimeSpan RawInsert(List<Draft> orders, string file)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE Orders (Id INTEGER PRIMARY KEY, ChannelId INTEGER NOT NULL, PlatformOrderId TEXT NOT NULL, CustomerName TEXT NOT NULL,
                  CustomerPhone TEXT NOT NULL, ShippingAddress TEXT NOT NULL, TotalCents INTEGER NOT NULL, PlacedAtUtc TEXT NOT NULL);
                CREATE UNIQUE INDEX IX_Orders_Channel_Platform ON Orders (ChannelId, PlatformOrderId);
                CREATE TABLE OrderLines (Id INTEGER PRIMARY KEY, OrderId INTEGER NOT NULL REFERENCES Orders(Id), SkuCode TEXT NOT NULL, Quantity INTEGER NOT NULL, UnitPriceCents INTEGER NOT NULL);
                """;
            create.ExecuteNonQuery();
        }
        var clock = Stopwatch.StartNew();
        long lineId = 0;
        var orderId = 0;
        foreach (var chunk in orders.Chunk(500))
        {
            using var transaction = connection.BeginTransaction();
            using var insertOrder = connection.CreateCommand();
            insertOrder.CommandText = "INSERT INTO Orders VALUES ($id, 1, $pid, $name, $phone, '上海市浦东新区张江路 100 号', $total, $placed)";
            var p = new[] { "$id", "$pid", "$name", "$phone", "$total", "$placed" }.Select(n => insertOrder.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            using var insertLine = connection.CreateCommand();
            insertLine.CommandText = "INSERT INTO OrderLines VALUES ($id, $order, $sku, $qty, $price)";
            var q = new[] { "$id", "$order", "$sku", "$qty", "$price" }.Select(n => insertLine.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            foreach (var o in chunk)
            {
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) =
                    (++orderId, o.Id, o.Name, o.Phone, o.Lines.Sum(l => l.Quantity * l.UnitPriceCents), o.PlacedAtUtc);
                insertOrder.ExecuteNonQuery();
                foreach (var l in o.Lines)
                {
                    (q[0].Value, q[1].Value, q[2].Value, q[3].Value, q[4].Value) = (++lineId, orderId, l.Sku, l.Quantity, l.UnitPriceCents);
                    insertLine.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
        return clock.Elapsed;
    }
}
