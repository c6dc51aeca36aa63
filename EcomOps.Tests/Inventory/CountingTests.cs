using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

public sealed class CountRulesTests
{
    [Fact]
    public void Abc_classes_split_revenue_eighty_fifteen_five()
    {
        // Shares: 50, 25, 10, 6, 4, 3, 2 and one without revenue.
        var classes = CountRules.Classify([(1, 5000), (2, 2500), (3, 1000), (4, 600), (5, 400), (6, 300), (7, 200), (8, 0)]);

        Assert.Equal([AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C, AbcClass.C], classes.OrderBy(c => c.Key).Select(c => c.Value));
    }

    [Fact]
    public void Count_cadence_by_class_is_four_two_and_one_a_year() =>
        Assert.Equal((91, 182, 365), (CountRules.IntervalDays(AbcClass.A), CountRules.IntervalDays(AbcClass.B), CountRules.IntervalDays(AbcClass.C)));

    [Theory]
    [InlineData(2, 1000, false)]
    [InlineData(-2, 1000, false)]
    [InlineData(3, 1000, true)]
    [InlineData(1, 30000, true)]
    public void A_variance_over_the_quantity_or_the_value_threshold_needs_approval(int variance, long unitCost, bool needs) =>
        Assert.Equal(needs, CountRules.NeedsApproval(variance, unitCost, new CountSettings(ApprovalQuantity: 2, ApprovalValueCents: 200_00)));

    [Fact]
    public void Working_days_skip_the_weekend() =>
        // 2026-11-27 is a Friday.
        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)], CountRules.WorkingDays(new DateOnly(2026, 11, 27), 3, BusinessCalendar.ChinaDefault()));
}

