using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Orders benchmark: (1) orders per second through POST /api/orders in batches of 500, against a raw
// Microsoft.Data.Sqlite insert of the same rows in the same run; (2) the order list's p95 query time at 1,000,000 orders.
// Usage: dotnet run -c Release --project bench/OrdersBench -- [intakeOrders=20000] [listOrders=1000000]
namespace OrdersBench;

internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        var intakeCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var listCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var root = FindRoot();
        var work = Directory.CreateTempSubdirectory("orders-bench-");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ECOMOPS_CONSOLE", Path.Combine(root, "EcomOps.Console"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        try
        {
            await IntakeAsync(intakeCount, work.FullName);
            await ListAsync(listCount, work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        static async Task IntakeAsync(int count, string folder)
        {
            const int batch = 500;
            await using var factory = new ConsoleHost($"Data Source={Path.Combine(folder, "intake.db")}");
            var client = factory.CreateClient();
            var services = factory.Services;
            var (skus, channelId) = await PrepareStockAsync(services);
            var key = (await services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channelId)).Value!;
            client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
            var random = new Random(7);
            var placed = DateTime.UtcNow.AddHours(-1);
            var orders = Enumerable.Range(0, count).Select(i =>
            {
                var a = skus[random.Next(skus.Count)];
                var b = skus[random.Next(skus.Count)];
                var lines = a.Code == b.Code ? new[] { (a, 2) } : [(a, 1), (b, 1)];
                return new BenchOrder($"B{i:D8}", $"客户{i}", $"13{i:D9}", "上海市浦东新区张江路 100 号", placed.AddMilliseconds(i),
                    [.. lines.Select(l => new BenchLine(l.Item1.Code, l.Item2, l.Item1.ListPriceCents))]);
            }).ToList();

            // Warm-up: JIT, connection pool and the first query plans are not what is measured.
            await PostAsync(client, orders.Take(batch).Select((o, i) => o with { Id = $"W{i}", Phone = $"12{i:D9}" }).ToList());
            var clock = Stopwatch.StartNew();
            foreach (var chunk in orders.Chunk(batch))
            {
                await PostAsync(client, chunk);
            }
            clock.Stop();
            var api = count / clock.Elapsed.TotalSeconds;

            var raw = RawInsert(orders, Path.Combine(folder, "raw.db"), batch);
            Console.WriteLine($"intake: {count} orders ({orders.Sum(o => o.Lines.Count)} lines) in batches of {batch}");
            Console.WriteLine($"  POST /api/orders: {clock.Elapsed.TotalSeconds:F1} s = {api:F0} orders/s");
            Console.WriteLine($"  raw Microsoft.Data.Sqlite insert of the same rows: {raw.TotalSeconds:F2} s = {count / raw.TotalSeconds:F0} orders/s");
            Console.WriteLine($"  API / raw: {api / (count / raw.TotalSeconds):P1}");
        }

        static async Task PostAsync(HttpClient client, IReadOnlyList<BenchOrder> orders)
        {
            var response = await client.PostAsJsonAsync("/api/orders", new
            {
                orders = orders.Select(o => new
                {
                    platformOrderId = o.Id,
                    customerName = o.Name,
                    customerPhone = o.Phone,
                    shippingAddress = o.Address,
                    placedAt = o.PlacedAtUtc.ToString("O"),
                    paidAt = o.PlacedAtUtc.AddSeconds(30).ToString("O"),
                    lines = o.Lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = l.UnitPriceCents / 100m }),
                }),
            });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        // The same orders and lines written the plainest way SQLite allows: two prepared INSERTs, one transaction per batch.
        static TimeSpan RawInsert(List<BenchOrder> orders, string file, int batch)
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
            foreach (var chunk in orders.Chunk(batch))
            {
                using var transaction = connection.BeginTransaction();
                using var insertOrder = connection.CreateCommand();
                insertOrder.CommandText = "INSERT INTO Orders VALUES ($id, 1, $pid, $name, $phone, $address, $total, $placed)";
                var p = new[] { "$id", "$pid", "$name", "$phone", "$address", "$total", "$placed" }.Select(n => insertOrder.Parameters.Add(new SqliteParameter(n, null))).ToArray();
                using var insertLine = connection.CreateCommand();
                insertLine.CommandText = "INSERT INTO OrderLines VALUES ($id, $order, $sku, $qty, $price)";
                var q = new[] { "$id", "$order", "$sku", "$qty", "$price" }.Select(n => insertLine.Parameters.Add(new SqliteParameter(n, null))).ToArray();
                foreach (var o in chunk)
                {
                    (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value, p[6].Value) =
                        (++orderId, o.Id, o.Name, o.Phone, o.Address, o.Lines.Sum(l => l.Quantity * l.UnitPriceCents), o.PlacedAtUtc);
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

        static async Task<(List<Sku> Skus, int ChannelId)> PrepareStockAsync(IServiceProvider services)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
            var skus = await db.Skus.Where(s => s.Active).OrderBy(s => s.Id).ToListAsync();
            var warehouse = await db.Warehouses.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
            // Plenty of every SKU, so the benchmark measures intake and review, not the exception queue.
            var result = await services.GetRequiredService<StockLedger>().ReceiveAsync(db, warehouse, [.. skus.Select(s => new StockLine(s.Id, 1_000_000))], "bench", null, default);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not receive bench stock.");
            }
            var channelId = await db.SalesChannels.Where(c => c.Code == "WEB").Select(c => c.Id).FirstAsync();
            return (skus, channelId);
        }

        static async Task ListAsync(int count, string folder)
        {
            var file = Path.Combine(folder, "list.db");
            await using var factory = new ConsoleHost($"Data Source={file}");
            var services = factory.Services;
            var clock = Stopwatch.StartNew();
            await FillAsync(services, count);
            Console.WriteLine($"list: {count} orders written in {clock.Elapsed.TotalSeconds:F0} s (bulk, outside the measurement)");
            var queries = services.GetRequiredService<OrderQueries>();
            var time = services.GetRequiredService<EcomOps.Domain.Time.CompanyTime>();
            var channels = (await queries.ChannelsAsync()).Select(c => c.Id).ToList();
            string phone, sku, name;
            await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
            {
                var sample = await db.Orders.OrderBy(o => o.Id).Skip(count / 2).Select(o => new { o.CustomerPhone, o.CustomerName }).FirstAsync();
                (phone, name) = (sample.CustomerPhone, sample.CustomerName[..1]);
                sku = await db.OrderLines.OrderBy(l => l.Id).Skip(count / 3).Select(l => l.SkuCode).FirstAsync();
            }
            var random = new Random(11);
            var scenarios = new (string Name, Func<int, Task<OrderPage>> Run)[]
            {
                ("newest first, page n", p => queries.ListAsync(new OrderFilter(), OrderQueries.NewestFirst, p * 25, 25)),
                ("state = On hold", p => queries.ListAsync(new OrderFilter(Status: OrderStatus.OnHold), OrderQueries.NewestFirst, p * 25, 25)),
                ("channel + last 7 days", p => queries.ListAsync(new OrderFilter(ChannelId: channels[p % channels.Count], From: time.Today.AddDays(-7), To: time.Today), OrderQueries.NewestFirst, 0, 25)),
                ("search phone", p => queries.ListAsync(new OrderFilter(Search: phone), OrderQueries.NewestFirst, 0, 25)),
                ("search SKU", p => queries.ListAsync(new OrderFilter(Search: sku), OrderQueries.NewestFirst, 0, 25)),
                ("search customer name prefix", p => queries.ListAsync(new OrderFilter(Search: name), OrderQueries.NewestFirst, 0, 25)),
                ("highest total", p => queries.ListAsync(new OrderFilter(), new ListSort<OrderColumn>(OrderColumn.Total, Descending: true), p * 25, 25)),
                ("late (promise)", p => queries.ListAsync(new OrderFilter(Promise: PromiseState.Late), OrderQueries.NewestFirst, 0, 25)),
            };
            Console.WriteLine($"  {"query",-30} {"p50 ms",8} {"p95 ms",8} {"max ms",8}  rows total");
            var all = new List<double>();
            foreach (var (scenario, run) in scenarios)
            {
                await run(0);
                var times = new List<double>();
                var total = 0;
                for (var i = 0; i < 40; i++)
                {
                    var watch = Stopwatch.StartNew();
                    total = (await run(random.Next(200))).Total;
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                all.AddRange(times);
                Console.WriteLine($"  {scenario,-30} {times[times.Count / 2],8:F1} {P95(times),8:F1} {times[^1],8:F1}  {total}");
            }
            all.Sort();
            Console.WriteLine($"  all queries: p95 {P95(all):F1} ms over {all.Count} runs (page of 25 rows + total count)");
            var board = Stopwatch.StartNew();
            await queries.BoardAsync();
            Console.WriteLine($"  order board (all tiles) once: {board.Elapsed.TotalMilliseconds:F0} ms");
        }

        static double P95(List<double> sorted) => sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];

        // A million orders with their lines and open holds, written with prepared statements on one connection (the demo
        // data's BulkInsert), in the shape the intake gives them.
        static async Task FillAsync(IServiceProvider services, int count)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
            var skus = await db.Skus.OrderBy(s => s.Id).Select(s => new { s.Id, s.Code, s.ListPriceCents }).ToListAsync();
            var channels = await db.SalesChannels.Select(c => c.Id).ToListAsync();
            var firstId = (await db.Orders.MaxAsync(o => (int?)o.Id) ?? 0) + 1;
            var lineId = await db.OrderLines.MaxAsync(l => (long?)l.Id) ?? 0;
            var holdId = await db.OrderHolds.MaxAsync(h => (long?)h.Id) ?? 0;
            var random = new Random(3);
            var now = DateTime.UtcNow;
            var statuses = new[] { (OrderStatus.Completed, 0.9), (OrderStatus.Cancelled, 0.05), (OrderStatus.Accepted, 0.03), (OrderStatus.OnHold, 0.02) };
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;");
            for (var start = 0; start < count; start += 50_000)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                using var orders = new BulkInsert<Order>(db);
                using var lines = new BulkInsert<OrderLine>(db);
                using var holds = new BulkInsert<OrderHold>(db);
                for (var n = start; n < Math.Min(count, start + 50_000); n++)
                {
                    var placed = now.AddSeconds(-random.Next(90 * 86_400));
                    var roll = random.NextDouble();
                    var status = roll < 0.9 ? OrderStatus.Completed : roll < 0.95 ? OrderStatus.Cancelled : roll < 0.98 ? OrderStatus.Accepted : OrderStatus.OnHold;
                    var order = new Order
                    {
                        Id = firstId + n,
                        ChannelId = channels[random.Next(channels.Count)],
                        PlatformOrderId = $"M{n:D9}",
                        CustomerName = "王李张刘陈杨黄赵吴周"[random.Next(10)] + "客户" + (n % 9973).ToString(CultureInfo.InvariantCulture),
                        CustomerPhone = $"13{random.Next(1_000_000_000):D9}",
                        ShippingAddress = "上海市浦东新区张江路 100 号",
                        CustomerLanguage = "zh-Hans",
                        PlacedAtUtc = placed,
                        PaidAtUtc = placed.AddSeconds(30),
                        ReceivedAtUtc = placed.AddSeconds(40),
                        UpdatedAtUtc = placed.AddSeconds(40),
                        ShipByUtc = placed.AddHours(24),
                        Status = status,
                        PaymentStatus = PaymentStatus.Paid,
                        ShippingStatus = status == OrderStatus.Completed ? ShippingStatus.Delivered : ShippingStatus.NotAssigned,
                        HeldSinceUtc = status == OrderStatus.OnHold ? placed.AddSeconds(40) : null,
                    };
                    var sku = skus[random.Next(skus.Count)];
                    var quantity = 1 + random.Next(3);
                    order.Lines.Add(new OrderLine { Id = ++lineId, OrderId = order.Id, SkuId = sku.Id, SkuCode = sku.Code, Title = sku.Code, Quantity = quantity, UnitPriceCents = sku.ListPriceCents });
                    if (random.NextDouble() < 0.4)
                    {
                        var other = skus[random.Next(skus.Count)];
                        if (other.Id != sku.Id)
                        {
                            order.Lines.Add(new OrderLine { Id = ++lineId, OrderId = order.Id, SkuId = other.Id, SkuCode = other.Code, Title = other.Code, Quantity = 1, UnitPriceCents = other.ListPriceCents });
                        }
                    }
                    OrderRules.Totals(order);
                    orders.Add(order);
                    order.Lines.ForEach(lines.Add);
                    if (status == OrderStatus.OnHold)
                    {
                        holds.Add(new OrderHold { Id = ++holdId, OrderId = order.Id, Reason = (HoldReason)random.Next(7), RaisedAtUtc = order.HeldSinceUtc!.Value });
                    }
                }
                await transaction.CommitAsync();
            }
        }

        static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EcomOps.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("EcomOps.sln not found above the benchmark.");
        }
    }
}

internal sealed record BenchLine(string Sku, int Quantity, long UnitPriceCents);

internal sealed record BenchOrder(string Id, string Name, string Phone, string Address, DateTime PlacedAtUtc, List<BenchLine> Lines);

/// <summary>The console as it runs (Development, minimal demo data: SKUs, warehouses, channels), on its own SQLite file.</summary>
internal sealed class ConsoleHost(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Ops", connectionString);
        builder.UseSetting("DemoData:Size", "Minimal");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
    }
}
