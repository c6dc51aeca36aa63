using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EcomOps.Bench.Shared;
using EcomOps.Bench;

namespace EcomOps.Bench;

// The live-boards benchmark suite (issue 12), outside the test command:
//   dotnet run -c Release --project bench/Suite -- all            every benchmark, full size (about 20 minutes on 2 cores)
//   dotnet run -c Release --project bench/Suite -- all --quick    the same at a tiny size, to see that it runs (1–2 minutes)
// Options: --db <file> reuse a large-seed database (skips benchmark 8's seeding), --work <folder> for the databases
// (default: a temporary folder), --no-report to leave docs/BENCHMARKS.md as it is, --only <parts> (see below).
// The table goes into docs/BENCHMARKS.md between its markers.
//   dotnet run -c Release --project bench/Suite -- catalog [--db <catalog.db>] [--quick] [--no-report]
// measures the catalogue at 100,000 listings (issue 13); its table has its own markers.
//   dotnet run -c Release --project bench/Suite -- campaign [--quick] [--no-report]
// measures the live campaign board under an intake of 200 orders a second (issue 15); its table has its own markers.
//   dotnet run -c Release --project bench/Suite -- customers --db <copy of the large seed> [--reps 3] [--no-report]
// times the nightly customer analysis (segments and products bought together) at a million orders (issue 20); the
// refresh writes its tables into that database, so give it a copy.
//   dotnet run -c Release --project bench/Suite -- mail [--quick] [--no-report]
// fetches 10,000 customer e-mails from a local smtp4dev (the repository's dotnet tool) into tickets (issue 16).
//   dotnet run -c Release --project bench/Suite -- cluster --postgres "Host=127.0.0.1;Port=55432;Username=ecomops"
//       [--redis-server /usr/bin/redis-server] [--changes 200] [--quick] [--no-report]
// two console processes on one fresh PostgreSQL database and a private Redis: a change on A to B's hub and order list
// (p50/p99), then intake and the order list's questions on PostgreSQL beside SQLite; everything made is removed after.
internal static class Suite
{
    /// <summary>The machine line of every table: cores, system, runtime and the collector the in-process console runs
    /// (the suite's own setting is the workstation collector; the console started on its own runs the server collector).</summary>
    private static string Machine => $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, "
        + $".NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>The catalogue's benchmark: its database is kept (--db) so the 100,000 listings are made once.</summary>
    private static async Task<int> CatalogAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var at = Array.IndexOf(args, "--db");
        var database = at >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : Path.Combine(Path.GetTempPath(), "ecomops-catalog.db");
        var machine = Machine;
        var took = Stopwatch.StartNew();
        System.Console.WriteLine($"catalogue benchmark on {database} ({machine})");
        var figures = await CatalogBench.RunAsync(database, calls: quick ? 10 : 40, reps: 3);
        return Publish(args, figures, machine, took.Elapsed, "catalog", "Store and catalogue at 100,000 listings (`bench/Suite -- catalog`)");
    }

    /// <summary>The live campaign board while orders for its campaign arrive at 200 a second.</summary>
    private static async Task<int> CampaignAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var machine = Machine;
        var took = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("ecomops-campaign-");
        List<Figure> figures;
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            figures = await CampaignBench.RunAsync(browser, work.FullName, tabs: quick ? 3 : 20, perSecond: 200, seconds: quick ? 5 : 30, reps: 3);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
            work.Delete(recursive: true);
        }
        return Publish(args, figures, machine, took.Elapsed, "campaign", "The live campaign board under intake (`bench/Suite -- campaign`)");
    }

    /// <summary>Prints a benchmark's table and, unless --no-report, writes it into docs/BENCHMARKS.md between its markers.</summary>
    private static int Publish(string[] args, IReadOnlyList<Figure> figures, string machine, TimeSpan took, string marker, string heading)
    {
        var table = Report.Table(figures, machine, took, marker);
        System.Console.WriteLine(table);
        if (!args.Contains("--no-report"))
        {
            Report.Write(Path.Combine(Repository.Root, "docs", "BENCHMARKS.md"), table, marker, heading);
            System.Console.WriteLine("written to docs/BENCHMARKS.md");
        }
        return 0;
    }

    /// <summary>The customer analysis' benchmark, on a copy of the large seed (it needs orders; it makes none).</summary>
    private static async Task<int> CustomersAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--db");
        if (at < 0 || at + 1 >= args.Length || !File.Exists(args[at + 1]))
        {
            System.Console.Error.WriteLine("usage: customers --db <a copy of the large seed> [--reps 3] [--no-report]");
            return 2;
        }
        var database = Path.GetFullPath(args[at + 1]);
        var repsAt = Array.IndexOf(args, "--reps");
        var reps = repsAt >= 0 && repsAt + 1 < args.Length ? int.Parse(args[repsAt + 1], CultureInfo.InvariantCulture) : 3;
        var machine = Machine;
        var took = Stopwatch.StartNew();
        System.Console.WriteLine($"customer analysis benchmark on {database} ({machine})");
        var figures = await CustomersBench.RunAsync(database, reps);
        return Publish(args, figures, machine, took.Elapsed, "customers", "Customer analysis at a million orders (`bench/Suite -- customers`)");
    }

    /// <summary>Customer e-mail from a local smtp4dev into tickets (issue 16).</summary>
    private static async Task<int> MailAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var machine = Machine;
        var took = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("ecomops-mail-");
        List<Figure> figures;
        try
        {
            figures = await MailBench.RunAsync(work.FullName, messages: quick ? 1_000 : 10_000, reps: 3, senders: 8);
        }
        finally
        {
            work.Delete(recursive: true);
        }
        return Publish(args, figures, machine, took.Elapsed, "mail", "Customer e-mail into tickets (`bench/Suite -- mail`)");
    }

    /// <summary>Two servers on PostgreSQL and Redis, and PostgreSQL beside SQLite (ClusterBench).</summary>
    private static async Task<int> ClusterAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Option("--postgres") is not { } postgres)
        {
            System.Console.Error.WriteLine("usage: cluster --postgres \"Host=…;Port=…;Username=…\" [--redis-server /usr/bin/redis-server] [--changes 200] [--quick] [--no-report]");
            return 2;
        }
        var quick = args.Contains("--quick");
        var changes = Option("--changes") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : quick ? 20 : 200;
        var machine = Machine;
        var took = Stopwatch.StartNew();
        System.Console.WriteLine($"cluster benchmark: {changes} changes ({machine})");
        var figures = await ClusterBench.RunAsync(postgres, Option("--redis-server") ?? "/usr/bin/redis-server", changes,
            intakeOrders: quick ? 20 : 200, calls: quick ? 5 : 20, reps: quick ? 2 : 3);
        if (!args.Contains("--no-report"))
        {
            ClusterBench.EnsureSection(Path.Combine(Repository.Root, "docs", "BENCHMARKS.md"));
        }
        return Publish(args, figures, machine, took.Elapsed, "cluster", ClusterBench.Heading);
    }

    public static async Task<int> Main(string[] args)
    {
        if (args is ["hub-clients", var hub, var cookie, var count])
        {
            return await HubBench.ClientsAsync(new Uri(hub), cookie, int.Parse(count, CultureInfo.InvariantCulture));
        }
        if (args is ["tabs", var console, var email, var path, var tabs])
        {
            return await CircuitBench.TabsAsync(new Uri(console), email, path, int.Parse(tabs, CultureInfo.InvariantCulture));
        }
        if (args is ["cluster-lists", var provider, var ops, var calls])
        {
            return await ClusterBench.ListsChildAsync(provider, ops, int.Parse(calls, CultureInfo.InvariantCulture));
        }
        if (args.Length > 0 && args[0] == "catalog")
        {
            return await CatalogAsync(args);
        }
        if (args.Length > 0 && args[0] == "campaign")
        {
            return await CampaignAsync(args);
        }
        if (args.Length > 0 && args[0] == "customers")
        {
            return await CustomersAsync(args);
        }
        if (args.Length > 0 && args[0] == "mail")
        {
            return await MailAsync(args);
        }
        if (args.Length > 0 && args[0] == "cluster")
        {
            return await ClusterAsync(args);
        }
        if (args.Length == 0 || args[0] != "all")
        {
            System.Console.Error.WriteLine("usage: all [--quick] [--db <large-seed.db>] [--work <folder>] [--no-report] | catalog [--db <catalog.db>] [--quick] [--no-report] | campaign [--quick] [--no-report] | customers --db <copy of large-seed.db> [--reps 3] [--no-report] | mail [--quick] [--no-report] | cluster --postgres <server> [--redis-server <path>] [--changes 200] [--quick] [--no-report]");
            return 2;
        }

        var quick = args.Contains("--quick");
        // --only lists,kpi,intake,push,hub,circuits,seed,boards: a part of the suite, to look at one area (the table is not written).
        var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Runs(string part) => only is null || only.Contains(part);
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var root = Repository.Root;
        var work = Option("--work") is { } w ? Directory.CreateDirectory(w) : Directory.CreateTempSubdirectory("ecomops-suite-");
        var machine = Machine;
        System.Console.WriteLine($"suite: {(quick ? "quick" : "full")} run in {work.FullName} on {machine}");
        var took = Stopwatch.StartNew();
        var figures = new List<Figure>();

        try
        {
            // 8 first: the lists and the KPI workbook are measured on the database it makes.
            var large = Option("--db");
            // The shared boards' computations are not a part of the issue's table: measured only when asked for by name.
            var boards = only?.Contains("boards") == true;
            if (large is null && (Runs("seed") || Runs("lists") || Runs("kpi") || boards))
            {
                large = Path.Combine(work.FullName, "large.db");
                figures.Add(await SeedAsync(root, large, quick ? "standard" : "large"));
            }
            if (boards)
            {
                System.Console.WriteLine("9. shared boards");
                figures.AddRange(await BoardsBench.RunAsync(large!, computations: quick ? 3 : 10));
            }
            if (Runs("lists"))
            {
                System.Console.WriteLine("5. lists");
                figures.AddRange(await ListsBench.RunAsync(large!, calls: quick ? 10 : 40, reps: 3));
            }
            if (Runs("kpi"))
            {
                System.Console.WriteLine("7. KPI workbook");
                figures.AddRange(await KpiAsync(root, large!, reps: 3));
            }
            if (Runs("intake"))
            {
                System.Console.WriteLine("6. intake");
                figures.AddRange(await IntakeBench.RunAsync(work.FullName, orders: quick ? 1000 : 5_000, reps: 3, writers: 8, seconds: quick ? 9 : 60, windows: 3));
            }
            if (Runs("push") || Runs("hub"))
            {
                var (playwright, browser) = await Chromium.LaunchAsync();
                try
                {
                    if (Runs("push"))
                    {
                        System.Console.WriteLine("1. circuit push");
                        figures.AddRange(await PushBench.RunAsync(browser, work.FullName, tabs: quick ? 5 : 100, changes: quick ? 2 : 10, reps: 3));
                    }
                    if (Runs("hub"))
                    {
                        System.Console.WriteLine("2. hub fan-out");
                        figures.AddRange(await HubBench.RunAsync(browser, work.FullName, clients: quick ? 50 : 1000, perSecond: 20, seconds: quick ? 6 : 60, windows: 3));
                    }
                }
                finally
                {
                    await browser.CloseAsync();
                    playwright.Dispose();
                }
            }
            if (Runs("circuits"))
            {
                System.Console.WriteLine("3, 4. circuit memory and idle");
                figures.AddRange(await CircuitBench.RunAsync(work.FullName, circuits: quick ? 10 : 200, idleSeconds: quick ? 6 : 60, windows: 3));
            }
        }
        finally
        {
            if (Option("--work") is null)
            {
                work.Delete(recursive: true);
            }
        }

        var table = Report.Table(figures, machine, took.Elapsed);
        System.Console.WriteLine(table);
        if (!args.Contains("--no-report") && only is null)
        {
            Report.Write(Path.Combine(root, "docs", "BENCHMARKS.md"), table);
            System.Console.WriteLine("written to docs/BENCHMARKS.md");
        }
        return 0;
    }

    // The console's own seed command, in a process of its own, timed from start to exit.
    private static async Task<Figure> SeedAsync(string root, string database, string size)
    {
        System.Console.WriteLine($"8. seed --size {size}");
        await RunAsync(root, "dotnet", "build", "EcomOps.Console", "-c", "Release", "-v", "q", "-nologo");
        var clock = Stopwatch.StartNew();
        await RunAsync(root, "dotnet", Path.Combine(root, "EcomOps.Console", "bin", "Release", "net10.0", "EcomOps.Console.dll"), "seed", "--size", size, "--reset");
        var minutes = clock.Elapsed.TotalMinutes;
        System.Console.WriteLine($"  seeded in {minutes:0.0} min");
        return new Figure("8. large seed", $"seed --size {size} (one run)", "min", [minutes], "", null, "under 5 minutes", minutes < 5);

        async Task RunAsync(string folder, string file, params string[] arguments)
        {
            var info = new ProcessStartInfo(file) { WorkingDirectory = folder, UseShellExecute = false };
            arguments.ToList().ForEach(info.ArgumentList.Add);
            info.Environment["ConnectionStrings__Ops"] = $"Data Source={database}";
            info.Environment["DOTNET_ENVIRONMENT"] = "Development";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            using var process = Process.Start(info)!;
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
            }
        }
    }

    // The month's KPI workbook for every team, in a process of its own so its peak memory is its own (bench/Analytics).
    private static async Task<List<Figure>> KpiAsync(string root, string database, int reps)
    {
        var seconds = new List<double>();
        var peaks = new List<double>();
        for (var rep = 0; rep < reps; rep++)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var arg in new[] { "run", "-c", "Release", "--project", "bench/Analytics", "--", "measure", database })
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var total = Regex.Match(output, @"total: ([\d.]+) s");
            var peak = Regex.Match(output, @"peak working set: ([\d.]+) MB");
            if (!total.Success || !peak.Success)
            {
                throw new InvalidOperationException($"bench/Analytics said:\n{output}");
            }
            seconds.Add(double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
            peaks.Add(double.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture));
            System.Console.WriteLine($"  workbook rep {rep + 1}: {seconds[^1]:0.0} s, peak {peaks[^1]:0} MB");
        }
        return
        [
            new Figure("7. KPI workbook", "the month, every team: time", "s", seconds, "", null, "under 5 s", Stats.Median(seconds) < 5),
            new Figure("7. KPI workbook", "peak working set", "MB", peaks, "", null, "under 500 MB", Stats.Median(peaks) < 500),
        ];
    }

}
