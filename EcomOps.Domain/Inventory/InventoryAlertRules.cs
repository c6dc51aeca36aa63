namespace EcomOps.Domain.Inventory;

public enum InventoryAlertKind
{
    LowStock,
    OutOfStock,
    Overstock,
    SlowMoving,

    /// <summary>A count found a variance over the threshold and waits for a manager's approval.</summary>
    CountVariance,
}

/// <summary>What the alert rules look at for one SKU in one warehouse.</summary>
public sealed record StockPosition(int OnHand, int Reserved, int ReorderPoint, int MaxStock, DateTime? LastShipmentUtc, DateTime? StockSinceUtc,
    int? VarianceAwaitingApproval = null)
{
    public int Available => OnHand - Reserved;
}

/// <summary>
/// When a SKU deserves an alert, and how bad it is. The level grows as the condition worsens (units under the
/// reorder point, units over the maximum, whole months without a sale), so an acknowledged alert comes back when
/// its level rises above the level it was acknowledged at.
/// </summary>
public static class InventoryAlertRules
{
    /// <summary>Stock that has sat this many days without a shipment is slow-moving.</summary>
    public const int SlowMovingDays = 60;

    public static IReadOnlyDictionary<InventoryAlertKind, int> Conditions(StockPosition p, DateTime nowUtc)
    {
        var found = new Dictionary<InventoryAlertKind, int>();
        if (p.Available <= 0 && (p.ReorderPoint > 0 || p.Reserved > 0 || p.LastShipmentUtc is not null))
        {
            found[InventoryAlertKind.OutOfStock] = p.Reserved;
        }
        else if (p.Available > 0 && p.Available <= p.ReorderPoint)
        {
            found[InventoryAlertKind.LowStock] = p.ReorderPoint - p.Available + 1;
        }
        if (p.MaxStock > 0 && p.OnHand > p.MaxStock)
        {
            found[InventoryAlertKind.Overstock] = p.OnHand - p.MaxStock;
        }
        if (p.OnHand > 0 && (p.LastShipmentUtc ?? p.StockSinceUtc) is { } since && (nowUtc - since).TotalDays >= SlowMovingDays)
        {
            found[InventoryAlertKind.SlowMoving] = (int)((nowUtc - since).TotalDays / 30);
        }
        if (p.VarianceAwaitingApproval is { } variance)
        {
            found[InventoryAlertKind.CountVariance] = Math.Abs(variance);
        }
        return found;
    }

    /// <summary>An acknowledged or snoozed alert returns to the board when it got worse since.</summary>
    public static bool GotWorse(int acknowledgedLevel, int level) => level > acknowledgedLevel;
}
