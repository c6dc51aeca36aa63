namespace EcomOps.Domain.Orders;

/// <summary>
/// The first review's rules and the shipping promise, from the <c>Orders</c> section of the configuration. Each
/// review rule can be switched off; its threshold sits beside its switch.
/// </summary>
public sealed class OrderSettings
{
    public ContactRule Contact { get; set; } = new();
    public SwitchRule Payment { get; set; } = new();
    public PriceRule Price { get; set; } = new();
    public StockRule Stock { get; set; } = new();
    public DuplicateRule Duplicate { get; set; } = new();
    public HighValueRule HighValue { get; set; } = new();
    public ShipByRule ShipBy { get; set; } = new();

    /// <summary>Most orders one API request may carry.</summary>
    public int MaxBatchSize { get; set; } = 500;

    public class SwitchRule
    {
        public bool Enabled { get; set; } = true;
    }

    public sealed class ContactRule : SwitchRule
    {
        /// <summary>Shortest address (in characters) that can be delivered to: province, city, district and street.</summary>
        public int MinAddressLength { get; set; } = 8;
    }

    public sealed class PriceRule : SwitchRule
    {
        /// <summary>How far (percent) a line's net unit price may stray from the SKU's list price, either way.</summary>
        public int MaxDeviationPercent { get; set; } = 30;
    }

    /// <summary>
    /// With the rule on, an order whose stock cannot be reserved goes on hold; with it off, the order is accepted as a
    /// backorder and its stock is reserved when a warehouse is assigned.
    /// </summary>
    public sealed class StockRule : SwitchRule;

    public sealed class DuplicateRule : SwitchRule
    {
        /// <summary>Same phone, same items, placed within this many minutes: probably the same order twice.</summary>
        public int WindowMinutes { get; set; } = 30;
    }

    public sealed class HighValueRule : SwitchRule
    {
        /// <summary>Orders above this total (in fen) need a person's approval.</summary>
        public long ThresholdCents { get; set; } = 500_000;
    }

    public sealed class ShipByRule
    {
        /// <summary>Hours after payment by which an order must be shipped.</summary>
        public int Hours { get; set; } = 24;

        /// <summary>Count the hours on working days only (Monday to Friday, without China's public holidays).</summary>
        public bool BusinessDays { get; set; }

        /// <summary>An open order is "at risk" this many hours before its ship-by time.</summary>
        public int AtRiskHours { get; set; } = 4;
    }
}
