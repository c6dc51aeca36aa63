namespace EcomOps.Domain.Inventory;

/// <summary>The replenishment arithmetic, in one place: reorder point, projected stock and the suggested quantity.</summary>
public static class ReorderRules
{
    /// <summary>Days of daily shipments the demand forecast learns from.</summary>
    public const int HistoryDays = 91;

    /// <summary>Reorder point = ⌈average daily demand × lead time (days) + safety stock⌉.</summary>
    public static int ComputedReorderPoint(double averageDailyDemand, int leadTimeDays, int safetyStock) =>
        (int)Math.Ceiling(Math.Max(0, averageDailyDemand) * Math.Max(0, leadTimeDays) + Math.Max(0, safetyStock) - 1e-9);

    /// <summary>Projected stock = on hand + on order − reserved.</summary>
    public static int Projected(int onHand, int onOrder, int reserved) => onHand + onOrder - reserved;

    /// <summary>
    /// When projected stock is at or under the reorder point: max(minimum order, maximum − projected), rounded up to
    /// the pack size. Null when no order is needed.
    /// </summary>
    public static int? SuggestedQuantity(int projected, int reorderPoint, int maxStock, int minOrderQuantity, int packSize)
    {
        if (projected > reorderPoint)
        {
            return null;
        }
        var need = Math.Max(Math.Max(1, minOrderQuantity), maxStock - projected);
        var pack = Math.Max(1, packSize);
        return (need + pack - 1) / pack * pack;
    }
}
