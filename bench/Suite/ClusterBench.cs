using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EcomOps.Bench.Shared;
using EcomOps.Console.Live;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;

namespace EcomOps.Bench;

/// <summary>
/// Two console servers (separate processes, ports of their own) on one fresh PostgreSQL database and a private Redis:
/// orders posted to A one after another, the time each reaches an OpsHub client on B and a row of B's order list in
/// Chromium, after A's 201. Then one server per engine (PostgreSQL, SQLite), each on its own Minimal demo database:
/// order intake one by one and the order list's questions, alternating between the engines so the load is shared.
/// </summary>
internal static class ClusterBench
{
    public const string Heading = "Two servers on PostgreSQL and Redis (`bench/Suite -- cluster`)";

    private const string Setup =
        "Servers A and B are two `EcomOps.Console` processes (Development, Minimal demo data) on one fresh PostgreSQL database " +
        "and a private `redis-server`, on one machine: orders are posted one by one to A's `POST /api/orders` (50 ms apart), and " +
        "each change's latency is its arrival on B (an OpsHub client; its row on B's `/orders` in headless Chromium, seen by a " +
        "MutationObserver) minus A's 201; then one server per engine, each on its own Minimal database, takes orders one by one " +
        "and answers the order list's questions (`OrderQueries`, in a process of the benchmark's per engine), alternating between the engines.";

    private const string Manager = "opsmanager@ecomops.local";

    /// <summary>Adds the section (heading, the setup in one line, empty markers) at the end of the file once, for Report.Write to fill.</summary>
    public static void EnsureSection(string docsFile)
    {
        var text = File.Exists(docsFile) ? File.ReadAllText(docsFile) : "# Benchmarks\n";
        if (!text.Contains("<!-- cluster:start -->", StringComparison.Ordinal))
        {
            File.WriteAllText(docsFile, text.TrimEnd() + $"\n\n## {Heading}\n\n{Setup}\n\n<!-- cluster:start -->\n<!-- cluster:end -->\n");
        }
    }

    public static async Task<List<Figure>> RunAsync(string postgres, string redisBinary, int changes, int intakeOrders, int calls, int reps)
    {
        await using var cleanup = new Cleanup();
        System.Console.CancelKeyPress += (_, _) => cleanup.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var figures = new List<Figure>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var (playwright, browser) = await Chromium.LaunchAsync();
        cleanup.Defer(async () => { await browser.CloseAsync(); playwright.Dispose(); });

        // 1. The cluster: a database, a Redis, A (which seeds the demo data), then B.
        var clusterDb = await cleanup.DatabaseAsync(postgres, $"ecomops_bench_{run}");
        var redis = await cleanup.RedisAsync(redisBinary);
        Dictionary<string, string> Cluster(string name) => new()
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Ops"] = clusterDb,
            ["Live__Channel"] = "Redis",
            ["ConnectionStrings__Redis"] = $"127.0.0.1:{redis}",
            ["Live__ChannelName"] = $"bench-{run}",
            ["Live__ServerName"] = name,
        };
        var clock = Stopwatch.StartNew();
        var a = await cleanup.ServerAsync("A", Cluster("A"));
        System.Console.WriteLine($"  A ready at {a.Address} in {clock.Elapsed.TotalSeconds:0} s (seeded Minimal on PostgreSQL)");
        var b = await cleanup.ServerAsync("B", Cluster("B"));
        System.Console.WriteLine($"  B ready at {b.Address}");
        var (order, key) = await PrepareAsync(cleanup, OpsDatabase.PostgreSql(clusterDb));
        figures.AddRange(await LatencyAsync(browser, a, b, order, key, run, changes));
        await cleanup.StopAsync(b);
        await cleanup.StopAsync(a);

