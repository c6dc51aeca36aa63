using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using EcomOps.Bench.Shared;
using EcomOps.Console.Live;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace EcomOps.Bench;

/// <summary>
/// Circuit push: N signed-in tabs on the order board and N on the ticket queue; one change committed through the Domain at
/// a time; the delay from the commit until each tab's DOM shows it (a MutationObserver's timestamp in the page), against a
/// bare SignalR client on /hubs/ops receiving the same change, and against the machine's floor: as many tabs of the order
/// board's own page with no framework, the same cells written from a plain WebSocket. Per change it also prints how long
/// the committing call took, when the circuits handed their batches over and Kestrel flushed them, the server's and the
/// browser's CPU, one tab's main-thread work (Chromium's own counters) and, for the order board, when the shared snapshot
/// was ready.
/// </summary>
internal static class PushBench
{
    // Watches the DOM for the probe the benchmark sets before each change, and notes when its value changes.
    internal const string Observer = """
        window.__marks = []; window.__probe = null; window.__last = null; window.__frame = 0;
        (() => {
            // When the last frame from the server arrived in the page: splits a tab's delay into the way there and the page's own work.
            const Socket = window.WebSocket;
            window.WebSocket = function (...args) { const ws = new Socket(...args); ws.addEventListener('message', () => { window.__frame = Date.now(); }); return ws; };
            window.WebSocket.prototype = Socket.prototype; Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        })();
        window.__setProbe = (src) => { window.__probe = new Function('return ' + src); window.__last = String(window.__probe()); window.__marks = []; return window.__last; };
        new MutationObserver(() => {
            if (!window.__probe) { return; }
            const value = String(window.__probe());
            if (value !== window.__last) { window.__last = value; window.__marks.push([Date.now(), value, window.__frame]); }
        }).observe(document, { subtree: true, childList: true, characterData: true });
        """;

    /// <summary>The changes measured apart, before the repetitions: the first after the tabs opened.</summary>
    private const int FirstChanges = 5;

    /// <summary>How long after a change the suite leaves the tabs alone before reading what they noted (twice the slowest
    /// tab seen; a later tab is read when it has shown it).</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(1.0);

    public static async Task<List<Figure>> RunAsync(IBrowser browser, string folder, int tabs, int changes, int reps)
    {
        var figures = new List<Figure>();
        await using var host = new ConsoleHost(Path.Combine(folder, "push.db"), Domain.DemoData.DemoSize.Standard);
        figures.AddRange(await FloorAsync(browser, host, tabs, changes, reps));
        figures.AddRange(await OrderBoardAsync(browser, host, tabs, changes, reps));
        figures.AddRange(await TicketQueueAsync(browser, host, tabs, changes, reps));
        return figures;
    }

