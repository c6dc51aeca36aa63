using System.Diagnostics;
using EcomOps.Bench.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcomOps.Bench;

/// <summary>
/// What open circuits cost the server while nothing changes: managed heap per circuit after a forced collection (a board
/// against a minimal page), and the CPU of many ticket-queue tabs with running countdowns against the idle server. The
/// tabs live in a child process, so the server's process holds nothing of the browser's side.
/// </summary>
internal static class CircuitBench
{
    public static async Task<List<Figure>> RunAsync(string folder, int circuits, int idleSeconds, int windows)
    {
        await using var host = new ConsoleHost(Path.Combine(folder, "circuits.db"), Domain.DemoData.DemoSize.Standard);
        // A first tab warms the server (JIT, first queries, caches), so what follows is the circuits' own cost.
        await WithTabsAsync(host, "/", Agent, 1, () => Task.CompletedTask);

        var minimal = new List<double>();
        var board = new List<double>();
        var queue = new List<double>();
        await WithTabsAsync(host, "not-found", Agent, circuits, () => { minimal.AddRange(HeapPerCircuit(circuits)); return Task.CompletedTask; }, measureBefore: true);
        await WithTabsAsync(host, "orders/board", "specialist@ecomops.local", circuits, () => { board.AddRange(HeapPerCircuit(circuits)); return Task.CompletedTask; }, measureBefore: true);

        // "No changes" is checked, not assumed: the seed's SLA clocks run, and a ticket turning amber or red is a change
        // every open queue shows.
        var changes = 0;
        using var heard = host.Services.GetRequiredService<EcomOps.Domain.Live.LiveFeed>().Subscribe(c =>
        {
            Interlocked.Increment(ref changes);
            return Task.CompletedTask;
        }, EcomOps.Domain.Live.Boards.Tickets);
        // The idle server's baseline in windows half as long as the tabs' (the suite keeps within its 20 minutes).
        var idleServer = await CpuAsync(idleSeconds / 2, windows);
        System.Console.WriteLine($"  ticket changes while the server was idle: {changes}");
        var idleTabs = new List<double>();
        await WithTabsAsync(host, "service/queue", Agent, circuits, async () =>
        {
            queue.AddRange(HeapPerCircuit(circuits));
            await Task.Delay(5000);
            var before = changes;
            idleTabs.AddRange(await CpuAsync(idleSeconds, windows));
            System.Console.WriteLine($"  ticket changes while the {circuits} queue tabs were measured: {changes - before}");
        }, measureBefore: true);
        var above = idleTabs.Select((t, i) => t - idleServer[Math.Min(i, idleServer.Count - 1)]).ToList();

        return
        [
            new Figure("3. circuit memory", $"order board, per circuit ({circuits} circuits)", "KB", board, "minimal page (/not-found) per circuit", minimal, "under 500 KB", Stats.Median(board) < 500),
            // The agents' live board: held to the boards' goal since its page lost its Mud components (2026-12-07).
            new Figure("3. circuit memory", $"ticket queue, per circuit ({circuits} circuits)", "KB", queue, "minimal page per circuit", minimal, "under 500 KB", Stats.Median(queue) < 500),
            new Figure("4. idle", $"{circuits} queue tabs, countdowns running, no changes ({windows} windows of {idleSeconds / windows} s): CPU above the idle server", "% of a core", above, "idle server", idleServer, "under 2% of one core", Stats.Median(above) < 2),
        ];
    }

    private const string Agent = "agent@ecomops.local";

    private static long _before;

    /// <summary>Three readings of the managed heap after full, compacting collections, per circuit above the reading before.</summary>
    private static List<double> HeapPerCircuit(int circuits) =>
        [.. Enumerable.Range(0, 3).Select(_ => (Heap() - _before) / 1024.0 / circuits)];

    private static long Heap()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<List<double>> CpuAsync(int seconds, int windows)
    {
        var process = Process.GetCurrentProcess();
        var shares = new List<double>();
        for (var w = 0; w < windows; w++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var kernel = process.PrivilegedProcessorTime;
            var (items, gcs, contention) = (ThreadPool.CompletedWorkItemCount, GC.CollectionCount(0), Monitor.LockContentionCount);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds((double)seconds / windows));
            process.Refresh();
            var share = (process.TotalProcessorTime - cpu).TotalMilliseconds / clock.Elapsed.TotalMilliseconds * 100;
            shares.Add(share);
            // What the window's CPU went to, to tell work the server chose from work the machine imposed on it.
            System.Console.WriteLine($"    {share:0.0} % of a core ({(process.PrivilegedProcessorTime - kernel).TotalMilliseconds / clock.Elapsed.TotalMilliseconds * 100:0.0} in the kernel), "
                + $"{ThreadPool.CompletedWorkItemCount - items} thread-pool items, {GC.CollectionCount(0) - gcs} collections, "
                + $"{Monitor.LockContentionCount - contention} lock contentions, {ThreadPool.ThreadCount} pool threads");
        }
        return shares;
    }

    private static async Task WithTabsAsync(ConsoleHost host, string path, string email, int count, Func<Task> whileOpen, bool measureBefore = false)
    {
        if (measureBefore)
        {
            _before = Heap();
        }
        using var child = Child.Start("tabs", host.Address.ToString(), email, path, $"{count}");
        await Child.WaitForAsync(child, "READY", TimeSpan.FromMinutes(10));
        System.Console.WriteLine($"  {count} tabs open on /{path.TrimStart('/')}");
        await whileOpen();
        await child.StandardInput.WriteLineAsync("close");
        await child.WaitForExitAsync();
        // Circuits of closed tabs are let go once the server hears the disconnect.
        await Task.Delay(5000);
    }

    /// <summary>The child: opens the tabs, says READY, and closes them when told.</summary>
    public static async Task<int> TabsAsync(Uri console, string email, string path, int count)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var context = await Browsers.SignedInAsync(browser, console, email);
        var pages = await Browsers.OpenTabsAsync(context, path, count);
        System.Console.WriteLine("READY");
        await System.Console.In.ReadLineAsync();
        // Closing as a user does (the page unloads) tells Blazor to end the circuit now rather than keep it for a reconnect.
        foreach (var page in pages)
        {
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
        await browser.CloseAsync();
        playwright.Dispose();
        return 0;
    }
}
