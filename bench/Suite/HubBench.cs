using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using EcomOps.Bench.Shared;
using EcomOps.Console.Live;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace EcomOps.Bench;

/// <summary>
/// Hub fan-out: many OpsHub clients in a separate process, changes published at a steady rate; commit-to-receipt delay
/// (the change's own commit time against the client's clock, one machine) against a bare hub broadcasting the same
/// payload to the same number of clients. The run is cut into windows, each one repetition.
/// </summary>
internal static class HubBench
{
    private const string EndKey = "END";

    public static async Task<List<Figure>> RunAsync(IBrowser browser, string folder, int clients, int perSecond, int seconds, int windows)
    {
        await using var host = new ConsoleHost(Path.Combine(folder, "hub.db"), Domain.DemoData.DemoSize.Minimal);
        var context = await Browsers.SignedInAsync(browser, host.Address, "agent@ecomops.local");
        var cookie = await Browsers.CookieHeaderAsync(context);
        await context.CloseAsync();
        var feed = host.Services.GetRequiredService<LiveFeed>();
        var ours = await DriveAsync(new Uri(host.Address, OpsHub.Path), cookie, clients, perSecond, seconds, windows,
            change => { feed.Publish(change); return Task.CompletedTask; });

        await using var bare = await BareHubServer.StartAsync();
        var baseline = await DriveAsync(bare.Address, "-", clients, perSecond, seconds, windows,
            change => bare.Hub.Clients.Group(Boards.Tickets).SendAsync(OpsHub.ChangeMethod, change));

        var label = $"{clients} clients, {perSecond} changes/s, {seconds} s in {windows} windows";
        return
        [
            new Figure("2. hub fan-out", $"OpsHub p50 ({label})", "ms", ours.P50, "bare hub p50", baseline.P50, "", null),
            new Figure("2. hub fan-out", "OpsHub p99", "ms", ours.P99, "bare hub p99", baseline.P99, "≤ 1.5× the bare hub and under 50 ms",
                Stats.Median(ours.P99) <= 1.5 * Stats.Median(baseline.P99) && Stats.Median(ours.P99) < 50),
            new Figure("2. hub fan-out", "messages lost (OpsHub, bare)", "", [ours.Lost], $"bare: {baseline.Lost}", null, "none", ours.Lost == 0),
        ];
    }

    private sealed record Windows(List<double> P50, List<double> P99, double Lost);

    private static async Task<Windows> DriveAsync(Uri hub, string cookie, int clients, int perSecond, int seconds, int windows, Func<LiveChange, Task> publish)
    {
        using var child = Child.Start("hub-clients", hub.ToString(), cookie, $"{clients}");
        await Child.WaitForAsync(child, "READY", TimeSpan.FromMinutes(3));
        var total = perSecond * seconds;
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var window = i * windows / total;
            await publish(new LiveChange(Boards.Tickets, "Ticket", $"{window}:{i}", LiveChangeKind.Updated, DateTime.UtcNow));
        }
        await Task.Delay(1000);
        await publish(new LiveChange(Boards.Tickets, "Ticket", $"{EndKey}:{total}", LiveChangeKind.Updated, DateTime.UtcNow));
        var result = await Child.WaitForAsync(child, "RESULT", TimeSpan.FromMinutes(2));
        await child.WaitForExitAsync();
        // RESULT lost p50,p99;p50,p99;...
        var parts = result.Split(' ');
        var lost = double.Parse(parts[1], CultureInfo.InvariantCulture);
        var figures = parts[2].Split(';').Select(w => w.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        System.Console.WriteLine($"  hub {hub.AbsolutePath}: windows {parts[2]} (p50,p99 ms); messages lost {lost:0}");
        return new Windows([.. figures.Select(f => f[0])], [.. figures.Select(f => f[1])], lost);
    }

    /// <summary>The child: connects the clients, says READY, and reports each window's p50/p99 once the END change arrives.</summary>
    public static async Task<int> ClientsAsync(Uri hub, string cookie, int count)
    {
        var delays = new ConcurrentBag<(int Window, double Ms)>();
        var sent = 0L;
        var ended = new CountdownEvent(count);
        var connections = new List<HubConnection>();
        for (var start = 0; start < count; start += 50)
        {
            var batch = await Task.WhenAll(Enumerable.Range(start, Math.Min(50, count - start)).Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(hub, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        if (cookie != "-")
                        {
                            o.Headers["Cookie"] = cookie;
                        }
                    })
                    .Build();
                connection.On<JsonElement>(OpsHub.ChangeMethod, change =>
                {
                    var now = DateTimeOffset.UtcNow;
                    var key = change.GetProperty("key").GetString()!;
                    if (key.StartsWith(EndKey, StringComparison.Ordinal))
                    {
                        Interlocked.Exchange(ref sent, long.Parse(key[(EndKey.Length + 1)..], CultureInfo.InvariantCulture));
                        ended.Signal();
                        return;
                    }
                    var at = change.GetProperty("atUtc").GetDateTime();
                    delays.Add((int.Parse(key[..key.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture), (now.UtcDateTime - at).TotalMilliseconds));
                });
                await connection.StartAsync();
                await connection.InvokeAsync(nameof(OpsHub.Join), Boards.Tickets);
                return connection;
            }));
            connections.AddRange(batch);
        }
        System.Console.WriteLine("READY");
        ended.Wait(TimeSpan.FromMinutes(5));
        var all = delays.ToList();
        var windows = all.GroupBy(d => d.Window).OrderBy(g => g.Key)
            .Select(g => FormattableString.Invariant($"{Stats.Percentile([.. g.Select(d => d.Ms)], 50):0.0},{Stats.Percentile([.. g.Select(d => d.Ms)], 99):0.0}"));
        System.Console.WriteLine(FormattableString.Invariant($"RESULT {Math.Max(0, Interlocked.Read(ref sent) * count - all.Count)} {string.Join(';', windows)}"));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        return 0;
    }
}

/// <summary>The baseline: a hub that does nothing but put clients in a group, on its own Kestrel.</summary>
internal sealed class BareHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareHubServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IHubContext<BareHub> Hub => _app.Services.GetRequiredService<IHubContext<BareHub>>();

    public static async Task<BareHubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        await app.StartAsync();
        var address = app.Urls.First();
        return new BareHubServer(app, new Uri(new Uri(address), "/hubs/bare"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed class BareHub : Hub
{
    public Task Join(string board) => Groups.AddToGroupAsync(Context.ConnectionId, board);
}
