using System.Collections.Concurrent;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Live;

/// <summary>
/// Circuits hear of a commit after it: the save that changed something returns once the shared boards and the hub have
/// heard of it, not after every open tab rendered it; the tabs still hear every change, in commit order.
/// </summary>
public sealed class AfterCommitDeliveryTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static Employee NewEmployee(string number) =>
        new() { EmployeeNumber = number, FullName = number, Email = $"{number}@ecomops.local", Role = Roles.CsAgent };

    [Fact]
    public async Task A_save_returns_while_a_slow_viewer_is_still_rendering_and_the_viewer_then_hears_the_change()
    {
        using var rendering = new ManualResetEventSlim();
        var heard = new TaskCompletionSource<LiveChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A viewer whose render holds its thread (as a circuit's render does) until the test lets it go.
        using var viewer = _harness.Feed.SubscribeAfterCommit(changes =>
        {
            rendering.Wait(TimeSpan.FromSeconds(10));
            heard.TrySetResult(changes[0]);
            return Task.CompletedTask;
        }, Boards.Org);
        var inline = new ConcurrentQueue<LiveChange>();
        using var board = _harness.Feed.SubscribeBatches(changes =>
        {
            foreach (var change in changes)
            {
                inline.Enqueue(change);
            }
            return Task.CompletedTask;
        }, Boards.Org);

        await using (var db = _harness.NewDb())
        {
            db.Employees.Add(NewEmployee("E1"));
            var save = db.SaveChangesAsync();
            Assert.True(await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(5))) == save, "the save waited for the viewer's render");
        }

        // The shared boards and the hub (inline subscribers) heard of it before the save returned; the viewer had not yet.
        Assert.Single(inline);
        Assert.False(heard.Task.IsCompleted);
        rendering.Set();
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((Boards.Org, nameof(Employee), LiveChangeKind.Created), (change.Board, change.Entity, change.Kind));
    }

    [Fact]
    public async Task A_viewer_hears_every_commit_in_the_order_they_were_made()
    {
        var heard = new ConcurrentQueue<string>();
        using var viewer = _harness.Feed.SubscribeAfterCommit(async changes =>
        {
            // A viewer that yields halfway (as a render awaiting a read does) still hears the next commit after this one began.
            heard.Enqueue(changes[0].Key);
            await Task.Yield();
        }, Boards.Tickets);

        for (var i = 0; i < 200; i++)
        {
            _harness.Feed.Publish(new LiveChange(Boards.Tickets, "Ticket", $"{i}", LiveChangeKind.Updated, DateTime.UtcNow));
        }

        await WaitUntilAsync(() => heard.Count == 200);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"{i}"), heard);
    }

    [Fact]
    public async Task A_viewer_that_closed_after_the_commit_is_not_called_and_a_failing_viewer_does_not_stop_the_others()
    {
        using var holding = new ManualResetEventSlim();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = _harness.Feed.SubscribeAfterCommit(_ =>
        {
            first.TrySetResult();
            holding.Wait(TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        }, Boards.Org);
        using var failing = _harness.Feed.SubscribeAfterCommit(_ => throw new InvalidOperationException("a broken tab"), Boards.Org);
        var closedHeard = 0;
        var closing = _harness.Feed.SubscribeAfterCommit(_ => { Interlocked.Increment(ref closedHeard); return Task.CompletedTask; }, Boards.Org);
        var lastHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var last = _harness.Feed.SubscribeAfterCommit(_ => { lastHeard.TrySetResult(); return Task.CompletedTask; }, Boards.Org);

        _harness.Feed.Publish(new LiveChange(Boards.Org, nameof(Employee), "1", LiveChangeKind.Updated, DateTime.UtcNow));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(5));
        // The tab closes while the queue is still with the slow viewer before it.
        closing.Dispose();
        holding.Set();

        await lastHeard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, closedHeard);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
