using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using EcomOps.Bench.Shared;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomOps.Bench;

/// <summary>
/// Lists at the large seed: the ticket queue's and the order list's first page with each filter, through the Domain, against
/// the very SQL the Domain sent (captured) run by hand through Microsoft.Data.Sqlite — so the ratio is the per-call
/// pipeline's cost, not the query plan's.
/// </summary>
internal static class ListsBench
{
    public static async Task<List<Figure>> RunAsync(string database, int calls, int reps)
    {
        var recorder = new CommandRecorder();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IInterceptor>(recorder);
        services.AddOpsDomain(_ => $"Data Source={database}");
        services.AddCompanyTime("Asia/Shanghai");
        await using var provider = services.BuildServiceProvider();
        // A database kept from an earlier build (--db) is brought to this build's schema first, as the console would.
        await OpsDbSetup.MigrateAsync(provider.GetRequiredService<IDbContextFactory<OpsDb>>());
        var queue = provider.GetRequiredService<TicketQueue>();
        var feed = provider.GetRequiredService<Domain.Live.LiveFeed>();
        var orders = provider.GetRequiredService<OrderQueries>();
        var time = provider.GetRequiredService<Domain.Time.CompanyTime>();
        int agent;
        string phone, name;
        int channel;
        await using (var db = await provider.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            agent = await db.Tickets.Where(t => t.AssigneeId != null).Select(t => t.AssigneeId!.Value).FirstAsync();
            var sample = await db.Orders.OrderBy(o => o.Id).Skip(await db.Orders.CountAsync() / 2).Select(o => new { o.CustomerPhone, o.CustomerName, o.ChannelId }).FirstAsync();
            (phone, name, channel) = (sample.CustomerPhone, sample.CustomerName[..1], sample.ChannelId);
        }
        // The lists answer a question once per change for every tab that asks it: a change before each call makes each
        // call the read that follows a change, which is what is measured.
        Task Queue(QueueQuery query)
        {
            feed.Publish(new Domain.Live.LiveChange(Domain.Live.Boards.Tickets, nameof(Ticket), "bench", Domain.Live.LiveChangeKind.Updated, DateTime.UtcNow));
            return queue.SearchAsync(query);
        }
        Task Orders(OrderFilter filter)
        {
            feed.Publish(new Domain.Live.LiveChange(Domain.Live.Boards.Orders, nameof(Order), "bench", Domain.Live.LiveChangeKind.Updated, DateTime.UtcNow));
            return orders.ListAsync(filter, OrderQueries.NewestFirst, 0, 25);
        }
        var scenarios = new (string Name, Func<Task> Run)[]
        {
            ("queue: agent's default (mine and unassigned)", () => Queue(new QueueQuery(QueueScope.MineAndUnassigned, agent))),
            ("queue: team", () => Queue(new QueueQuery(QueueScope.Team, null))),
            ("queue: unassigned, chat", () => Queue(new QueueQuery(QueueScope.Unassigned, agent, Channel: TicketChannel.OnlineChat))),
            ("queue: team, urgent", () => Queue(new QueueQuery(QueueScope.Team, null, Priority: TicketPriority.Urgent))),
            ("queue: team, pending customer", () => Queue(new QueueQuery(QueueScope.Team, null, Status: TicketStatus.PendingCustomer))),
            ("queue: team, search", () => Queue(new QueueQuery(QueueScope.Team, null, Search: "物流"))),
            ("orders: newest first", () => Orders(new OrderFilter())),
            ("orders: on hold", () => Orders(new OrderFilter(Status: OrderStatus.OnHold))),
            ("orders: channel, last 7 days", () => Orders(new OrderFilter(ChannelId: channel, From: time.Today.AddDays(-7), To: time.Today))),
            ("orders: search phone", () => Orders(new OrderFilter(Search: phone))),
            ("orders: search name prefix", () => Orders(new OrderFilter(Search: name))),
            ("orders: late", () => Orders(new OrderFilter(Promise: PromiseState.Late))),
        };

        return await CompareAsync(database, recorder, scenarios, calls, reps, "5. lists", 2, 20);
    }

