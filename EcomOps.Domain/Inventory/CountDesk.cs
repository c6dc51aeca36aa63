using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

public sealed record CountTaskRow(long Id, int SkuId, string SkuCode, string SkuName, int WarehouseId, string WarehouseCode, AbcClass Class, DateOnly ScheduledFor,
    CountStatus Status, int? ExpectedAtStart, int? CountedQuantity, int? MovedDuringCount, int? Variance, long? VarianceValueCents, string? CountedBy, long Version);

/// <summary>Counting accuracy of a group (a class or a counter): counts with no variance ÷ all counts.</summary>
public sealed record CountAccuracy(string Group, int Counted, int Exact)
{
    public double Rate => Counted == 0 ? 0 : (double)Exact / Counted;
}

/// <summary>
/// Scheduled stock counts: weekly ABC classes, the nightly plan of due counts spread over working days, counting with
/// a snapshot, and the approval of variances over the threshold (approval writes the variance to the ledger).
/// </summary>
public sealed class CountDesk(IDbContextFactory<OpsDb> dbFactory, StockLedger ledger, InventoryWatch watch, CountSettings settings, CompanyTime time, Calendars.CalendarDays calendars)
{
    public const string CountAlreadyEntered = "CountAlreadyEntered";
    public const string CountNotStarted = "CountNotStarted";
    public const string CountNotAwaitingApproval = "CountNotAwaitingApproval";
    public const string CountBelowReserved = "CountBelowReserved";

    /// <summary>Recomputes every SKU's ABC class from the last 90 days' shipments at list price. Returns how many SKUs are A.</summary>
    public async Task<int> ClassifyAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var since = now.AddDays(-CountRules.RevenueWindowDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.StockMovements.AsNoTracking().Where(m => m.Kind == StockMovementKind.Shipment && m.AtUtc >= since)
            .GroupBy(m => m.SkuId).Select(g => new { SkuId = g.Key, Units = -g.Sum(m => m.OnHandDelta) }).ToDictionaryAsync(g => g.SkuId, g => g.Units, ct);
        var prices = await db.Skus.AsNoTracking().Select(s => new { s.Id, s.ListPriceCents }).ToListAsync(ct);
        var revenue = prices.Select(p => (p.Id, (long)units.GetValueOrDefault(p.Id) * p.ListPriceCents)).ToList();
        var classes = CountRules.Classify(revenue);
        var existing = await db.Set<SkuClassification>().ToDictionaryAsync(c => c.SkuId, ct);
        foreach (var (skuId, cents) in revenue)
        {
            if (!existing.TryGetValue(skuId, out var row))
            {
                row = new SkuClassification { SkuId = skuId };
                db.Add(row);
            }
            row.Class = classes[skuId];
            row.RevenueCents = cents;
            row.ComputedAtUtc = now;
        }
        await db.SaveChangesAsync(ct);
        return classes.Count(c => c.Value == AbcClass.A);
    }

