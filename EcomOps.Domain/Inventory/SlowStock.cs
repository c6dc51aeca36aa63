using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Inventory;

public enum SlowStockAction
{
    MarkForPromotion,
    ReturnToSupplier,
    WriteOff,
}

/// <summary>What someone decided to do about slow-moving stock of one SKU in one warehouse, and why.</summary>
public sealed class SlowStockDecision
{
    public long Id { get; set; }
    public int SkuId { get; set; }
    public int WarehouseId { get; set; }
    public SlowStockAction Action { get; set; }
    public string? Note { get; set; }
    public string? ActorName { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class SlowStockDecisionConfiguration : IEntityTypeConfiguration<SlowStockDecision>
{
    public void Configure(EntityTypeBuilder<SlowStockDecision> b)
    {
        b.Property(d => d.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Note).HasMaxLength(InventoryAlert.MaxNoteLength);
        b.Property(d => d.ActorName).HasMaxLength(256);
        b.HasIndex(d => new { d.SkuId, d.WarehouseId, d.AtUtc });
        b.HasOne<Sku>().WithMany().HasForeignKey(d => d.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(d => d.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Units on hand by age since receipt: 0–30, 31–60, 61–90 and over 90 days.</summary>
public sealed record StockAge(int Days0To30, int Days31To60, int Days61To90, int Over90)
{
    public int Total => Days0To30 + Days31To60 + Days61To90 + Over90;
}

/// <summary>Stock age (FIFO), days of cover and the suggested action for slow-moving stock.</summary>
public static class SlowStockRules
{
    /// <summary>
    /// First in, first out: what is on hand is what arrived last. Walks the receipts (and returns) from the newest and
    /// gives each its units until on hand is used up; units no receipt explains count as the oldest.
    /// </summary>
    public static StockAge Age(int onHand, IEnumerable<(DateTime AtUtc, int Quantity)> arrivals, DateTime nowUtc)
    {
        var buckets = new int[4];
        var left = Math.Max(0, onHand);
        foreach (var (at, quantity) in arrivals.OrderByDescending(a => a.AtUtc))
        {
            if (left == 0)
            {
                break;
            }
            var units = Math.Min(left, Math.Max(0, quantity));
            buckets[Bucket((nowUtc - at).TotalDays)] += units;
            left -= units;
        }
        buckets[3] += left;
        return new StockAge(buckets[0], buckets[1], buckets[2], buckets[3]);
    }

    /// <summary>Days of cover = available ÷ average daily demand; null when nothing sells (no end in sight).</summary>
    public static double? DaysOfCover(int available, double averageDailyDemand) =>
        averageDailyDemand <= 0 ? null : Math.Max(0, available) / averageDailyDemand;

    /// <summary>
    /// Most units over 90 days old: write off. Otherwise, with a supplier to take it back and most units 61–90 days
    /// old: return to supplier. Otherwise: mark for promotion.
    /// </summary>
    public static SlowStockAction Suggest(StockAge age, bool hasSupplier)
    {
        if (age.Total > 0 && age.Over90 * 2 > age.Total)
        {
            return SlowStockAction.WriteOff;
        }
        return hasSupplier && age.Days61To90 * 2 > age.Total ? SlowStockAction.ReturnToSupplier : SlowStockAction.MarkForPromotion;
    }

    private static int Bucket(double days) => days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
}

public sealed record SlowStockRow(int SkuId, string SkuCode, string SkuName, int WarehouseId, string WarehouseCode, int OnHand, int Available, long UnitCostCents,
    StockAge Age, double? DaysOfCover, DateTime? LastShipmentUtc, SlowStockAction Suggested, SlowStockAction? Decided, string? DecidedBy, DateTime? DecidedAtUtc);

/// <summary>The slow-moving list (SKUs with an open slow-moving alert) and recording what is done about each.</summary>
public sealed class SlowStockDesk(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SlowStockRow>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slow = await (
            from a in db.InventoryAlerts.Where(a => a.Kind == InventoryAlertKind.SlowMoving && a.ResolvedAtUtc == null)
            join s in db.Skus on a.SkuId equals s.Id
            join w in db.Warehouses on a.WarehouseId equals w.Id
            join b in db.StockBalances on new { a.SkuId, a.WarehouseId } equals new { b.SkuId, b.WarehouseId }
            from p in db.StockPolicies.Where(p => p.SkuId == a.SkuId && p.WarehouseId == a.WarehouseId).DefaultIfEmpty()
            select new { s.Id, s.Code, s.Name, WarehouseId = w.Id, WarehouseCode = w.Code, b.OnHand, b.Reserved, s.UnitCostCents,
                Demand = p == null ? 0 : p.AverageDailyDemand, HasSupplier = p != null && p.SupplierId != null })
            .Take(500).ToListAsync(ct);
        var skuIds = slow.Select(s => s.Id).Distinct().ToList();
        var arrivals = (await db.StockMovements.AsNoTracking()
                .Where(m => skuIds.Contains(m.SkuId) && (m.Kind == StockMovementKind.Receipt || m.Kind == StockMovementKind.Return))
                .Select(m => new { m.SkuId, m.WarehouseId, m.AtUtc, m.OnHandDelta }).ToListAsync(ct))
            .ToLookup(m => (m.SkuId, m.WarehouseId));
        var lastShipments = (await db.StockMovements.AsNoTracking().Where(m => skuIds.Contains(m.SkuId) && m.Kind == StockMovementKind.Shipment)
                .GroupBy(m => new { m.SkuId, m.WarehouseId }).Select(g => new { g.Key.SkuId, g.Key.WarehouseId, Last = g.Max(m => m.AtUtc) }).ToListAsync(ct))
            .ToDictionary(m => (m.SkuId, m.WarehouseId), m => m.Last);
        var decisions = (await db.Set<SlowStockDecision>().AsNoTracking().Where(d => skuIds.Contains(d.SkuId)).ToListAsync(ct))
            .GroupBy(d => (d.SkuId, d.WarehouseId)).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Id).First());
        return [.. slow.Select(s =>
            {
                var age = SlowStockRules.Age(s.OnHand, arrivals[(s.Id, s.WarehouseId)].Select(a => (a.AtUtc, a.OnHandDelta)), now);
                decisions.TryGetValue((s.Id, s.WarehouseId), out var decision);
                return new SlowStockRow(s.Id, s.Code, s.Name, s.WarehouseId, s.WarehouseCode, s.OnHand, s.OnHand - s.Reserved, s.UnitCostCents, age,
                    SlowStockRules.DaysOfCover(s.OnHand - s.Reserved, s.Demand), lastShipments.TryGetValue((s.Id, s.WarehouseId), out var last) ? last : null,
                    SlowStockRules.Suggest(age, s.HasSupplier), decision?.Action, decision?.ActorName, decision?.AtUtc);
            })
            .OrderByDescending(r => r.Age.Over90 * r.UnitCostCents).ThenBy(r => r.SkuCode)];
    }

    /// <summary>Records the action taken (the decision is kept; stock moves only through the ledger).</summary>
    public async Task<Outcome<long>> DecideAsync(Actor actor, int skuId, int warehouseId, SlowStockAction action, string? note, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageInventory))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        if (note is not null && note.Trim().Length > InventoryAlert.MaxNoteLength)
        {
            return Outcome<long>.Invalid([new FieldError("Note", StockErrors.TooLong)]);
        }
        if (!TextRules.IsSafe(note))
        {
            return Outcome<long>.Invalid([new FieldError("Note", TextRules.UnsafeCharacters)]);
        }
        if (!Enum.IsDefined(action))
        {
            return Outcome<long>.Invalid([new FieldError("Action", StockErrors.Required)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        if (!await db.Skus.AnyAsync(s => s.Id == skuId, ct) || !await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            return Outcome<long>.NotFound();
        }
        var decision = new SlowStockDecision
        {
            SkuId = skuId, WarehouseId = warehouseId, Action = action, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            ActorName = actor.Name, AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(decision);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Done(decision.Id);
    }
}
