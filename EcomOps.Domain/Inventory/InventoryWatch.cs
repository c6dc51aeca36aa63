using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// Re-reads SKUs after their stock or orders changed and brings their alerts and reorder suggestions in line with
/// the rules (<see cref="InventoryAlertRules"/>, <see cref="ReorderRules"/>). The ledger calls it inside each
/// movement's transaction, purchasing after each order change, and the scheduled sweep for everything; it is the
/// only writer of alerts' conditions and of suggestions, and running it twice changes nothing the second time.
/// </summary>
public sealed class InventoryWatch(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    private const int SweepChunk = 400;

    public async Task EvaluateAsync(OpsDb db, int warehouseId, IReadOnlyCollection<int> skuIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = skuIds.Distinct().ToList();
        var balances = await db.StockBalances.AsNoTracking()
            .Where(b => b.WarehouseId == warehouseId && ids.Contains(b.SkuId))
            .ToDictionaryAsync(b => b.SkuId, ct);
        var policies = await db.Set<StockPolicy>().AsNoTracking()
            .Where(p => p.WarehouseId == warehouseId && ids.Contains(p.SkuId))
            .ToDictionaryAsync(p => p.SkuId, ct);
        var skus = await db.Skus.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.PackSize, s.Active }).ToDictionaryAsync(s => s.Id, ct);
        var supplierIds = policies.Values.Where(p => p.SupplierId is not null).Select(p => p.SupplierId!.Value).Distinct().ToList();
        var minOrders = await db.Set<Supplier>().AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.MinOrderQuantity, ct);
        var history = await db.Skus.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                SkuId = s.Id,
                LastShipment = db.StockMovements.Where(m => m.SkuId == s.Id && m.WarehouseId == warehouseId && m.Kind == StockMovementKind.Shipment).Max(m => (DateTime?)m.AtUtc),
                LastReceipt = db.StockMovements.Where(m => m.SkuId == s.Id && m.WarehouseId == warehouseId && m.Kind == StockMovementKind.Receipt).Max(m => (DateTime?)m.AtUtc),
            })
            .ToDictionaryAsync(h => h.SkuId, ct);
        var onOrder = await OnOrderAsync(db, warehouseId, ids, ct);
        var variances = await db.Set<CountTask>().AsNoTracking()
            .Where(t => t.WarehouseId == warehouseId && ids.Contains(t.SkuId) && t.Status == CountStatus.AwaitingApproval)
            .ToDictionaryAsync(t => t.SkuId, t => t.Variance, ct);
        var alerts = (await db.Set<InventoryAlert>()
                .Where(a => a.WarehouseId == warehouseId && ids.Contains(a.SkuId) && a.ResolvedAtUtc == null)
                .ToListAsync(ct))
            .ToLookup(a => a.SkuId);
        var suggestions = await db.Set<ReorderSuggestion>()
            .Where(s => s.WarehouseId == warehouseId && ids.Contains(s.SkuId) && s.Status == SuggestionStatus.Open)
            .ToDictionaryAsync(s => s.SkuId, ct);

        foreach (var skuId in ids)
        {
            if (!skus.TryGetValue(skuId, out var sku))
            {
                continue;
            }
            balances.TryGetValue(skuId, out var balance);
            policies.TryGetValue(skuId, out var policy);
            history.TryGetValue(skuId, out var moved);
            var position = new StockPosition(balance?.OnHand ?? 0, balance?.Reserved ?? 0, policy?.ReorderPoint ?? 0, policy?.MaxStock ?? 0,
                moved?.LastShipment, moved?.LastReceipt, variances.GetValueOrDefault(skuId));
            var conditions = sku.Active || position.VarianceAwaitingApproval is not null
                ? InventoryAlertRules.Conditions(position, now)
                : new Dictionary<InventoryAlertKind, int>();
            ReconcileAlerts(db, warehouseId, skuId, alerts[skuId], conditions, now);

            suggestions.TryGetValue(skuId, out var open);
            int? quantity = null;
            var projected = ReorderRules.Projected(position.OnHand, onOrder.GetValueOrDefault(skuId), position.Reserved);
            if (policy is not null && sku.Active)
            {
                var minOrder = policy.SupplierId is { } supplierId ? minOrders.GetValueOrDefault(supplierId, 1) : 1;
                quantity = ReorderRules.SuggestedQuantity(projected, policy.ReorderPoint, policy.MaxStock, minOrder, sku.PackSize);
            }
            ReconcileSuggestion(db, warehouseId, skuId, policy, open, quantity, projected, now);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Evaluates every SKU that has stock, a policy or an open alert, warehouse by warehouse; also wakes expired snoozes.</summary>
    public async Task<int> EvaluateAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(int Warehouse, int Sku)> pairs;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Set<InventoryAlert>().Where(a => a.ResolvedAtUtc == null && a.SnoozedUntilUtc != null && a.SnoozedUntilUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SnoozedUntilUtc, (DateTime?)null).SetProperty(a => a.Version, a => a.Version + 1), ct);
            var fromBalances = await db.StockBalances.Select(b => new { b.WarehouseId, b.SkuId }).ToListAsync(ct);
            var fromPolicies = await db.Set<StockPolicy>().Select(p => new { p.WarehouseId, p.SkuId }).ToListAsync(ct);
            var fromAlerts = await db.Set<InventoryAlert>().Where(a => a.ResolvedAtUtc == null).Select(a => new { a.WarehouseId, a.SkuId }).ToListAsync(ct);
            pairs = [.. fromBalances.Concat(fromPolicies).Concat(fromAlerts).Select(p => (p.WarehouseId, p.SkuId)).Distinct()];
        }
        foreach (var warehouse in pairs.GroupBy(p => p.Warehouse))
        {
            foreach (var chunk in warehouse.Select(p => p.Sku).Chunk(SweepChunk))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await EvaluateAsync(db, warehouse.Key, chunk, ct);
                await transaction.CommitAsync(ct);
            }
        }
        return pairs.Count;
    }

    /// <summary>
    /// Recomputes each policy's average daily demand — the demand forecast (<see cref="DemandForecast"/>, learnt from
    /// the last <see cref="ReorderRules.HistoryDays"/> days of shipments) averaged over the supplier's lead time — and
    /// its computed reorder point.
    /// </summary>
    public async Task<int> RecomputeReorderPointsAsync(CancellationToken ct)
    {
        // Whole days only: today is still being sold.
        var lastDay = clock.GetUtcNow().UtcDateTime.Date.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shipped = (await DailyShipmentsAsync(db, null, null, lastDay, ct)).ToLookup(d => (d.SkuId, d.WarehouseId));
        var leadTimes = await db.Set<Supplier>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.LeadTimeDays, ct);
        var changed = 0;
        foreach (var policy in await db.Set<StockPolicy>().ToListAsync(ct))
        {
            var lead = policy.SupplierId is { } s ? leadTimes.GetValueOrDefault(s) : 0;
            var history = DailySeries(shipped[(policy.SkuId, policy.WarehouseId)], lastDay);
            var average = history.Any(x => x > 0) ? Math.Round(DemandForecast.Predict(history, Math.Max(1, lead)).Next.Average(), 3) : 0;
            var point = ReorderRules.ComputedReorderPoint(average, lead, policy.SafetyStock);
            if (Math.Abs(policy.AverageDailyDemand - average) > 1e-9 || policy.ComputedReorderPoint != point)
            {
                policy.AverageDailyDemand = average;
                policy.ComputedReorderPoint = point;
                changed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>Units shipped per UTC day over the history window ending with <paramref name="lastDay"/>, for one SKU and warehouse or all.</summary>
    public static async Task<List<(int SkuId, int WarehouseId, DateTime Day, int Units)>> DailyShipmentsAsync(OpsDb db, int? skuId, int? warehouseId, DateTime lastDay, CancellationToken ct)
    {
        var since = lastDay.AddDays(-(ReorderRules.HistoryDays - 1));
        var end = lastDay.AddDays(1);
        var shipments = db.StockMovements.AsNoTracking().Where(m => m.Kind == StockMovementKind.Shipment && m.AtUtc >= since && m.AtUtc < end);
        if (skuId is { } sku && warehouseId is { } warehouse)
        {
            shipments = shipments.Where(m => m.SkuId == sku && m.WarehouseId == warehouse);
        }
        var rows = await shipments.GroupBy(m => new { m.SkuId, m.WarehouseId, Day = m.AtUtc.Date })
            .Select(g => new { g.Key.SkuId, g.Key.WarehouseId, g.Key.Day, Units = -g.Sum(m => m.OnHandDelta) }).ToListAsync(ct);
        return [.. rows.Select(r => (r.SkuId, r.WarehouseId, r.Day, r.Units))];
    }

    /// <summary>The history window as one value per day, oldest first, zero on days without shipments.</summary>
    public static List<double> DailySeries(IEnumerable<(int SkuId, int WarehouseId, DateTime Day, int Units)> days, DateTime lastDay)
    {
        var since = lastDay.AddDays(-(ReorderRules.HistoryDays - 1));
        var series = new double[ReorderRules.HistoryDays];
        foreach (var d in days)
        {
            var index = (int)(d.Day.Date - since).TotalDays;
            if (index >= 0 && index < series.Length)
            {
                series[index] += d.Units;
            }
        }
        return [.. series];
    }

    /// <summary>Units still to arrive per SKU on purchase orders that are drafted, sent or partly received.</summary>
    public static async Task<Dictionary<int, int>> OnOrderAsync(OpsDb db, int warehouseId, IReadOnlyCollection<int> skuIds, CancellationToken ct) =>
        await db.Set<PurchaseOrder>().AsNoTracking()
            .Where(p => p.WarehouseId == warehouseId && PurchaseOrder.OnOrderStatuses.Contains(p.Status))
            .SelectMany(p => p.Lines)
            .Where(l => skuIds.Contains(l.SkuId) && l.OrderedQuantity > l.ReceivedQuantity)
            .GroupBy(l => l.SkuId)
            .Select(g => new { SkuId = g.Key, Units = g.Sum(l => l.OrderedQuantity - l.ReceivedQuantity) })
            .ToDictionaryAsync(g => g.SkuId, g => g.Units, ct);

    private static void ReconcileAlerts(OpsDb db, int warehouseId, int skuId, IEnumerable<InventoryAlert> open,
        IReadOnlyDictionary<InventoryAlertKind, int> conditions, DateTime now)
    {
        var seen = new HashSet<InventoryAlertKind>();
        foreach (var alert in open)
        {
            seen.Add(alert.Kind);
            if (!conditions.TryGetValue(alert.Kind, out var level))
            {
                alert.ResolvedAtUtc = now;
                continue;
            }
            var setAside = alert.AcknowledgedAtUtc is not null || alert.SnoozedUntilUtc is not null;
            if (setAside && InventoryAlertRules.GotWorse(alert.AcknowledgedLevel ?? alert.Level, level))
            {
                alert.AcknowledgedAtUtc = null;
                alert.AcknowledgedBy = null;
                alert.SnoozedUntilUtc = null;
                alert.AcknowledgedLevel = null;
                alert.ReturnedAtUtc = now;
            }
            if (alert.Level != level)
            {
                alert.Level = level;
            }
        }
        foreach (var (kind, level) in conditions)
        {
            if (!seen.Contains(kind))
            {
                db.Add(new InventoryAlert { SkuId = skuId, WarehouseId = warehouseId, Kind = kind, Level = level, RaisedAtUtc = now });
            }
        }
    }

    private static void ReconcileSuggestion(OpsDb db, int warehouseId, int skuId, StockPolicy? policy, ReorderSuggestion? open, int? quantity, int projected, DateTime now)
    {
        if (quantity is null)
        {
            if (open is not null)
            {
                open.Status = SuggestionStatus.Withdrawn;
                open.UpdatedAtUtc = now;
            }
            return;
        }
        if (open is null)
        {
            db.Add(new ReorderSuggestion
            {
                SkuId = skuId,
                WarehouseId = warehouseId,
                SupplierId = policy!.SupplierId,
                Quantity = quantity.Value,
                ProjectedStock = projected,
                ReorderPoint = policy.ReorderPoint,
                Status = SuggestionStatus.Open,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            });
            return;
        }
        if (open.Quantity != quantity || open.ProjectedStock != projected || open.ReorderPoint != policy!.ReorderPoint || open.SupplierId != policy.SupplierId)
        {
            open.Quantity = quantity.Value;
            open.ProjectedStock = projected;
            open.ReorderPoint = policy!.ReorderPoint;
            open.SupplierId = policy.SupplierId;
            open.UpdatedAtUtc = now;
        }
    }
}