        // 2. PostgreSQL beside SQLite: one server on each, no cluster.
        var single = await cleanup.DatabaseAsync(postgres, $"ecomops_bench_{run}_single");
        var sqliteFile = Path.Combine(cleanup.Folder(), "single.db");
        var engines = new[]
        {
            (Name: "PostgreSQL", Database: OpsDatabase.PostgreSql(single), Settings: new Dictionary<string, string> { ["Database__Provider"] = "PostgreSql", ["ConnectionStrings__Ops"] = single }),
            (Name: "SQLite", Database: OpsDatabase.Sqlite($"Data Source={sqliteFile}"), Settings: new Dictionary<string, string> { ["ConnectionStrings__Ops"] = $"Data Source={sqliteFile}" }),
        };
        var servers = new List<(ServerProcess Server, Func<string, object> Order, string Key)>();
        foreach (var engine in engines)
        {
            clock.Restart();
            var server = await cleanup.ServerAsync(engine.Name, engine.Settings);
            System.Console.WriteLine($"  {engine.Name} server ready in {clock.Elapsed.TotalSeconds:0} s");
            var (make, apiKey) = await PrepareAsync(cleanup, engine.Database);
            servers.Add((server, make, apiKey));
        }
        figures.AddRange(await ListsAsync([.. engines.Select(e => e.Database)], calls, reps));
        figures.AddRange(await IntakeAsync(servers, run, intakeOrders));
        return figures;
    }

    // ---- A → B ----

    private static async Task<List<Figure>> LatencyAsync(IBrowser browser, ServerProcess a, ServerProcess b, Func<string, object> order, string key, string run, int changes)
    {
        // Signed in through the real form on each server; the hub clients carry the browser's cookies.
        var onA = await Browsers.SignedInAsync(browser, a.Address, Manager);
        var onB = await Browsers.SignedInAsync(browser, b.Address, Manager);
        await using var hubA = await HubHeard.JoinAsync(a.Address, await Browsers.CookieHeaderAsync(onA), Boards.Orders);
        await using var hubB = await HubHeard.JoinAsync(b.Address, await Browsers.CookieHeaderAsync(onB), Boards.Orders);
        await onA.CloseAsync();
        var page = await onB.NewPageAsync();
        await page.GotoAsync("orders");
        await page.Locator("#circuit-ready[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid^=order-row-]").First.WaitForAsync();
        // Rows are reused by the table's diff (a new order may only change an existing link's data-testid), so both
        // added nodes and changed attributes count; the first time an id is seen is kept.
        await page.EvaluateAsync("""
            () => {
              const seen = window.__rows = {};
              const note = (el, t) => {
                const id = el.getAttribute && el.getAttribute('data-testid');
                if (id && id.startsWith('order-row-') && !(id.substring(10) in seen)) seen[id.substring(10)] = t;
              };
              const scan = (node, t) => {
                if (node.nodeType !== 1) return;
                note(node, t);
                node.querySelectorAll('[data-testid^="order-row-"]').forEach(e => note(e, t));
              };
              scan(document.body, 0);
              new MutationObserver(records => {
                const t = Date.now();
                for (const r of records) {
                  if (r.type === 'attributes') note(r.target, t); else r.addedNodes.forEach(n => scan(n, t));
                }
              }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-testid'] });
            }
            """);

        using var client = new HttpClient { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        // A few orders first, not counted: the first request of each path runs unoptimised code on A, B and the page.
        const int warmup = 5;
        var posted = new List<(string PlatformId, string OrderId, DateTime Sent, DateTime Acked)>();
        for (var i = 0; i < warmup + changes; i++)
        {
            var id = $"CL{run}-{i:D4}";
            var sent = DateTime.UtcNow;
            var response = await client.PostAsJsonAsync("api/orders", order(id));
            var acked = DateTime.UtcNow;
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"A answered {(int)response.StatusCode}: {body}");
            }
            var orderId = JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetInt32().ToString(CultureInfo.InvariantCulture);
            if (i < warmup)
            {
                await Task.Delay(1000);
                continue;
            }
            posted.Add((id, orderId, sent, acked));
            await Task.Delay(50);
        }

        // Everything should be there within a second or two; wait up to 15 s for stragglers.
        Dictionary<string, double> rows = [];
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            rows = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__rows");
            if (posted.All(p => rows.ContainsKey(p.PlatformId) && hubB.Heard.ContainsKey(p.OrderId) && hubA.Heard.ContainsKey(p.OrderId)))
            {
                break;
            }
            await Task.Delay(500);
        }
        await onB.CloseAsync();

        // Not heard at all counts as never (infinity): it weighs on the percentiles and the count within 1 s.
        double Since(DateTime acked, DateTime? at) => at is { } t ? (t - acked).TotalMilliseconds : double.PositiveInfinity;
        var hub = posted.Select(p => Since(p.Acked, hubB.Heard.TryGetValue(p.OrderId, out var t) ? t : null)).ToList();
        var own = posted.Select(p => Since(p.Acked, hubA.Heard.TryGetValue(p.OrderId, out var t) ? t : null)).ToList();
        var board = posted.Select(p => Since(p.Acked, rows.TryGetValue(p.PlatformId, out var ms) && ms > 0 ? DateTime.UnixEpoch.AddMilliseconds(ms) : null)).ToList();
        var intake = posted.Select(p => (p.Acked - p.Sent).TotalMilliseconds).ToList();
        var worst = posted.Zip(board).OrderByDescending(x => x.Second).Take(3).Select(x => $"{x.First.PlatformId} {x.Second:0} ms at +{(x.First.Sent - posted[0].Sent).TotalSeconds:0.0} s");
        System.Console.WriteLine($"  hub on B p50 {P(hub, 50):0.0} / p99 {P(hub, 99):0.0} / max {hub.Max():0.0} ms; board on B p50 {P(board, 50):0} / p99 {P(board, 99):0} / max {board.Max():0} ms (slowest: {string.Join("; ", worst)}); A's intake p50 {P(intake, 50):0.0} ms");

        var label = $"{changes} changes 50 ms apart";
        const string bench = "11. A → B";
        return
        [
            new Figure(bench, $"OpsHub client on B after A's 201: p50 ({label})", "ms", [P(hub, 50)], "the same change on A's own hub: p50", [P(own, 50)], "", null),
            new Figure(bench, "OpsHub client on B: p99", "ms", [P(hub, 99)], "A's own hub: p99", [P(own, 99)], "under 1 s", P(hub, 99) < 1000),
            new Figure(bench, "OpsHub client on B: max", "ms", [hub.Max()], "A's own hub: max", [own.Max()], "", null),
            new Figure(bench, "order list row on B (board circuit, Chromium): p50", "ms", [P(board, 50)], "OpsHub client on B: p50", [P(hub, 50)], "", null),
            new Figure(bench, "order list row on B: p99", "ms", [P(board, 99)], "OpsHub client on B: p99", [P(hub, 99)], "under 1 s", P(board, 99) < 1000),
            new Figure(bench, "order list row on B: max", "ms", [board.Max()], "", null, "", null),
            new Figure(bench, $"changes on B's hub within 1 s (of {changes})", "", [hub.Count(h => h <= 1000)], "", null, $"all {changes}", hub.All(h => h <= 1000)),
            new Figure(bench, $"rows on B's order list within 1 s (of {changes})", "", [board.Count(h => h <= 1000)], "", null, $"all {changes}", board.All(h => h <= 1000)),
            new Figure(bench, "A's intake, send → 201: p50", "ms", [P(intake, 50)], "", null, "", null),
            new Figure(bench, "A's intake, send → 201: p99", "ms", [P(intake, 99)], "", null, "", null),
        ];
    }

    private static double P(List<double> values, double p) => Stats.Percentile(values, p);

    /// <summary>An OpsHub client on one board, keeping when it first heard each key.</summary>
    private sealed class HubHeard : IAsyncDisposable
    {
        private readonly HubConnection _connection;

        private HubHeard(HubConnection connection) => _connection = connection;

        public ConcurrentDictionary<string, DateTime> Heard { get; } = new();

        public static async Task<HubHeard> JoinAsync(Uri server, string cookie, string board)
        {
            var connection = new HubConnectionBuilder().WithUrl(new Uri(server, OpsHub.Path), o => o.Headers["Cookie"] = cookie).Build();
            var heard = new HubHeard(connection);
            connection.On<JsonElement>(OpsHub.ChangeMethod, change =>
            {
                var now = DateTime.UtcNow;
                heard.Heard.TryAdd(change.GetProperty("key").GetString()!, now);
            });
            await connection.StartAsync();
            await connection.InvokeAsync(nameof(OpsHub.Join), board);
            return heard;
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
    }

    // ---- PostgreSQL beside SQLite ----

    /// <summary>Orders posted one by one to each engine's server in turn (so both share whatever else the machine does).</summary>
    private static async Task<List<Figure>> IntakeAsync(IReadOnlyList<(ServerProcess Server, Func<string, object> Order, string Key)> servers, string run, int orders)
    {
        var clients = servers.Select(s =>
        {
            var client = new HttpClient { BaseAddress = s.Server.Address, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add(ChannelApiKey.Header, s.Key);
            return client;
        }).ToList();
        var times = servers.Select(_ => new List<double>()).ToList();
        const int warmup = 20;
        for (var i = 0; i < warmup + orders; i++)
        {
            for (var e = 0; e < servers.Count; e++)
            {
                var watch = Stopwatch.StartNew();
                var response = await clients[e].PostAsJsonAsync("api/orders", servers[e].Order($"EN{run}-{i:D4}"));
                var took = watch.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"{servers[e].Server.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                if (i >= warmup)
                {
                    times[e].Add(took);
                }
            }
        }
        clients.ForEach(c => c.Dispose());
        System.Console.WriteLine($"  intake one by one: PostgreSQL p50 {P(times[0], 50):0.0} / p99 {P(times[0], 99):0.0} ms; SQLite p50 {P(times[1], 50):0.0} / p99 {P(times[1], 99):0.0} ms");
        const string bench = "12. PostgreSQL beside SQLite";
        return
        [
            new Figure(bench, $"order intake, one by one ({orders} orders, one server): p50 per order on PostgreSQL", "ms", [P(times[0], 50)], "SQLite: p50", [P(times[1], 50)], "", null),
            new Figure(bench, "order intake: p99 per order on PostgreSQL", "ms", [P(times[0], 99)], "SQLite: p99", [P(times[1], 99)], "", null),
        ];
    }

    /// <summary>
    /// The order list's questions of the lists benchmark (5.) through OrderQueries, each engine in a child process of its
    /// own (EF Core's compiled queries belong to the first model they meet: one process cannot ask both engines); the
    /// children are asked in turn, a question's repetition on one engine, then on the other.
    /// </summary>
    private static async Task<List<Figure>> ListsAsync(IReadOnlyList<OpsDatabase> databases, int calls, int reps)
    {
        var children = new List<Process>();
        try
        {
            var names = new List<string>();
            foreach (var database in databases)
            {
                var child = Child.Start("cluster-lists", database.Provider.ToString(), database.ConnectionString, $"{calls}");
                children.Add(child);
                names = [.. (await Child.WaitForAsync(child, "READY", TimeSpan.FromMinutes(3)))["READY ".Length..].Split('|')];
            }
            var figures = new List<Figure>();
            for (var q = 0; q < names.Count; q++)
            {
                var runs = databases.Select(_ => new List<double>()).ToList();
                for (var rep = 0; rep < reps; rep++)
                {
                    for (var e = 0; e < children.Count; e++)
                    {
                        await children[e].StandardInput.WriteLineAsync($"{q}");
                        var answer = await Child.WaitForAsync(children[e], "P95 ", TimeSpan.FromMinutes(2));
                        runs[e].Add(double.Parse(answer["P95 ".Length..], CultureInfo.InvariantCulture));
                    }
                }
                System.Console.WriteLine($"  {names[q]}: PostgreSQL p95 {Stats.Median(runs[0]):0.0} ms, SQLite {Stats.Median(runs[1]):0.0} ms");
                figures.Add(new Figure("12. PostgreSQL beside SQLite", $"{names[q]} (Minimal demo): p95 of {calls} calls on PostgreSQL", "ms", runs[0], "SQLite (p95)", runs[1], "", null));
            }
            return figures;
        }
        finally
        {
            foreach (var child in children)
            {
                if (!child.HasExited)
                {
                    child.Kill();
                    await child.WaitForExitAsync();
                }
                child.Dispose();
            }
        }
    }

    /// <summary>The child: the Domain on one database, every question warmed, then the p95 of a question each time its number comes in.</summary>
    public static async Task<int> ListsChildAsync(string provider, string connectionString, int calls)
    {
        var database = new OpsDatabase(Enum.Parse<DatabaseProvider>(provider), connectionString);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOpsDomain(_ => database);
        services.AddCompanyTime("Asia/Shanghai");
        await using var domain = services.BuildServiceProvider();
        var feed = domain.GetRequiredService<LiveFeed>();
        var queries = domain.GetRequiredService<OrderQueries>();
        var today = domain.GetRequiredService<Domain.Time.CompanyTime>().Today;
        await using var db = await domain.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var sample = await db.Orders.OrderBy(o => o.Id).Skip(await db.Orders.CountAsync() / 2).Select(o => new { o.CustomerPhone, o.CustomerName, o.ChannelId }).FirstAsync();
        // A change before each call makes each call the read that follows a change (the lists' cache is per version).
        Func<Task> Ask(OrderFilter filter) => () =>
        {
            feed.Publish(new LiveChange(Boards.Orders, nameof(Order), "bench", LiveChangeKind.Updated, DateTime.UtcNow));
            return queries.ListAsync(filter, OrderQueries.NewestFirst, 0, 25);
        };
        (string Name, Func<Task> Run)[] questions =
        [
            ("orders: newest first", Ask(new OrderFilter())),
            ("orders: on hold", Ask(new OrderFilter(Status: OrderStatus.OnHold))),
            ("orders: channel, last 7 days", Ask(new OrderFilter(ChannelId: sample.ChannelId, From: today.AddDays(-7), To: today))),
            ("orders: search phone", Ask(new OrderFilter(Search: sample.CustomerPhone))),
            ("orders: search name prefix", Ask(new OrderFilter(Search: sample.CustomerName[..1]))),
            ("orders: late", Ask(new OrderFilter(Promise: PromiseState.Late))),
        ];
        // Warm first, every question (see ListsBench: the JIT recompiles hot methods after some calls, in the background).
        foreach (var (_, run) in questions)
        {
            var warming = Stopwatch.StartNew();
            for (var i = 0; i < 100 || warming.Elapsed < TimeSpan.FromSeconds(1); i++)
            {
                await run();
            }
        }
        System.Console.WriteLine($"READY {string.Join('|', questions.Select(q => q.Name))}");
        while (await System.Console.In.ReadLineAsync() is { } line && int.TryParse(line, CultureInfo.InvariantCulture, out var q))
        {
            System.Console.WriteLine(FormattableString.Invariant($"P95 {ListsBench.P95(calls, questions[q].Run):0.000}"));
        }
        return 0;
    }

    // ---- setting up ----

    /// <summary>The web channel's API key, plenty of stock of the SKU with most available, and orders of one of it.</summary>
    private static async Task<(Func<string, object> Order, string Key)> PrepareAsync(Cleanup cleanup, OpsDatabase database)
    {
        var domain = cleanup.Domain(database);
        await using var db = await domain.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var skuId = await db.StockBalances.OrderByDescending(b => b.OnHand - b.Reserved).ThenBy(b => b.SkuId).Select(b => b.SkuId).FirstAsync();
        var sku = await db.Skus.Where(s => s.Id == skuId).Select(s => new { s.Id, s.Code, s.ListPriceCents }).SingleAsync();
        var warehouse = await db.Warehouses.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
        // Plenty, so every order is reserved and confirmed rather than held for stock.
        if (!(await domain.GetRequiredService<StockLedger>().ReceiveAsync(db, warehouse, [new StockLine(sku.Id, 1_000_000)], "bench", null, default)).Succeeded)
        {
            throw new InvalidOperationException("Could not receive bench stock.");
        }
        var web = await db.SalesChannels.Where(c => c.Code == "WEB").Select(c => c.Id).FirstAsync();
        var key = (await domain.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, web)).Value!;
        var price = sku.ListPriceCents / 100m;
        return (platformOrderId =>
        {
            // Placed now (to the millisecond): each new order sorts first on the order list.
            var now = DateTime.UtcNow;
            return new
            {
                platformOrderId,
                customerName = "集群压测",
                customerPhone = "13812345678",
                shippingAddress = "上海市浦东新区张江路 100 号",
                placedAt = now.AddMilliseconds(-500).ToString("O", CultureInfo.InvariantCulture),
                paidAt = now.AddMilliseconds(-200).ToString("O", CultureInfo.InvariantCulture),
                shippingFee = 0,
                lines = new[] { new { sku = sku.Code, quantity = 1, unitPrice = price } },
            };
        }, key);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Everything the run started or made, undone in reverse order at the end (also after a failure, or Ctrl+C).</summary>
    private sealed class Cleanup : IAsyncDisposable
    {
        private readonly List<Func<Task>> _undo = [];
        private readonly Dictionary<OpsDatabase, ServiceProvider> _domains = [];
        private DirectoryInfo? _folder;
        private int _done;

        public void Defer(Func<Task> undo)
        {
            lock (_undo)
            {
                _undo.Add(undo);
            }
        }

        public string Folder()
        {
            if (_folder is null)
            {
                var folder = _folder = Directory.CreateTempSubdirectory("ecomops-cluster-");
                Defer(() => { folder.Delete(recursive: true); return Task.CompletedTask; });
            }
            return _folder.FullName;
        }

        /// <summary>The Domain on a database, as the console registers it (no web, no jobs); one per database.</summary>
        public IServiceProvider Domain(OpsDatabase database)
        {
            if (!_domains.TryGetValue(database, out var provider))
            {
                var services = new ServiceCollection();
                services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
                services.AddOpsDomain(_ => database);
                services.AddCompanyTime("Asia/Shanghai");
                _domains[database] = provider = services.BuildServiceProvider();
                Defer(async () => await provider.DisposeAsync());
            }
            return provider;
        }

        /// <summary>A new, empty database on the server, dropped at the end; answers its connection string.</summary>
        public async Task<string> DatabaseAsync(string server, string name)
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
            Defer(async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
            return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }

        private static async Task ExecuteAsync(string server, string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>A private redis-server (no persistence) on a free port, answering PING; answers the port.</summary>
        public async Task<int> RedisAsync(string binary)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }
            var process = Process.Start(start)!;
            Defer(() => Kill(process));
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            for (var until = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < until; await Task.Delay(100))
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    await client.GetStream().WriteAsync("PING\r\n"u8.ToArray());
                    var buffer = new byte[16];
                    var read = await client.GetStream().ReadAsync(buffer);
                    if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                    {
                        return port;
                    }
                }
                catch (SocketException)
                {
                }
            }
            throw new InvalidOperationException($"redis-server did not answer on port {port}");
        }

        /// <summary>A console server in a process of its own, ready once /health/live answers and /health says Healthy.</summary>
        public async Task<ServerProcess> ServerAsync(string name, IReadOnlyDictionary<string, string> settings)
        {
            var server = new ServerProcess(name, FreePort());
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcomOps.Console.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(server.Address.ToString().TrimEnd('/'));
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["DOTNET_ENVIRONMENT"] = "Development";
            start.Environment["DemoData__Size"] = "Minimal";
            start.Environment["RateLimiting__OrderApi__PermitLimit"] = "100000";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }
            server.Process = Process.Start(start)!;
            Defer(() => Kill(server.Process));
            server.Process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            server.Process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            server.Process.BeginOutputReadLine();
            server.Process.BeginErrorReadLine();
            await server.WaitReadyAsync();
            return server;
        }

        public Task StopAsync(ServerProcess server) => Kill(server.Process!);

        private static async Task Kill(Process process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1)
            {
                return;
            }
            List<Func<Task>> undo;
            lock (_undo)
            {
                undo = [.. _undo];
            }
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                try
                {
                    await undo[i]();
                }
                catch (Exception ex)
                {
                    System.Console.Error.WriteLine($"  cleanup: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
    }

    private sealed class ServerProcess(string name, int port)
    {
        private readonly StringBuilder _output = new();

        public string Name => name;

        public Uri Address { get; } = new($"http://127.0.0.1:{port}/");

        public Process? Process { get; set; }

        public void Keep(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }

        private string Tail()
        {
            lock (_output)
            {
                return string.Join('\n', _output.ToString().Split('\n').TakeLast(40));
            }
        }

        /// <summary>Waits for /health/live (the demo data is seeded before the server serves), then for /health to say Healthy.</summary>
        public async Task WaitReadyAsync()
        {
            using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
            var until = DateTime.UtcNow.AddMinutes(3);
            foreach (var path in new[] { "health/live", "health" })
            {
                string? said = null;
                while (true)
                {
                    if (Process!.HasExited)
                    {
                        throw new InvalidOperationException($"Server {name} exited with {Process.ExitCode} while starting:\n{Tail()}");
                    }
                    if (DateTime.UtcNow > until)
                    {
                        throw new TimeoutException($"Server {name}: {path} not ready within 3 minutes (last said: {said}):\n{Tail()}");
                    }
                    try
                    {
                        var response = await http.GetAsync(path);
                        said = await response.Content.ReadAsStringAsync();
                        if (response.IsSuccessStatusCode && (path == "health/live" || JsonDocument.Parse(said).RootElement.GetProperty("status").GetString() == "Healthy"))
                        {
                            break;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
                    {
                    }
                    await Task.Delay(250);
                }
            }
        }
    }
}
