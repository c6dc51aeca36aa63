using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// The inventory alert board as every viewer shares it: active and set-aside alerts of every warehouse, and the names of
/// the people who set alerts aside. A viewer narrows it to a warehouse in memory.
/// </summary>
public sealed record AlertBoard(IReadOnlyList<AlertBoardRow> Active, IReadOnlyList<AlertBoardRow> SetAside, IReadOnlyDictionary<string, string> People)
{
    public AlertBoard In(int? warehouseId) => warehouseId is { } only
        ? this with { Active = [.. Active.Where(a => a.WarehouseId == only)], SetAside = [.. SetAside.Where(a => a.WarehouseId == only)] }
        : this;
}

/// <summary>An alert as the inventory board lists it.</summary>
public sealed record AlertBoardRow(
    long Id, InventoryAlertKind Kind, int Level, int SkuId, string SkuCode, string SkuName, int WarehouseId, string WarehouseCode,
    int OnHand, int Reserved, int ReorderPoint, int MaxStock, DateTime RaisedAtUtc, DateTime? ReturnedAtUtc,
    DateTime? AcknowledgedAtUtc, string? AcknowledgedBy, DateTime? SnoozedUntilUtc, string? Note, long Version)
{
    public int Available => OnHand - Reserved;

    /// <summary>Units above the maximum stock (what an overstock alert is about); zero when within it.</summary>
    public int OverstockExcess => Math.Max(0, OnHand - MaxStock);
}

/// <summary>The columns the alerts board sorts by; <see cref="Kind"/> (most urgent kinds first, newest first within one) is its default.</summary>
public enum AlertColumn
{
    Kind,
    Sku,
    Warehouse,
    Available,
    OnHand,
    ReorderPoint,
    MaxStock,
    Raised,
}