    /// <summary>
    /// Each scenario's p95 through the Domain against the same commands (recorded on a second call) run by hand, as
    /// figures whose goal is "within <paramref name="ratio"/>× by hand and under <paramref name="underMs"/> ms". With
    /// BENCH_SHOW_SQL=1 each command and its query plan are printed first.
    /// </summary>
    internal static async Task<List<Figure>> CompareAsync(string database, CommandRecorder recorder, IReadOnlyList<(string Name, Func<Task> Run)> scenarios,
        int calls, int reps, string benchmark, double ratio, double underMs, string measureSuffix = "")
    {
        var figures = new List<Figure>();
        await using var raw = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await raw.OpenAsync();
        // Every path is timed warm, as a console that has served for a while runs it: .NET first runs a method
        // unoptimised and recompiles it after some 30 calls (in the background, a little later), and the Domain's path
        // (EF Core's) is far more code than the replay's. Timed from its first calls, a list measured the JIT more than
        // itself: 2× by hand after one call, 1.2× after 200 calls and 2 s; and the first list of the run, which also
        // warmed the code every list shares, 3× where the same list timed last was 1.75×. So every scenario is warmed
        // first, and only then is any timed.
        var recorded = new List<List<RecordedCommand>>();
        foreach (var (scenario, run) in scenarios)
        {
            await run();
            recorder.Start();
            await run();
            var commands = recorder.Stop();
            recorded.Add(commands);
            if (Environment.GetEnvironmentVariable("BENCH_SHOW_SQL") == "1")
            {
                foreach (var c in commands)
                {
                    System.Console.WriteLine($"--- {scenario}\n{c.Sql}\n{string.Join(", ", c.Parameters.Select(p => $"{p.Name}={p.Value}"))}");
                    await ReplayAsync(raw, [c with { Sql = "EXPLAIN QUERY PLAN " + c.Sql }], row => System.Console.WriteLine("    plan: " + row));
                }
            }
            var warming = Stopwatch.StartNew();
            for (var i = 0; i < Warmup || warming.Elapsed < WarmupTime; i++)
            {
                await run();
                await ReplayAsync(raw, commands);
            }
        }
        foreach (var ((scenario, run), commands) in scenarios.Zip(recorded))
        {
            var domain = new List<double>();
            var byHand = new List<double>();
            for (var rep = 0; rep < reps; rep++)
            {
                domain.Add(P95(calls, run));
                byHand.Add(P95(calls, () => ReplayAsync(raw, commands)));
            }
            var ok = Stats.Median(domain) <= ratio * Stats.Median(byHand) && Stats.Median(domain) < underMs;
            figures.Add(new Figure(benchmark, $"{scenario}: p95 of {calls} calls{measureSuffix}", "ms", domain, "the same SQL by hand (p95)", byHand,
                $"within {ratio}× by hand and under {underMs} ms", ok));
            System.Console.WriteLine($"  {scenario}: p95 {Stats.Median(domain):0.0} ms, by hand {Stats.Median(byHand):0.0} ms ({commands.Count} commands)");
        }
        return figures;
    }

    /// <summary>Calls of each path before any is timed: enough for the JIT to have recompiled the hot methods (see above).</summary>
    private const int Warmup = 200;

    /// <summary>And at least this long: the recompiling happens in the background, a little after the calls that ask for it.</summary>
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(2);

    internal static double P95(int calls, Func<Task> run)
    {
        var times = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            run().GetAwaiter().GetResult();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Stats.Percentile(times, 95);
    }

    /// <param name="show">Given, each row's last column is handed to it (an EXPLAIN QUERY PLAN's detail).</param>
    internal static async Task ReplayAsync(SqliteConnection connection, IReadOnlyList<RecordedCommand> commands, Action<string>? show = null)
    {
        foreach (var recorded in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = recorded.Sql;
            foreach (var (parameter, value) in recorded.Parameters)
            {
                command.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    _ = reader.GetValue(c);
                }
                show?.Invoke(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }
    }

    internal sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the commands the Domain sends while recording.</summary>
    internal sealed class CommandRecorder : DbCommandInterceptor
    {
        private ConcurrentQueue<RecordedCommand>? _recording;

        public void Start() => _recording = new();

        public List<RecordedCommand> Stop()
        {
            var recorded = _recording!.ToList();
            _recording = null;
            return recorded;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _recording?.Enqueue(new RecordedCommand(command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
            return ValueTask.FromResult(result);
        }
    }
}