    /// <summary>
    /// Creates a count task for every stocked SKU and warehouse whose class says a count is due (never counted, or
    /// last counted longer ago than its interval) and that has no open task; spread evenly over the coming working
    /// days. Running it twice creates nothing the second time.
    /// </summary>
    public async Task<int> PlanAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stocked = await db.StockBalances.AsNoTracking().Join(db.Skus.Where(s => s.Active), b => b.SkuId, s => s.Id, (b, s) => new { b.SkuId, b.WarehouseId }).ToListAsync(ct);
        var classes = await db.Set<SkuClassification>().AsNoTracking().ToDictionaryAsync(c => c.SkuId, c => c.Class, ct);
        var open = (await db.Set<CountTask>().AsNoTracking().Where(t => CountTask.OpenStatuses.Contains(t.Status)).Select(t => new { t.SkuId, t.WarehouseId }).ToListAsync(ct))
            .Select(t => (t.SkuId, t.WarehouseId)).ToHashSet();
        var lastCounted = (await db.Set<CountTask>().AsNoTracking().Where(t => t.CountedAtUtc != null)
                .GroupBy(t => new { t.SkuId, t.WarehouseId }).Select(g => new { g.Key.SkuId, g.Key.WarehouseId, Last = g.Max(t => t.CountedAtUtc) }).ToListAsync(ct))
            .ToDictionary(t => (t.SkuId, t.WarehouseId), t => t.Last!.Value);
        var due = stocked
            .Select(s => (s.SkuId, s.WarehouseId, Class: classes.GetValueOrDefault(s.SkuId, AbcClass.C)))
            .Where(s => !open.Contains((s.SkuId, s.WarehouseId)))
            .Where(s => !lastCounted.TryGetValue((s.SkuId, s.WarehouseId), out var last) || (now - last).TotalDays >= CountRules.IntervalDays(s.Class))
            .OrderBy(s => s.Class).ThenBy(s => s.WarehouseId).ThenBy(s => s.SkuId)
            .ToList();
        var days = CountRules.WorkingDays(time.Today, settings.SpreadWorkingDays, calendars.Company);
        // Evenly: the first due SKU on the first working day, the next on the second, and round again.
        for (var i = 0; i < due.Count; i++)
        {
            db.Add(new CountTask
            {
                SkuId = due[i].SkuId, WarehouseId = due[i].WarehouseId, Class = due[i].Class, ScheduledFor = days[i % days.Count],
                Status = CountStatus.Scheduled, CreatedAtUtc = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>Starts counting: snapshots on hand and the last movement, so later movements are reconciled.</summary>
    public Task<Outcome<long>> StartAsync(Actor actor, long taskId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, ct, async (db, task, now) =>
        {
            if (task.Status != CountStatus.Scheduled)
            {
                return [new FieldError("Status", task.CountedQuantity is null ? CountNotStarted : CountAlreadyEntered)];
            }
            task.ExpectedAtStart = await db.StockBalances.Where(b => b.SkuId == task.SkuId && b.WarehouseId == task.WarehouseId).Select(b => (int?)b.OnHand).FirstOrDefaultAsync(ct) ?? 0;
            task.StartMovementId = await db.StockMovements.Where(m => m.SkuId == task.SkuId && m.WarehouseId == task.WarehouseId).MaxAsync(m => (long?)m.Id, ct) ?? 0;
            task.StartedAtUtc = now;
            task.Status = CountStatus.Counting;
            return [];
        });

    /// <summary>
    /// Enters the counted quantity (once). A variance within the thresholds is written to the ledger at once; over
    /// either threshold the count waits for a manager's approval (and shows on the alerts board).
    /// </summary>
    public Task<Outcome<long>> RecordAsync(Actor actor, long taskId, long version, int counted, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, ct, async (db, task, now) =>
        {
            if (task.Status != CountStatus.Counting)
            {
                return [new FieldError("Status", task.CountedQuantity is null ? CountNotStarted : CountAlreadyEntered)];
            }
            if (counted < 0)
            {
                return [new FieldError("Quantity", StockPolicies.NegativeQuantity)];
            }
            var moved = await db.StockMovements.Where(m => m.SkuId == task.SkuId && m.WarehouseId == task.WarehouseId && m.Id > task.StartMovementId)
                .SumAsync(m => m.OnHandDelta, ct);
            var variance = CountRules.VarianceOf(counted, task.ExpectedAtStart!.Value, moved);
            var unitCost = await db.Skus.Where(s => s.Id == task.SkuId).Select(s => s.UnitCostCents).FirstAsync(ct);
            task.CountedQuantity = counted;
            task.MovedDuringCount = moved;
            task.Variance = variance;
            task.VarianceValueCents = variance * unitCost;
            task.CountedAtUtc = now;
            task.CountedBy = actor.Name;
            if (variance != 0 && CountRules.NeedsApproval(variance, unitCost, settings))
            {
                task.Status = CountStatus.AwaitingApproval;
                return [];
            }
            task.Status = CountStatus.Completed;
            return variance == 0 ? [] : await WriteVarianceAsync(db, task, ct);
        });

    /// <summary>A manager accepts the variance: it is written to the ledger as a count variance.</summary>
    public Task<Outcome<long>> ApproveAsync(Actor actor, long taskId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, ct, async (db, task, now) =>
        {
            if (task.Status != CountStatus.AwaitingApproval)
            {
                return [new FieldError("Status", CountNotAwaitingApproval)];
            }
            task.Status = CountStatus.Approved;
            task.DecidedAtUtc = now;
            task.DecidedBy = actor.Name;
            return await WriteVarianceAsync(db, task, ct);
        });

    /// <summary>A manager refuses the variance (a recount is planned by the next nightly run); stock stays as it is.</summary>
    public Task<Outcome<long>> RejectAsync(Actor actor, long taskId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, ct, (db, task, now) =>
        {
            if (task.Status != CountStatus.AwaitingApproval)
            {
                return Task.FromResult<IReadOnlyList<FieldError>>([new FieldError("Status", CountNotAwaitingApproval)]);
            }
            task.Status = CountStatus.Rejected;
            task.DecidedAtUtc = now;
            task.DecidedBy = actor.Name;
            task.CountedAtUtc = null;
            return Task.FromResult<IReadOnlyList<FieldError>>([]);
        });

    public async Task<IReadOnlyList<CountTaskRow>> TasksAsync(bool openOnly, DateOnly? through = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.Set<CountTask>().AsNoTracking();
        tasks = openOnly ? tasks.Where(t => CountTask.OpenStatuses.Contains(t.Status)) : tasks.Where(t => !CountTask.OpenStatuses.Contains(t.Status));
        if (through is { } last)
        {
            tasks = tasks.Where(t => t.ScheduledFor <= last);
        }
        return await (
            from t in tasks
            join s in db.Skus on t.SkuId equals s.Id
            join w in db.Warehouses on t.WarehouseId equals w.Id
            orderby t.Status == CountStatus.AwaitingApproval descending, t.ScheduledFor, t.Id
            select new CountTaskRow(t.Id, s.Id, s.Code, s.Name, w.Id, w.Code, t.Class, t.ScheduledFor, t.Status, t.ExpectedAtStart, t.CountedQuantity, t.MovedDuringCount,
                t.Variance, t.VarianceValueCents, t.CountedBy, t.Version))
            .Take(500).ToListAsync(ct);
    }

    /// <summary>Accuracy of finished counts (completed, approved, rejected) per ABC class and per counter.</summary>
    public async Task<(IReadOnlyList<CountAccuracy> ByClass, IReadOnlyList<CountAccuracy> ByCounter)> AccuracyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var done = await db.Set<CountTask>().AsNoTracking()
            .Where(t => t.Variance != null && CountTask.FinishedStatuses.Contains(t.Status))
            .Select(t => new { t.Class, t.CountedBy, Exact = t.Variance == 0 }).ToListAsync(ct);
        return (
            [.. done.GroupBy(d => d.Class).OrderBy(g => g.Key).Select(g => new CountAccuracy(g.Key.ToString(), g.Count(), g.Count(d => d.Exact)))],
            [.. done.GroupBy(d => d.CountedBy ?? "—").OrderBy(g => g.Key).Select(g => new CountAccuracy(g.Key, g.Count(), g.Count(d => d.Exact)))]);
    }

    private async Task<IReadOnlyList<FieldError>> WriteVarianceAsync(OpsDb db, CountTask task, CancellationToken ct)
    {
        // The task's new state goes first, so the ledger's evaluation sees the count no longer awaiting approval.
        await db.SaveChangesAsync(ct);
        var result = await ledger.RecordCountVarianceAsync(db, task.WarehouseId, [new StockLine(task.SkuId, task.Variance!.Value)], $"count:{task.Id}",
            $"count variance ({task.CountedBy})", ct);
        return result.Succeeded ? [] : result.Errors.Count > 0 ? result.Errors : [new FieldError("Quantity", CountBelowReserved)];
    }

    /// <summary>The change, run again from its start while the database is busy (<see cref="WriteRetry"/>).</summary>
    private Task<Outcome<long>> ChangeAsync(Actor actor, long taskId, long version, CancellationToken ct,
        Func<OpsDb, CountTask, DateTime, Task<IReadOnlyList<FieldError>>> change) =>
        WriteRetry.RunAsync(() => ChangeOnceAsync(actor, taskId, version, ct, change), ct);

    private async Task<Outcome<long>> ChangeOnceAsync(Actor actor, long taskId, long version, CancellationToken ct,
        Func<OpsDb, CountTask, DateTime, Task<IReadOnlyList<FieldError>>> change)
    {
        // Counting changes on-hand stock (a small variance applies without approval): it belongs to inventory managers.
        if (!actor.May(Permissions.ManageInventory))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var task = await db.Set<CountTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return Outcome<long>.NotFound();
        }
        if (task.Version != version)
        {
            // A count entered twice from two screens: the second finds the first's count, and says so.
            return task.CountedQuantity is not null && task.Status != CountStatus.Counting
                ? Outcome<long>.Invalid([new FieldError("Status", CountAlreadyEntered)])
                : Outcome<long>.Conflict();
        }
        var errors = await change(db, task, time.UtcNow);
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        await watch.EvaluateAsync(db, task.WarehouseId, [task.SkuId], ct);
        await transaction.CommitAsync(ct);
        return Outcome<long>.Done(task.Version);
    }
}