public sealed class CountDeskTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;
    private readonly Actor _counter = new(null, "specialist@ecomops.local");

    private CountDesk Counts => _world.Harness.Get<CountDesk>();

    public async Task InitializeAsync() => _world = await InventoryWorld.StartAsync();

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    private async Task<CountTaskRow> PlannedTaskAsync(int sku)
    {
        await Counts.PlanAsync();
        return (await Counts.TasksAsync(openOnly: true)).Single(t => t.SkuId == sku);
    }

    [Fact]
    public async Task Planning_twice_creates_no_duplicate_tasks_and_spreads_them_over_working_days()
    {
        for (var i = 0; i < 12; i++)
        {
            await _world.SkuAsync($"SKU-{i}", onHand: 50, reorderPoint: 0);
        }

        var first = await Counts.PlanAsync();
        var second = await Counts.PlanAsync();

        Assert.Equal((12, 0), (first, second));
        var tasks = await Counts.TasksAsync(openOnly: true);
        Assert.Equal(12, tasks.Count);
        var perDay = tasks.GroupBy(t => t.ScheduledFor).Select(g => g.Count()).ToList();
        Assert.Equal(10, perDay.Count);
        Assert.True(perDay.Max() - perDay.Min() <= 1);
        Assert.DoesNotContain(tasks, t => t.ScheduledFor.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public async Task A_sale_during_the_count_is_reconciled_and_not_a_variance()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 50, reorderPoint: 0);
        var task = await PlannedTaskAsync(sku);
        var started = await Counts.StartAsync(_counter, task.Id, task.Version);

        // While the counter walks the aisle, an order ships 4: the shelf now holds 46.
        await _world.ShipAsync(sku, 4);
        var recorded = await Counts.RecordAsync(_counter, task.Id, started.Value, 46);

        Assert.True(recorded.Succeeded);
        var done = (await Counts.TasksAsync(openOnly: false)).Single();
        Assert.Equal((CountStatus.Completed, 50, -4, 0), (done.Status, done.ExpectedAtStart, done.MovedDuringCount, done.Variance));
        await using var db = _world.Harness.NewDb();
        Assert.False(await db.StockMovements.AnyAsync(m => m.Kind == StockMovementKind.CountVariance));
    }

    [Fact]
    public async Task A_small_variance_is_adjusted_at_once_and_a_large_one_waits_for_approval_which_writes_it()
    {
        var small = await _world.SkuAsync("SKU-1", onHand: 50, reorderPoint: 0);
        var large = await _world.SkuAsync("SKU-2", onHand: 50, reorderPoint: 0);
        await Counts.PlanAsync();
        var tasks = await Counts.TasksAsync(openOnly: true);
        var smallTask = tasks.Single(t => t.SkuId == small);
        var largeTask = tasks.Single(t => t.SkuId == large);

        var s = await Counts.StartAsync(_counter, smallTask.Id, smallTask.Version);
        await Counts.RecordAsync(_counter, smallTask.Id, s.Value, 48);
        var l = await Counts.StartAsync(_counter, largeTask.Id, largeTask.Version);
        var recorded = await Counts.RecordAsync(_counter, largeTask.Id, l.Value, 40);

        var waiting = (await Counts.TasksAsync(openOnly: true)).Single(t => t.SkuId == large);
        Assert.Equal((CountStatus.AwaitingApproval, -10), (waiting.Status, waiting.Variance));
        var alert = Assert.Single(await _world.OpenAlertsAsync(large));
        Assert.Equal((InventoryAlertKind.CountVariance, 10), (alert.Kind, alert.Level));
        Assert.Equal(48, (await _world.Harness.Get<StockQueries>().DetailAsync(small, _world.Warehouse))!.Stock.OnHand);
        Assert.Equal(50, (await _world.Harness.Get<StockQueries>().DetailAsync(large, _world.Warehouse))!.Stock.OnHand);

        var approved = await Counts.ApproveAsync(_world.Manager, largeTask.Id, recorded.Value);

        Assert.True(approved.Succeeded);
        var detail = (await _world.Harness.Get<StockQueries>().DetailAsync(large, _world.Warehouse))!;
        Assert.Equal(40, detail.Stock.OnHand);
        Assert.Equal((StockMovementKind.CountVariance, -10, $"count:{largeTask.Id}"), (detail.Movements[0].Kind, detail.Movements[0].OnHandDelta, detail.Movements[0].Reference));
        Assert.Empty(await _world.OpenAlertsAsync(large));
        var (byClass, byCounter) = await Counts.AccuracyAsync();
        Assert.Equal(new CountAccuracy("C", 2, 0), Assert.Single(byClass));
        Assert.Equal(new CountAccuracy("specialist@ecomops.local", 2, 0), Assert.Single(byCounter));
    }

    [Fact]
    public async Task Only_inventory_managers_count_stock_a_customer_service_supervisor_or_specialist_is_refused()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 50, reorderPoint: 0);
        var task = await PlannedTaskAsync(sku);
        var supervisor = Actor.Person("u-sup", "cssupervisor@ecomops.local", EcomOps.Domain.Org.Roles.CsSupervisor);
        var specialist = Actor.Person("u-spec", "specialist@ecomops.local", EcomOps.Domain.Org.Roles.OperationsSpecialist);
        var manager = Actor.Person("u-mgr", "opsmanager@ecomops.local", EcomOps.Domain.Org.Roles.OperationsManager);

        var bySupervisor = await Counts.StartAsync(supervisor, task.Id, task.Version);
        var bySpecialist = await Counts.StartAsync(specialist, task.Id, task.Version);
        Assert.Equal(Actor.NotPermitted, Assert.Single(bySupervisor.Errors));
        Assert.Equal(Actor.NotPermitted, Assert.Single(bySpecialist.Errors));

        var started = await Counts.StartAsync(manager, task.Id, task.Version);
        var recordedBySupervisor = await Counts.RecordAsync(supervisor, task.Id, started.Value, 49);

        Assert.Equal(Actor.NotPermitted, Assert.Single(recordedBySupervisor.Errors));
        Assert.Equal(50, (await _world.Harness.Get<StockQueries>().DetailAsync(sku, _world.Warehouse))!.Stock.OnHand);
        Assert.True((await Counts.RecordAsync(manager, task.Id, started.Value, 49)).Succeeded);
    }

    [Fact]
    public async Task A_count_entered_twice_is_refused_with_a_clear_message()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 50, reorderPoint: 0);
        var task = await PlannedTaskAsync(sku);
        var started = await Counts.StartAsync(_counter, task.Id, task.Version);

        var first = await Counts.RecordAsync(_counter, task.Id, started.Value, 50);
        var again = await Counts.RecordAsync(_counter, task.Id, started.Value, 49);

        Assert.True(first.Succeeded);
        Assert.Equal(new FieldError("Status", CountDesk.CountAlreadyEntered), Assert.Single(again.Errors));
        Assert.Equal(50, (await Counts.TasksAsync(openOnly: false)).Single().CountedQuantity);
    }

    [Fact]
    public async Task Classification_ranks_skus_by_shipped_revenue()
    {
        var seller = await _world.SkuAsync("SKU-1", onHand: 500, reorderPoint: 0);
        var sleeper = await _world.SkuAsync("SKU-2", onHand: 500, reorderPoint: 0);
        await _world.ShipAsync(seller, 100);

        await Counts.ClassifyAsync();

        await using var db = _world.Harness.NewDb();
        var classes = await db.SkuClassifications.ToDictionaryAsync(c => c.SkuId, c => c.Class);
        Assert.Equal((AbcClass.A, AbcClass.C), (classes[seller], classes[sleeper]));
    }
}