    /// <summary>
    /// The order board's own page without a framework: the HTML the console serves for /orders/board (its styles, its
    /// tiles and intake table) with Blazor's script taken out, as many tabs, the change's numbers written into the same
    /// cells by a few lines of script from a plain WebSocket (a bare Kestrel in this process sends the message to each
    /// socket in turn). The machine's floor for this page and this many tabs: no server's push can show a change in them
    /// sooner, since the browser still lays out, paints and composites the page after each change. (A static page that
    /// only shows a number measured p50 15 ms, p99 70–80 ms here; see docs/BENCHMARKS.md.)
    /// </summary>
    private static async Task<List<Figure>> FloorAsync(IBrowser browser, ConsoleHost host, int tabs, int changes, int reps)
    {
        var signedIn = await Browsers.SignedInAsync(browser, host.Address, "specialist@ecomops.local");
        var served = await (await signedIn.APIRequest.GetAsync("orders/board")).TextAsync();
        await signedIn.CloseAsync();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var channel = await db.SalesChannels.Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        const string Script = """
            <script>
                const socket = new WebSocket(`ws://${location.host}/ws`);
                socket.onopen = () => document.getElementById('circuit-ready').dataset.ready = 'true';
                // What a new order changes on the board: its status tile, the awaiting-shipment tile, the hour's cell and the day's total.
                socket.onmessage = e => {
                    for (const [selector, text] of Object.entries(JSON.parse(e.data))) {
                        const cell = document.querySelector(selector);
                        if (cell) { cell.textContent = text; }
                    }
                };
            </script>
            """;
        var page = System.Text.RegularExpressions.Regex.Replace(served, "<script[^>]*blazor\\.web[^>]*></script>", "")
            .Replace("<head>", $"<head><base href=\"{host.Address}\">", StringComparison.Ordinal)
            .Replace("</body>", $"<i id=\"circuit-ready\"></i>{Script}</body>", StringComparison.Ordinal);
        var value = 0;
        var intake = $"[data-testid=board-intake-{channel}]";
        // Half the changes (no server code to warm up): the floor's figures hold still from run to run, and the whole suite
        // stays within its 20 minutes.
        var measured = await PlainSocketTabsAsync(browser, page, "floor", "the order board's own page", tabs, Math.Max(1, changes / 2), reps,
            () => ($"document.querySelector('{intake}')?.textContent ?? ''", $"{value + 1}"),
            () =>
            {
                var next = ++value;
                return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["[data-testid=board-status-Accepted-count]"] = $"{next:#,##0}",
                    ["[data-testid=board-awaiting-shipment-count]"] = $"{next:#,##0}",
                    [$"{intake} b"] = $"{next}",
                    [$"td:has(+ {intake})"] = $"{next}",
                });
            });
        return
        [
            new Figure("1. circuit push", $"floor: the order board's own page on a plain WebSocket (no framework), tab p50 ({tabs} tabs, {Math.Max(1, changes / 2)} changes × {reps})", "ms", measured.TabP50, "", null, "(this page's floor on this machine, not a goal)", null),
            new Figure("1. circuit push", "floor: tab p99", "ms", measured.TabP99, "", null, "", null),
            new Figure("1. circuit push", $"floor: browser CPU with the {tabs} tabs open and nothing changing", "% of a core", [measured.IdleCpu], "", null, "", null),
        ];
    }

    /// <summary>Serves <paramref name="html"/> from a bare Kestrel in this process and sends each change's message to every
    /// tab's plain WebSocket in turn, as a server hands a change to its circuits.</summary>
    private static async Task<TabFigures> PlainSocketTabsAsync(IBrowser browser, string html, string name, string what, int tabs, int changes, int reps,
        Func<(string Probe, string Expected)> prepare, Func<string> next)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        var sockets = new ConcurrentBag<WebSocket>();
        app.UseWebSockets();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        app.Map("/ws", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest();
            }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            sockets.Add(socket);
            var buffer = new byte[64];
            while (socket.State == WebSocketState.Open)
            {
                var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
            return Results.Empty;
        });
        await app.StartAsync();
        var address = app.Urls.First();

        // The console's tabs' size, so the page is laid out and painted as the console's own tabs are.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, ViewportSize = new ViewportSize { Width = 1366, Height = 850 } });
        await context.AddInitScriptAsync(Observer);
        System.Console.WriteLine($"  {name}: opening {tabs} tabs of {what} on a plain WebSocket");
        var pages = await Browsers.OpenTabsAsync(context, "/", tabs);
        // None measured apart (no server code to warm up).
        var measured = await MeasureTabsAsync(pages, name, changes, reps,
            () => Task.FromResult(prepare()),
            async () =>
            {
                var message = Encoding.UTF8.GetBytes(next());
                var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var calling = System.Diagnostics.Stopwatch.StartNew();
                foreach (var socket in sockets)
                {
                    await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
                }
                return new Committed(at, calling.Elapsed.TotalMilliseconds, null);
            }, firstApart: false);
        await context.CloseAsync();
        await app.StopAsync();
        return measured;
    }

    private static async Task<List<Figure>> OrderBoardAsync(IBrowser browser, ConsoleHost host, int tabs, int changes, int reps)
    {
        var services = host.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var channel = await db.SalesChannels.Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var sku = await db.Skus.Where(s => s.Active).OrderBy(s => s.Id).Select(s => s.Code).FirstAsync();
        var intake = services.GetRequiredService<OrderIntake>();
        var board = services.GetRequiredService<SharedBoard<OrderBoard>>();
        var n = 0;
        // When the shared snapshot that counts the change was computed: the board's part of a tab's delay.
        var computed = new ConcurrentQueue<(long AtMs, int Total)>();
        using var watching = board.Watch(snapshot =>
        {
            computed.Enqueue((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), snapshot.Value.TodayIntake.First(c => c.ChannelId == channel).Total));
            return Task.CompletedTask;
        });
        var expected = 0;
        return await MeasureAsync(browser, host, "specialist@ecomops.local", "orders/board", Boards.Orders, "order board", tabs, changes, reps,
            async () =>
            {
                var cell = $"[data-testid=board-intake-{channel}]";
                expected = (await board.CurrentAsync()).Value.TodayIntake.First(c => c.ChannelId == channel).Total + 1;
                return ($"document.querySelector('{cell}')?.textContent ?? ''", expected.ToString(CultureInfo.InvariantCulture));
            },
            async () =>
            {
                var placed = DateTime.UtcNow.AddMinutes(-1);
                var result = await intake.TakeInAsync(Actor.System, channel, [new OrderDraft
                {
                    PlatformOrderId = $"PUSH-{Environment.ProcessId}-{n++}", CustomerName = "推送测试", CustomerPhone = "13800000000",
                    ShippingAddress = "上海市浦东新区张江路 100 号", PlacedAtUtc = placed, PaidAtUtc = placed,
                    Lines = [new OrderLineDraft(sku, null, 1, 1000, 0)],
                }]);
                return result.Value is [var taken] ? $"{taken.OrderId}" : throw new InvalidOperationException("the order was not taken in");
            },
            committedMs => computed.FirstOrDefault(c => c.Total >= expected) is { AtMs: > 0 } ready
                ? $"the board's snapshot was ready {ready.AtMs - committedMs} ms after the commit"
                : "no snapshot counted it");
    }

    private static async Task<List<Figure>> TicketQueueAsync(IBrowser browser, ConsoleHost host, int tabs, int changes, int reps)
    {
        var services = host.Services;
        var desk = services.GetRequiredService<TicketDesk>();
        var queue = services.GetRequiredService<TicketQueue>();
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var agent = await db.Employees.Where(e => e.Email == "agent@ecomops.local").Select(e => e.Id).FirstAsync();
        var other = await db.Employees.Where(e => e.Team == Team.CustomerService && e.Active && e.Id != agent && e.Role == Roles.CsAgent).Select(e => e.Id).FirstAsync();
        // Enough unassigned tickets for every change: each claim takes one off the agent's first page.
        for (var i = 0; i < changes * reps + 5; i++)
        {
            await desk.CreateAsync(Actor.System, new TicketForm
            {
                Channel = TicketChannel.OnlineChat, CustomerName = $"Push {i}", CustomerContact = $"push{i}@example.com", Subject = $"Push {i}",
                Category = TicketCategories.Shipping, Priority = TicketPriority.Urgent, Message = "Where is my parcel?",
            });
        }
        var mine = new QueueQuery(QueueScope.MineAndUnassigned, agent);
        QueueRow? claimed = null;
        return await MeasureAsync(browser, host, "agent@ecomops.local", "service/queue", Boards.Tickets, "ticket queue", tabs, changes, reps,
            async () =>
            {
                claimed = (await queue.SearchAsync(mine)).Items.First(r => r.AssigneeId is null);
                return ($"document.querySelector('[data-testid=queue-row-{claimed.Number}]') ? 'shown' : 'gone'", "gone");
            },
            async () =>
            {
                var outcome = await desk.AssignAsync(Actor.System, claimed!.Id, other, claimed.Version);
                return outcome.Succeeded ? $"{claimed.Id}" : throw new InvalidOperationException("the claim failed");
            });
    }

    /// <summary>One change as committed: when (the console's own stamp), how long the committing call took, and when the
    /// bare SignalR client received it.</summary>
    private readonly record struct Committed(long AtMs, double WaitedMs, double? BareMs);

    private static async Task<List<Figure>> MeasureAsync(IBrowser browser, ConsoleHost host, string email, string path, string hubBoard, string name,
        int tabs, int changes, int reps, Func<Task<(string Probe, string Expected)>> prepare, Func<Task<string>> commit, Func<long, string>? note = null)
    {
        host.Sends.Recording = true;
        var context = await Browsers.SignedInAsync(browser, host.Address, email);
        await context.AddInitScriptAsync(Observer);
        System.Console.WriteLine($"  {name}: opening {tabs} tabs");
        var pages = await Browsers.OpenTabsAsync(context, path, tabs);

        var heard = new ConcurrentQueue<(long AtMs, string Key, long CommittedMs)>();
        await using var bare = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, OpsHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Cookie"] = Browsers.CookieHeaderAsync(context).GetAwaiter().GetResult();
            })
            .Build();
        bare.On<LiveChange>(OpsHub.ChangeMethod, c => heard.Enqueue((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), c.Key,
            new DateTimeOffset(DateTime.SpecifyKind(c.AtUtc, DateTimeKind.Utc)).ToUnixTimeMilliseconds())));
        // Joining a board also brings its snapshots (for wall screens); the bare client takes them and reads nothing, where
        // an unhandled method cost the client a thrown and logged binding error on every change, inside the measured window.
        bare.On<System.Text.Json.JsonElement>(OpsHub.SnapshotMethod, _ => { });
        await bare.StartAsync();
        await bare.InvokeAsync(nameof(OpsHub.Join), hubBoard);

        var figures = await MeasureTabsAsync(pages, name, changes, reps, prepare, async () =>
        {
            heard.Clear();
            var calling = System.Diagnostics.Stopwatch.StartNew();
            var key = await commit();
            // How long whoever committed waited (an agent's claim, an import): it should not grow with the viewers.
            var waited = calling.Elapsed.TotalMilliseconds;
            // The change's own commit time (stamped by the console as it publishes), not when the call returned: a tab
            // may show the change before the committing call has come back to this loop.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!heard.Any(h => h.Key == key) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
            return heard.FirstOrDefault(h => h.Key == key) is { AtMs: > 0 } received
                ? new Committed(received.CommittedMs, waited, Math.Max(0, received.AtMs - received.CommittedMs))
                : new Committed(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), waited, null);
        }, committed =>
        {
            // The server's part: when the circuits handed the change's render batch to their connections.
            var sent = host.Sends.Since(committed.AtMs).Select(t => (double)(t - committed.AtMs)).ToList();
            var wire = host.Sends.OnWireSince(committed.AtMs).Select(t => (double)(t - committed.AtMs)).ToList();
            var server = sent.Count == 0 ? "no batch sent" : $"the circuits sent {sent.Count} batches, p50 {Stats.Percentile(sent, 50):0} / max {sent.Max():0} ms after the commit"
                + (wire.Count == 0 ? "" : $", Kestrel flushed {wire.Count} of them p50 {Stats.Percentile(wire, 50):0} / max {wire.Max():0} ms");
            return note is null ? server : $"{note(committed.AtMs)}; {server}";
        });
        await context.CloseAsync();
        var label = $"{tabs} tabs, {changes} changes × {reps}";
        var (tabP50, tabP99, bareP50, missed, first, idle, commitWaits) = figures;
        return
        [
            new Figure("1. circuit push", $"{name}: tab p50 ({label})", "ms", tabP50, "bare SignalR client p50", bareP50, "within 5× the bare client", Stats.Median(tabP50) <= 5 * Math.Max(1, Stats.Median(bareP50))),
            new Figure("1. circuit push", $"{name}: tab p99", "ms", tabP99, "", null, "under 300 ms", Stats.Median(tabP99) < 300),
            new Figure("1. circuit push", $"{name}: tab-changes missed (the first changes included)", "", [missed], "", null, "none", missed == 0),
            new Figure("1. circuit push", $"{name}: the first {FirstChanges} changes after the tabs opened, tab p50", "ms", [first.P50], "", null, "(not a goal: unoptimised code on both sides)", null),
            new Figure("1. circuit push", $"{name}: the first {FirstChanges} changes after the tabs opened, tab p99", "ms", [first.P99], "", null, "", null),
            new Figure("1. circuit push", $"{name}: browser CPU with the {tabs} tabs open and nothing changing", "% of a core", [idle], "", null, "", null),
            new Figure("1. circuit push", $"{name}: how long the committing call took, every change of the repetitions", "ms", commitWaits, "", null, "", null),
        ];
    }

    /// <summary>What the tabs showed: per repetition their p50 and p99 and the bare client's p50; the changes missed; the
    /// first changes apart; the browser's idle CPU; how long each committing call took.</summary>
    private sealed record TabFigures(List<double> TabP50, List<double> TabP99, List<double> BareP50, int Missed, (double P50, double P99) First,
        double IdleCpu, List<double> CommitWaits);

    /// <summary>Sets each change's probe in every tab, commits it, leaves the tabs alone, then reads when each showed it.</summary>
    private static async Task<TabFigures> MeasureTabsAsync(IReadOnlyList<IPage> pages, string name, int changes, int reps,
        Func<Task<(string Probe, string Expected)>> prepare, Func<Task<Committed>> commit, Func<Committed, string>? note = null, bool firstApart = true)
    {
        // One tab's main thread, as Chromium counts it: what a change costs a tab in script, style, layout and paint.
        var cdp = await pages[0].Context.NewCDPSessionAsync(pages[0]);
        await cdp.SendAsync("Performance.enable");
        async Task<Dictionary<string, double>> MetricsAsync() => (await cdp.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics")
            .EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        var tabP50 = new List<double>();
        var tabP99 = new List<double>();
        var bareP50 = new List<double>();
        var commitWaits = new List<double>();
        var missed = 0;
        static double BrowserCpu() => System.Diagnostics.Process.GetProcesses().Where(p => p.ProcessName.Contains("chrom", StringComparison.OrdinalIgnoreCase))
            .Sum(p => { try { return p.TotalProcessorTime.TotalMilliseconds; } catch { return 0; } });
        // What the open tabs cost the browser with nothing changing (their countdowns, their circuits' keep-alives).
        await Task.Delay(2000);
        var idleCpu = BrowserCpu();
        var idleWall = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(6000);
        var idle = (BrowserCpu() - idleCpu) / idleWall.Elapsed.TotalMilliseconds * 100;
        // Chromium gives tabs of one site a renderer process each only up to a limit; beyond it tabs share a process, and a
        // process's main thread handles its tabs' messages one after another.
        var renderers = System.Diagnostics.Process.GetProcesses().Count(p =>
        {
            try { return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("--type=renderer", StringComparison.Ordinal); } catch { return false; }
        });
        System.Console.WriteLine($"    browser CPU with the {pages.Count} tabs idle: {idle:0} % of a core over {idleWall.Elapsed.TotalSeconds:0.0} s; {renderers} renderer processes in the browser");
        var first = (P50: double.NaN, P99: double.NaN);
        // Round -1 is the first changes after the tabs opened: the server's code for them and each tab's copy of Blazor's
        // script still run unoptimised (the first changes took several times the later ones). It is reported on its own
        // line; the repetitions measure the boards as people keep them open, for hours.
        for (var rep = firstApart ? -1 : 0; rep < reps; rep++)
        {
            var cpu0 = BrowserCpu();
            var wall0 = System.Diagnostics.Stopwatch.StartNew();
            var tabDelays = new List<double>();
            var bareDelays = new List<double>();
            var changeCpus = new List<double>();
            for (var c = 0; c < (rep < 0 ? FirstChanges : changes); c++)
            {
                var (probe, expected) = await prepare();
                await Task.WhenAll(pages.Select(p => p.EvaluateAsync<string>("src => window.__setProbe(src)", probe)));
                // Let the hundred renderers finish answering before the change: the probe is the suite's work, not the console's.
                await Task.Delay(300);
                var before = await MetricsAsync();
                var changeCpu = BrowserCpu();
                // This process hosts the console (and the floors' bare Kestrel): its CPU over the quiet window is the server's work for the change.
                var serverCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var changeWall = System.Diagnostics.Stopwatch.StartNew();
                var done = await commit();
                var (committed, waited, bareMs) = done;
                var shown = new double?[pages.Count];
                var arrived = new double?[pages.Count];
                var deadline = DateTime.UtcNow.AddSeconds(10);
                // Each tab notes when it showed the change itself, so nothing needs asking while the tabs work: a read of a
                // hundred tabs' notes costs the browser a hundred evaluations, which would otherwise land among the late tabs.
                await Task.Delay(QuietWindow);
                // The browser's work for this change: its CPU over the quiet window, less what the tabs cost idle.
                var spent = BrowserCpu() - changeCpu - idle / 100 * changeWall.Elapsed.TotalMilliseconds;
                changeCpus.Add(spent);
                var serverSpent = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - serverCpu).TotalMilliseconds;
                var after = await MetricsAsync();
                string Spent(string metric) => $"{(after[metric] - before[metric]) * 1000:0.0}";
                var mainThread = $"tab 1's main thread {Spent("ThreadTime")} ms of CPU (tasks {Spent("TaskDuration")} ms: script {Spent("ScriptDuration")}, style {Spent("RecalcStyleDuration")}, layout {Spent("LayoutDuration")}, other {Spent("TaskOtherDuration")})";
                while (shown.Any(s => s is null) && DateTime.UtcNow < deadline)
                {
                    await Task.WhenAll(pages.Select(async (p, i) =>
                    {
                        if (shown[i] is null)
                        {
                            var marks = await p.EvaluateAsync<object[][]>("() => window.__marks");
                            var hit = marks.FirstOrDefault(m => m[1]?.ToString() == expected);
                            shown[i] = hit is null ? null : Convert.ToDouble(hit[0].ToString(), CultureInfo.InvariantCulture) - committed;
                            arrived[i] = hit is null ? null : Convert.ToDouble(hit[2].ToString(), CultureInfo.InvariantCulture) - committed;
                        }
                    }));
                    if (shown.Any(s => s is null))
                    {
                        await Task.Delay(250);
                    }
                }
                missed += shown.Count(s => s is null);
                var got = shown.Where(s => s is not null).Select(s => s!.Value).ToList();
                var came = arrived.Where(s => s is not null).Select(s => s!.Value).ToList();
                if (got.Count > 0)
                {
                    System.Console.WriteLine($"    change {c + 1}: shown p50 {Stats.Percentile(got, 50):0} / p90 {Stats.Percentile(got, 90):0} / max {got.Max():0} ms; its frame arrived p50 {Stats.Percentile(came, 50):0} / p90 {Stats.Percentile(came, 90):0} / max {came.Max():0} ms; the commit returned after {waited:0} ms{(note is null ? "" : "; " + note(done))}; the server's CPU {serverSpent:0} ms, the browser's {spent:0} ms above idle; {mainThread}");
                }
                tabDelays.AddRange(shown.Where(s => s is not null).Select(s => Math.Max(0, s!.Value)));
                if (rep >= 0)
                {
                    commitWaits.Add(waited);
                }
                if (bareMs is { } bareDelay)
                {
                    bareDelays.Add(bareDelay);
                }
            }
            System.Console.WriteLine($"    browser CPU in the rep: {(BrowserCpu() - cpu0) / wall0.Elapsed.TotalMilliseconds * 100:0} % of a core over {wall0.Elapsed.TotalSeconds:0.0} s; "
                + $"a change cost the browser {Stats.Median(changeCpus):0} ms of CPU above idle (median), {Stats.Median(changeCpus) / pages.Count:0.0} ms per tab");
            if (rep < 0)
            {
                first = (Stats.Percentile(tabDelays, 50), Stats.Percentile(tabDelays, 99));
                System.Console.WriteLine($"  {name}, the first {FirstChanges} changes after the tabs opened: tabs p50 {first.P50:0} ms, p99 {first.P99:0} ms; missed so far {missed}");
                continue;
            }
            tabP50.Add(Stats.Percentile(tabDelays, 50));
            tabP99.Add(Stats.Percentile(tabDelays, 99));
            bareP50.Add(Stats.Percentile(bareDelays, 50));
            System.Console.WriteLine($"  {name} rep {rep + 1}: tabs p50 {tabP50[^1]:0} ms, p99 {tabP99[^1]:0} ms{(bareDelays.Count > 0 ? $"; bare client p50 {bareP50[^1]:0.0} ms" : "")}; missed so far {missed}");
        }
        return new TabFigures(tabP50, tabP99, bareP50, missed, first, idle, commitWaits);
    }
}
