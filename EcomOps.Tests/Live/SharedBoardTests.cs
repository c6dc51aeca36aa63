using System.Collections.Concurrent;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Live;

public sealed class SharedBoardTests
{
    [Fact]
    public async Task A_commit_of_100_changes_costs_a_board_one_computation_however_many_viewers_watch()
    {
        var counter = new CommandCounter();
        await using var harness = await DomainHarness.StartAsync(s => s.AddSingleton<IInterceptor>(counter));
        var board = harness.Get<SharedBoard<OrderBoard>>();
        var seen = new ConcurrentDictionary<int, long>();
        var viewers = Enumerable.Range(0, 50).Select(i => board.Watch(s => { seen[i] = s.Sequence; return Task.CompletedTask; })).ToList();
        var beforeFirst = counter.Reads;
        var first = await board.CurrentAsync();
        var readsOfOneComputation = counter.Reads - beforeFirst;

        harness.Feed.Publish([.. Enumerable.Range(0, 100).Select(i => new LiveChange(Boards.Orders, nameof(Order), $"{i}", LiveChangeKind.Created, DateTime.UtcNow))]);
        await WaitUntilAsync(() => seen.Count == 50 && seen.Values.All(s => s > first.Sequence));
        await Task.Delay(400);

        Assert.Equal(first.Sequence + 1, board.Computations);
        Assert.Equal(2 * readsOfOneComputation, counter.Reads - beforeFirst);
        Assert.All(seen.Values, s => Assert.Equal(first.Sequence + 1, s));
        viewers.ForEach(v => v.Dispose());
    }

    [Fact]
    public async Task A_stream_of_100_commits_costs_a_watched_board_one_computation_per_interval_and_ends_on_the_newest()
    {
        await using var harness = await DomainHarness.StartAsync();
        var board = harness.Get<SharedBoard<OrderBoard>>();
        using var viewer = board.Watch(_ => Task.CompletedTask);
        var first = await board.CurrentAsync();

        var streaming = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            harness.Feed.Publish(new LiveChange(Boards.Orders, nameof(Order), $"{i}", LiveChangeKind.Created, DateTime.UtcNow));
        }
        var streamed = streaming.Elapsed;
        var afterStream = await board.CurrentAsync();
        await Task.Delay(400);
        var settled = await board.CurrentAsync();

        // One at the first change, one per interval while the stream lasts, one for what came in during the last.
        Assert.InRange(board.Computations - first.Sequence, 1, 2 + (long)(streamed / SharedBoards.Gather));
        Assert.True(afterStream.Sequence > first.Sequence);
        Assert.Equal(board.Computations, settled.Sequence);
    }

    [Fact]
    public async Task A_board_nobody_watches_computes_nothing_until_someone_asks()
    {
        var counter = new CommandCounter();
        await using var harness = await DomainHarness.StartAsync(s => s.AddSingleton<IInterceptor>(counter));
        var board = harness.Get<SharedBoard<OrderBoard>>();
        await board.CurrentAsync();
        var reads = counter.Reads;

        harness.Feed.Publish(new LiveChange(Boards.Orders, nameof(Order), "1", LiveChangeKind.Created, DateTime.UtcNow));
        await Task.Delay(400);

        Assert.Equal(reads, counter.Reads);
        Assert.Equal(2, (await board.CurrentAsync()).Sequence);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task The_shared_home_board_equals_a_fresh_query_after_any_sequence_of_changes(int seed)
    {
        await using var harness = await DomainHarness.StartAsync();
        var board = harness.Get<SharedBoard<HomeBoard>>();
        using var viewer = board.Watch(_ => Task.CompletedTask);
        var directory = harness.Get<EmployeeDirectory>();
        var desk = harness.Get<TicketDesk>();
        var queue = harness.Get<TicketQueue>();
        var random = new Random(seed);
        var agents = new List<int>();
        var tickets = new List<int>();

        for (var step = 0; step < 30; step++)
        {
            switch (random.Next(agents.Count == 0 ? 1 : tickets.Count == 0 ? 2 : 5))
            {
                case 0:
                    var hired = await directory.CreateAsync(Actor.System, new EmployeeForm
                    {
                        EmployeeNumber = $"R{seed}-{step}", FullName = $"Agent {step}", Email = $"r{seed}-{step}@ecomops.local",
                        Role = Roles.CsAgent, HireDate = new DateOnly(2026, 1, 5), Password = "welcome123",
                    });
                    agents.Add(hired.Value!.Id);
                    break;
                case 1:
                    tickets.Add((await desk.CreateAsync(Actor.System, new TicketForm
                    {
                        Channel = TicketChannel.Email, CustomerName = $"Customer {step}", CustomerContact = $"c{step}@example.com",
                        Subject = $"Question {step}", Category = TicketCategories.Shipping, Priority = TicketPriority.Normal, Message = "Where is my parcel?",
                    })).Value);
                    break;
                case 2 or 3:
                    var toAssign = (await queue.FindAsync(tickets[random.Next(tickets.Count)]))!;
                    int? holder = random.Next(4) == 0 ? null : agents[random.Next(agents.Count)];
                    await desk.AssignAsync(Actor.System, toAssign.Id, holder, toAssign.Version);
                    break;
                default:
                    var toSolve = (await queue.FindAsync(tickets[random.Next(tickets.Count)]))!;
                    await desk.ChangeStatusAsync(Actor.System, toSolve.Id, TicketStatus.Solved, toSolve.Version);
                    break;
            }
            if (random.Next(3) == 0)
            {
                // Sometimes the viewer's own recomputation catches up before the next change, sometimes not.
                await Task.Delay(random.Next(0, 250));
            }
            if (step % 5 == 4)
            {
                Assert.Equal(await FreshAsync(harness, agents), Describe((await board.CurrentAsync()).Value, agents));
            }
        }
        Assert.Equal(await FreshAsync(harness, agents), Describe((await board.CurrentAsync()).Value, agents));
    }

    private static async Task<string> FreshAsync(DomainHarness harness, IReadOnlyList<int> agents)
    {
        var time = harness.Get<CompanyTime>();
        return Describe(new HomeBoard(
            await harness.Get<EmployeeDirectory>().HeadcountAsync(),
            await harness.Get<TicketQueue>().CountsByHolderAsync(),
            await harness.Get<AuditTrail>().CountSinceAsync(time.ToUtc(time.LocalNow.Date))), agents);
    }

    private static string Describe(HomeBoard board, IReadOnlyList<int> agents) =>
        string.Join(" | ", board.Headcount.Select(h => $"{h.Team}:{h.Active}/{h.Inactive}"))
        + $" | changes {board.ChangesToday} | "
        + string.Join(" ", new int?[] { null }.Concat(agents.Select(a => (int?)a)).Select(a => $"{a}:{board.Queue.For(a)}"));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the board's viewers did not hear the new snapshot within 10 s");
            await Task.Delay(20);
        }
    }
}
