using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

[Trait("Engines", "Both")]
public sealed class StockLedgerTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private int _warehouse;
    private int[] _skus = [];

    private StockLedger Ledger => _harness.Get<StockLedger>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartAsync();
        await using var db = _harness.NewDb();
        var warehouse = new Warehouse { Code = "SH-01", Name = "上海仓 Shanghai" };
        var skus = Enumerable.Range(1, 3).Select(i => new Sku { Code = $"SKU-{10000 + i}", Name = $"Test article {i}", ListPriceCents = 9900, UnitCostCents = 5000 }).ToList();
        db.Add(warehouse);
        db.AddRange(skus);
        await db.SaveChangesAsync();
        _warehouse = warehouse.Id;
        _skus = [.. skus.Select(s => s.Id)];
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>
    /// One ledger write as a Domain operation makes it: its own context, run again from its start while the database
    /// is busy (<see cref="WriteRetry"/>). The races below pass on a loaded machine too; checked with both cores busy,
    /// e.g. <c>for i in 1 2; do timeout 300 sh -c 'while :; do :; done' &amp; done</c> beside <c>dotnet test</c>.
    /// </summary>
    private Task<StockResult> Run(Func<StockLedger, OpsDb, Task<StockResult>> operation) => WriteRetry.RunOrThrowAsync(async () =>
    {
        await using var db = _harness.NewDb();
        return await operation(Ledger, db);
    });

    private Task<StockResult> Receive(int sku, int quantity) =>
        Run((l, db) => l.ReceiveAsync(db, _warehouse, [new StockLine(sku, quantity)], "po:1", null, default));

    private async Task<StockBalance?> Balance(int sku)
    {
        await using var db = _harness.NewDb();
        return await db.StockBalances.AsNoTracking().SingleOrDefaultAsync(b => b.SkuId == sku && b.WarehouseId == _warehouse);
    }

    private async Task<(int OnHand, int Reserved)> LedgerSum(int sku)
    {
        await using var db = _harness.NewDb();
        var movements = db.StockMovements.Where(m => m.SkuId == sku && m.WarehouseId == _warehouse);
        return (await movements.SumAsync(m => m.OnHandDelta), await movements.SumAsync(m => m.ReservedDelta));
    }

    [Fact]
    public async Task Reserve_never_takes_available_below_zero_with_a_thousand_concurrent_callers()
    {
        await Receive(_skus[0], 250);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
            Run((l, db) => l.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 1)], $"order:{i}", null, default)))));

        Assert.Equal(250, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(new StockShortage(_skus[0], 1, 0), Assert.Single(r.Shortages)));
        var balance = (await Balance(_skus[0]))!;
        Assert.Equal((250, 250, 0), (balance.OnHand, balance.Reserved, balance.Available));
        await using var db = _harness.NewDb();
        Assert.Equal(250, await db.StockMovements.CountAsync(m => m.Kind == StockMovementKind.Reservation));
    }

    [Fact]
    public async Task Ledger_totals_match_the_balances_under_50_concurrent_writers()
    {
        foreach (var sku in _skus)
        {
            await Receive(sku, 100);
        }

        // Each writer receives 10, reserves 4, ships 2 of them, releases 1 and takes 1 back as a return, on every SKU.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(w => Task.Run(async () =>
        {
            var lines = _skus.Select(s => new StockLine(s, 1)).ToList();
            var reference = $"writer:{w}";
            Assert.True((await Run((l, db) => l.ReceiveAsync(db, _warehouse, [.. _skus.Select(s => new StockLine(s, 10))], reference, null, default))).Succeeded);
            Assert.True((await Run((l, db) => l.ReserveAsync(db, _warehouse, [.. _skus.Select(s => new StockLine(s, 4))], reference, null, default))).Succeeded);
            Assert.True((await Run((l, db) => l.ShipAsync(db, _warehouse, [.. _skus.Select(s => new StockLine(s, 2))], reference, null, default))).Succeeded);
            Assert.True((await Run((l, db) => l.ReleaseAsync(db, _warehouse, lines, reference, null, default))).Succeeded);
            Assert.True((await Run((l, db) => l.ReturnAsync(db, _warehouse, lines, reference, "damaged box", default))).Succeeded);
        })));

        foreach (var sku in _skus)
        {
            var balance = (await Balance(sku))!;
            Assert.Equal((100 + 50 * (10 - 2 + 1), 50 * (4 - 2 - 1)), (balance.OnHand, balance.Reserved));
            Assert.Equal((balance.OnHand, balance.Reserved), await LedgerSum(sku));
        }
        await using var db = _harness.NewDb();
        Assert.Equal(3 + 50 * 5 * 3, await db.StockMovements.CountAsync());
    }

    [Fact]
    public async Task A_reservation_of_several_lines_is_all_or_nothing()
    {
        await Receive(_skus[0], 5);
        await Receive(_skus[1], 1);

        var result = await Run((l, db) => l.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 3), new StockLine(_skus[1], 2)], "order:7", null, default));

        Assert.False(result.Succeeded);
        Assert.Equal(new StockShortage(_skus[1], 2, 1), Assert.Single(result.Shortages));
        Assert.Equal(0, (await Balance(_skus[0]))!.Reserved);
        Assert.Equal(0, (await Balance(_skus[1]))!.Reserved);
        await using var db = _harness.NewDb();
        Assert.False(await db.StockMovements.AnyAsync(m => m.Kind == StockMovementKind.Reservation));
    }

    [Fact]
    public async Task A_shortage_inside_the_callers_transaction_undoes_only_its_own_lines()
    {
        await Receive(_skus[0], 5);
        await using var db = _harness.NewDb();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var first = await Ledger.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 2)], "order:1", null, default);
        var second = await Ledger.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 2), new StockLine(_skus[1], 1)], "order:2", null, default);
        await transaction.CommitAsync();

        Assert.True(first.Succeeded);
        Assert.Equal(new StockShortage(_skus[1], 1, 0), Assert.Single(second.Shortages));
        Assert.Equal((5, 2), ((await Balance(_skus[0]))!.OnHand, (await Balance(_skus[0]))!.Reserved));
        Assert.Equal((5, 2), await LedgerSum(_skus[0]));
    }

    [Fact]
    public async Task A_caller_that_rolls_back_leaves_no_trace_of_the_reservation()
    {
        await Receive(_skus[0], 5);
        await using (var db = _harness.NewDb())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True((await Ledger.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 4)], "order:9", null, default)).Succeeded);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, (await Balance(_skus[0]))!.Reserved);
        Assert.Equal((5, 0), await LedgerSum(_skus[0]));
    }

    [Fact]
    public async Task Shipping_and_releasing_draw_on_what_is_reserved()
    {
        await Receive(_skus[0], 10);
        await Run((l, db) => l.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 3)], "order:1", null, default));

        var overShip = await Run((l, db) => l.ShipAsync(db, _warehouse, [new StockLine(_skus[0], 4)], "order:1", null, default));
        var ship = await Run((l, db) => l.ShipAsync(db, _warehouse, [new StockLine(_skus[0], 2)], "order:1", null, default));
        var overRelease = await Run((l, db) => l.ReleaseAsync(db, _warehouse, [new StockLine(_skus[0], 2)], "order:1", null, default));

        Assert.Equal(new StockShortage(_skus[0], 4, 3), Assert.Single(overShip.Shortages));
        Assert.True(ship.Succeeded);
        Assert.Equal(new StockShortage(_skus[0], 2, 1), Assert.Single(overRelease.Shortages));
        var balance = (await Balance(_skus[0]))!;
        Assert.Equal((8, 1, 7), (balance.OnHand, balance.Reserved, balance.Available));
    }

    [Fact]
    public async Task A_correction_needs_a_reason_and_cannot_take_on_hand_below_what_is_reserved()
    {
        await Receive(_skus[0], 10);
        await Run((l, db) => l.ReserveAsync(db, _warehouse, [new StockLine(_skus[0], 6)], "order:1", null, default));

        var noReason = await Run((l, db) => l.AdjustAsync(db, _warehouse, [new StockLine(_skus[0], -1)], "adjust:1", " ", default));
        var tooMuch = await Run((l, db) => l.AdjustAsync(db, _warehouse, [new StockLine(_skus[0], -5)], "adjust:1", "water damage", default));
        var damaged = await Run((l, db) => l.AdjustAsync(db, _warehouse, [new StockLine(_skus[0], -4)], "adjust:1", "water damage", default));

        Assert.Equal(new FieldError("Reason", StockErrors.Required), Assert.Single(noReason.Errors));
        Assert.Equal(new StockShortage(_skus[0], 5, 4), Assert.Single(tooMuch.Shortages));
        Assert.True(damaged.Succeeded);
        Assert.Equal((6, 6), await LedgerSum(_skus[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task Zero_or_negative_quantities_are_refused_and_nothing_is_written(int quantity)
    {
        var result = await Run((l, db) => l.ReceiveAsync(db, _warehouse, [new StockLine(_skus[0], 5), new StockLine(_skus[1], quantity)], "po:1", null, default));

        Assert.False(result.Succeeded);
        Assert.Equal(new FieldError("Quantity", StockErrors.QuantityNotPositive), Assert.Single(result.Errors));
        await using var db = _harness.NewDb();
        Assert.False(await db.StockMovements.AnyAsync());
        Assert.False(await db.StockBalances.AnyAsync());
    }

    [Fact]
    public async Task A_movement_records_who_when_why_and_what_for()
    {
        await using (var db = _harness.NewDb())
        {
            var user = new OpsUser { UserName = "keeper@ecomops.local", Email = "keeper@ecomops.local" };
            db.Users.Add(user);
            db.Employees.Add(new Employee { EmployeeNumber = "E9001", FullName = "王芳 Wang Fang", Email = user.Email, Team = Team.Operations, Role = Roles.OperationsSpecialist, UserId = user.Id });
            await db.SaveChangesAsync();
            db.Actor = new Actor(user.Id, user.Email);
            await Ledger.ReturnAsync(db, _warehouse, [new StockLine(_skus[2], 1), new StockLine(_skus[2], 2)], " order:55 ", "wrong size", default);
        }

        await using var check = _harness.NewDb();
        var movement = await check.StockMovements.SingleAsync();
        Assert.Equal((StockMovementKind.Return, 3, 0, "order:55", "wrong size"), (movement.Kind, movement.OnHandDelta, movement.ReservedDelta, movement.Reference, movement.Reason));
        Assert.Equal(_harness.Clock.GetUtcNow().UtcDateTime, movement.AtUtc);
        var employeeId = await check.Employees.Where(e => e.Email == movement.ActorName).Select(e => e.Id).SingleAsync();
        Assert.Equal(employeeId, movement.ActorEmployeeId);
    }

    [Fact]
    public async Task A_committed_movement_is_published_on_the_inventory_board()
    {
        var changes = new List<LiveChange>();
        using var subscription = _harness.Feed.Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; }, Boards.Inventory);

        await Receive(_skus[0], 5);

        Assert.Contains(changes, c => c.Entity == nameof(StockMovement) && c.Kind == LiveChangeKind.Created);
    }

    [Fact]
    public async Task Rebuilding_recomputes_every_balance_from_the_movements()
    {
        await Receive(_skus[0], 5);
        await Receive(_skus[1], 5);
        await using (var db = _harness.NewDb())
        {
            // Bulk writers (the orders' demo data) add movements directly and rebuild afterwards.
            db.StockMovements.AddRange(
                new StockMovement { SkuId = _skus[0], WarehouseId = _warehouse, Kind = StockMovementKind.Reservation, ReservedDelta = 2, Reference = "order:1", AtUtc = DateTime.UtcNow },
                new StockMovement { SkuId = _skus[2], WarehouseId = _warehouse, Kind = StockMovementKind.Receipt, OnHandDelta = 7, Reference = "po:2", AtUtc = DateTime.UtcNow });
            db.StockMovements.RemoveRange(db.StockMovements.Where(m => m.SkuId == _skus[1]));
            await db.SaveChangesAsync();
            await Ledger.RebuildBalancesAsync(db, default);
        }

        Assert.Equal((5, 2), ((await Balance(_skus[0]))!.OnHand, (await Balance(_skus[0]))!.Reserved));
        Assert.Equal((0, 0), ((await Balance(_skus[1]))!.OnHand, (await Balance(_skus[1]))!.Reserved));
        Assert.Equal((7, 0), ((await Balance(_skus[2]))!.OnHand, (await Balance(_skus[2]))!.Reserved));
    }
}
