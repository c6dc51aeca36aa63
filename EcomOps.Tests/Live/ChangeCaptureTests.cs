using System.Collections.Concurrent;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Live;

public sealed class ChangeCaptureTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private readonly ConcurrentQueue<LiveChange> _received = new();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartAsync();
        _harness.Feed.Subscribe(c => { _received.Enqueue(c); return Task.CompletedTask; }, Boards.Org);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static Employee NewEmployee(string number) =>
        new() { EmployeeNumber = number, FullName = number, Email = $"{number}@ecomops.local", Role = Roles.CsAgent };

    [Fact]
    public async Task A_committed_change_is_published_once_on_its_board()
    {
        await using (var db = _harness.NewDb())
        {
            db.Employees.Add(NewEmployee("E1"));
            await db.SaveChangesAsync();
        }

        var change = Assert.Single(_received);
        Assert.Equal(new LiveChange(Boards.Org, nameof(Employee), "1", LiveChangeKind.Created, _harness.Clock.GetUtcNow().UtcDateTime), change);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_is_published_only_after_the_commit()
    {
        await using var db = _harness.NewDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Employees.Add(NewEmployee("E1"));
        await db.SaveChangesAsync();

        Assert.Empty(_received);
        await transaction.CommitAsync();
        Assert.Single(_received);
    }

    [Fact]
    public async Task A_rolled_back_change_is_never_published()
    {
        await using (var db = _harness.NewDb())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Employees.Add(NewEmployee("E1"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(_received);
        await using var check = _harness.NewDb();
        Assert.Equal(0, await check.Employees.CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_failed_save_publishes_nothing()
    {
        await using (var db = _harness.NewDb())
        {
            db.Employees.Add(NewEmployee("E1"));
            await db.SaveChangesAsync();
        }
        _received.Clear();

        await using (var db = _harness.NewDb())
        {
            db.Employees.Add(NewEmployee("E1"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(_received);
    }

    [Fact]
    public async Task Each_save_bumps_the_version_by_one()
    {
        await using var db = _harness.NewDb();
        var employee = NewEmployee("E1");
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        employee.FullName = "changed";
        await db.SaveChangesAsync();
        employee.FullName = "changed again";
        await db.SaveChangesAsync();

        Assert.Equal(2, employee.Version);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var feed = _harness.Feed;
        feed.Subscribe(_ => throw new InvalidOperationException("broken board"), Boards.Org);
        var later = new TaskCompletionSource<LiveChange>();
        feed.Subscribe(c => { later.TrySetResult(c); return Task.CompletedTask; }, Boards.Org);

        feed.Publish(new LiveChange(Boards.Org, "Employee", "9", LiveChangeKind.Updated, DateTime.UtcNow));

        Assert.Equal("9", (await later.Task.WaitAsync(TimeSpan.FromSeconds(10))).Key);
    }

    [Fact]
    public void A_subscriber_hears_only_its_boards_and_nothing_after_disposal()
    {
        var feed = _harness.Feed;
        var heard = new List<string>();
        var subscription = feed.Subscribe(c => { heard.Add(c.Key); return Task.CompletedTask; }, "orders");

        feed.Publish(new LiveChange(Boards.Org, "Employee", "1", LiveChangeKind.Updated, DateTime.UtcNow));
        feed.Publish(new LiveChange("orders", "Order", "2", LiveChangeKind.Updated, DateTime.UtcNow));
        subscription.Dispose();
        feed.Publish(new LiveChange("orders", "Order", "3", LiveChangeKind.Updated, DateTime.UtcNow));

        Assert.Equal(["2"], heard);
    }

    [Fact]
    public async Task A_stale_save_leaves_nothing_behind_and_the_next_save_on_a_reused_context_is_kept_and_audited()
    {
        await using (var db = _harness.NewDb())
        {
            db.Employees.Add(NewEmployee("E1"));
            await db.SaveChangesAsync();
        }
        // Someone else saved first: this save is stale. Its context goes back to the pool.
        await using (var db = _harness.NewDb())
        {
            var employee = await db.Employees.SingleAsync();
            employee.FullName = "stale";
            db.Entry(employee).Property(e => e.Version).OriginalValue = employee.Version + 7;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        for (var i = 2; i <= 4; i++)
        {
            await using var db = _harness.NewDb();
            db.Employees.Add(NewEmployee($"E{i}"));
            await db.SaveChangesAsync();
        }

        await using var check = _harness.NewDb();
        Assert.Equal(["E1", "E2", "E3", "E4"], (await check.Employees.Select(e => e.EmployeeNumber).ToListAsync()).Order().ToList());
        Assert.Equal(4, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(Employee)));
    }
}