/// <summary>The inventory alerts board: what is open, and setting an alert aside (acknowledged, or snoozed for a while) with a note.</summary>
public sealed class InventoryAlerts(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public const string SnoozeOutOfRange = "SnoozeOutOfRange";
    public static readonly TimeSpan LongestSnooze = TimeSpan.FromDays(14);

    public static readonly ListSort<AlertColumn> BoardOrder = new(AlertColumn.Kind);

    /// <summary>
    /// The board's rows in a column's order, the alert's id breaking ties. The board is small and already in memory
    /// (one query per change), so it is sorted here rather than asked of the database again.
    /// </summary>
    public static IReadOnlyList<AlertBoardRow> Sort(IEnumerable<AlertBoardRow> rows, ListSort<AlertColumn> sort)
    {
        var d = sort.Descending;
        IOrderedEnumerable<AlertBoardRow> By<TKey>(Func<AlertBoardRow, TKey> key, IComparer<TKey>? comparer = null) =>
            d ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
        var sorted = sort.Column switch
        {
            AlertColumn.Sku => By(r => r.SkuCode, StringComparer.Ordinal),
            AlertColumn.Warehouse => By(r => r.WarehouseCode, StringComparer.Ordinal),
            AlertColumn.Available => By(r => r.Available),
            AlertColumn.OnHand => By(r => r.OnHand),
            AlertColumn.ReorderPoint => By(r => r.ReorderPoint),
            AlertColumn.MaxStock => By(r => r.MaxStock),
            AlertColumn.Raised => By(r => r.ReturnedAtUtc ?? r.RaisedAtUtc),
            // Within a kind the newest alert comes first.
            _ => d ? By(r => r.Kind).ThenBy(r => r.ReturnedAtUtc ?? r.RaisedAtUtc) : By(r => r.Kind).ThenByDescending(r => r.ReturnedAtUtc ?? r.RaisedAtUtc),
        };
        return [.. d ? sorted.ThenByDescending(r => r.Id) : sorted.ThenBy(r => r.Id)];
    }

    /// <summary>The columns of the alerts board's workbook.</summary>
    public static readonly IReadOnlyList<ListColumn<AlertBoardRow>> ExportColumns =
    [
        new("Inventory.Alerts.Kind", (a, text) => ListCell.Of(text($"Inventory.AlertKind.{a.Kind}"))),
        new("Inventory.Sku", (a, _) => ListCell.Of(a.SkuCode)),
        new("Inventory.Stock.Name", (a, _) => ListCell.Of(a.SkuName)),
        new("Inventory.Warehouse", (a, _) => ListCell.Of(a.WarehouseCode)),
        new("Inventory.Available", (a, _) => ListCell.Of(a.Available)),
        new("Inventory.OnHand", (a, _) => ListCell.Of(a.OnHand)),
        new("Inventory.Reserved", (a, _) => ListCell.Of(a.Reserved)),
        new("Inventory.ReorderPoint", (a, _) => ListCell.Of(a.ReorderPoint)),
        new("Inventory.MaxStock", (a, _) => ListCell.Of(a.MaxStock)),
        new("Inventory.Alerts.Raised", (a, _) => ListCell.At(a.ReturnedAtUtc ?? a.RaisedAtUtc)),
    ];

    /// <summary>The active alerts the board shows, in its order, as a workbook.</summary>
    public static ListWorkbookFile Export(IEnumerable<AlertBoardRow> active, ListSort<AlertColumn> sort, Func<string, string> text, TimeZoneInfo zone) =>
        ListWorkbook.Build(text("Inventory.Alerts.Title"), ExportColumns, Sort(active, sort), text, zone);

    /// <summary>Unresolved alerts: those on the board (active) and those set aside, most urgent kinds first.</summary>
    public async Task<(IReadOnlyList<AlertBoardRow> Active, IReadOnlyList<AlertBoardRow> SetAside)> BoardAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alerts = db.Set<InventoryAlert>().AsNoTracking().Where(a => a.ResolvedAtUtc == null);
        var rows = await (
            from a in alerts
            join s in db.Skus on a.SkuId equals s.Id
            join w in db.Warehouses on a.WarehouseId equals w.Id
            from b in db.StockBalances.Where(b => b.SkuId == a.SkuId && b.WarehouseId == a.WarehouseId).DefaultIfEmpty()
            from p in db.Set<StockPolicy>().Where(p => p.SkuId == a.SkuId && p.WarehouseId == a.WarehouseId).DefaultIfEmpty()
            select new AlertBoardRow(a.Id, a.Kind, a.Level, s.Id, s.Code, s.Name, w.Id, w.Code,
                b == null ? 0 : b.OnHand, b == null ? 0 : b.Reserved,
                p == null ? 0 : (p.ManualReorderPoint ?? p.ComputedReorderPoint), p == null ? 0 : p.MaxStock,
                a.RaisedAtUtc, a.ReturnedAtUtc, a.AcknowledgedAtUtc, a.AcknowledgedBy, a.SnoozedUntilUtc, a.Note, a.Version))
            .ToListAsync(ct);
        bool IsActive(AlertBoardRow r) => r.AcknowledgedAtUtc is null && (r.SnoozedUntilUtc is null || r.SnoozedUntilUtc <= now);
        var ordered = rows.OrderBy(r => r.Kind).ThenByDescending(r => r.ReturnedAtUtc ?? r.RaisedAtUtc).ToList();
        return ([.. ordered.Where(IsActive)], [.. ordered.Where(r => !IsActive(r))]);
    }

    public Task<Outcome<long>> AcknowledgeAsync(Actor actor, long alertId, long version, string? note, CancellationToken ct = default) =>
        SetAsideAsync(actor, alertId, version, note, null, ct);

    /// <summary>Hides the alert until the given time (at most <see cref="LongestSnooze"/> ahead); it returns then, or sooner if it gets worse.</summary>
    public Task<Outcome<long>> SnoozeAsync(Actor actor, long alertId, long version, TimeSpan duration, string? note, CancellationToken ct = default) =>
        SetAsideAsync(actor, alertId, version, note, duration, ct);

    private async Task<Outcome<long>> SetAsideAsync(Actor actor, long alertId, long version, string? note, TimeSpan? snooze, CancellationToken ct)
    {
        if (!actor.May(Permissions.WatchOperations))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        if (snooze is { } d && (d <= TimeSpan.Zero || d > LongestSnooze))
        {
            return Outcome<long>.Invalid([new FieldError("Snooze", SnoozeOutOfRange)]);
        }
        if (note is not null && note.Trim().Length > InventoryAlert.MaxNoteLength)
        {
            return Outcome<long>.Invalid([new FieldError("Note", StockErrors.TooLong)]);
        }
        if (!TextRules.IsSafe(note))
        {
            return Outcome<long>.Invalid([new FieldError("Note", TextRules.UnsafeCharacters)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var alert = await db.Set<InventoryAlert>().FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null || alert.ResolvedAtUtc is not null)
        {
            return Outcome<long>.NotFound();
        }
        if (alert.Version != version)
        {
            return Outcome<long>.Conflict();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (snooze is { } duration)
        {
            alert.SnoozedUntilUtc = now + duration;
        }
        else
        {
            alert.AcknowledgedAtUtc = now;
        }
        alert.AcknowledgedBy = actor.Name;
        alert.AcknowledgedLevel = alert.Level;
        alert.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        return Outcome<long>.Done(alert.Version);
    }
}
