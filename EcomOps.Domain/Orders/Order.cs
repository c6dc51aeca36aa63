using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Orders;

/// <summary>Where the order stands in the company's process (payment and shipping have their own states).</summary>
public enum OrderStatus
{
    /// <summary>Taken in; the first review has not decided yet.</summary>
    AwaitingReview,

    /// <summary>Failed the first review: in the exception queue until a specialist releases or cancels it.</summary>
    OnHold,

    /// <summary>Passed the review; stock is reserved (unless it was accepted as a backorder).</summary>
    Accepted,

    /// <summary>Everything shipped and delivered.</summary>
    Completed,

    Cancelled,
}

public enum PaymentStatus
{
    Unpaid,
    Paid,
    Refunded,
}

public enum ShippingStatus
{
    NotAssigned,
    Assigned,
    Picking,
    Packed,
    PartiallyShipped,
    Shipped,
    Delivered,
}

/// <summary>Why the first review held an order; each is one switchable rule of <see cref="OrderReview"/>.</summary>
public enum HoldReason
{
    AddressIncomplete,
    PhoneImplausible,
    PaymentNotConfirmed,
    PriceDeviation,
    OutOfStock,
    PossibleDuplicate,
    HighValue,
}

/// <summary>
/// A customer's order from one sales channel. It is identified in the outside world by (channel, platform order id),
/// which is unique: sending the same order again finds this one. Its steps are kept as a timeline of
/// <see cref="OrderEvent"/>s (who and when), which is the order's history; orders are therefore not field-audited,
/// which keeps bulk intake at one row per order, line and event.
/// </summary>
[LiveBoard(Boards.Orders)]
public sealed class Order : IVersioned
{
    public int Id { get; set; }
    public int ChannelId { get; set; }
    public SalesChannel? Channel { get; set; }
    public required string PlatformOrderId { get; set; }

    public required string CustomerName { get; set; }
    public required string CustomerPhone { get; set; }
    public required string ShippingAddress { get; set; }

    /// <summary>The language the customer is written to in: "zh-Hans" or "en".</summary>
    public required string CustomerLanguage { get; set; }
    public string? BuyerNote { get; set; }

    public long ItemsCents { get; set; }
    public long DiscountCents { get; set; }
    public long ShippingFeeCents { get; set; }
    public long TotalCents { get; set; }

    public OrderStatus Status { get; set; }
    public PaymentStatus PaymentStatus { get; set; }
    public ShippingStatus ShippingStatus { get; set; }

    public DateTime PlacedAtUtc { get; set; }
    public DateTime? PaidAtUtc { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When the order must leave the warehouse (from payment, by <see cref="ShipByPolicy"/>); null while unpaid.</summary>
    public DateTime? ShipByUtc { get; set; }
    public DateTime? ShippedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }

    /// <summary>Since when the order has waited in the exception queue; null when it is not on hold.</summary>
    public DateTime? HeldSinceUtc { get; set; }

    /// <summary>The warehouse holding the order's reservation (or shipping it).</summary>
    public int? WarehouseId { get; set; }
    public bool StockReserved { get; set; }
    public string? Carrier { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>The customer has been told the order is late (sent once).</summary>
    public bool DelayNotified { get; set; }

    /// <summary>The promotion or campaign code the platform sent with the order.</summary>
    public string? PromotionCode { get; set; }

    /// <summary>The campaign the order is attributed to (by its code, or by its SKUs and time).</summary>
    public int? CampaignId { get; set; }

    public long Version { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
    public List<OrderHold> Holds { get; set; } = [];
    public List<OrderEvent> Events { get; set; } = [];
    public List<OrderShipment> Shipments { get; set; } = [];

    public string Number => NumberOf(Id);

    /// <summary>The order number people read and type: O and the id in seven digits.</summary>
    public static string NumberOf(int id) => $"O{id:D7}";

    // The order answers its own guards, so the page asks instead of restating a rule and the desk refuses the same.

    /// <summary>Contact logged, recipient fixed: only while a person works it in the exception queue.</summary>
    public bool CanWorkHold => Status == OrderStatus.OnHold;

    /// <summary>The recipient may be corrected until the first parcel leaves.</summary>
    public bool CanFixAddress => Status is OrderStatus.OnHold or OrderStatus.AwaitingReview or OrderStatus.Accepted && ShippedAtUtc is null;

    /// <summary>Lines may be corrected before review accepts the order and reserves its stock.</summary>
    public bool CanFixLines => Status is OrderStatus.OnHold or OrderStatus.AwaitingReview && !StockReserved;

    public bool CanRelease => Status == OrderStatus.OnHold;

    /// <summary>
    /// A hold whose reason is money — payment not confirmed, or a value high enough to be reviewed — is released only
    /// with a note saying why it is safe: releasing reserves stock for an order nobody may pay for.
    /// </summary>
    public bool ReleaseNeedsNote => Holds.Any(h => h.ResolvedAtUtc is null && OrderRules.ReleaseNeedsNote(h.Reason));

    public bool CanCancel => Status is OrderStatus.OnHold or OrderStatus.AwaitingReview or OrderStatus.Accepted && Lines.All(l => l.ShippedQuantity == 0);

    public bool CanAssign => Status == OrderStatus.Accepted && ShippingStatus is ShippingStatus.NotAssigned or ShippingStatus.Assigned;

    public bool CanPick => Status == OrderStatus.Accepted && ShippingStatus == ShippingStatus.Assigned;

    public bool CanPack => Status == OrderStatus.Accepted && ShippingStatus == ShippingStatus.Picking;

    public bool CanShip => Status == OrderStatus.Accepted && ShippingStatus is ShippingStatus.Packed or ShippingStatus.PartiallyShipped;

    public bool CanDeliver => Shipments.Any(s => s.DeliveredAtUtc is null);

    public bool CanReturn => Lines.Any(l => l.ShippedQuantity > l.ReturnedQuantity);

    /// <summary>Nothing left to do on it: closed, and nothing shipped that could still come back.</summary>
    public bool IsSettled => Status is OrderStatus.Cancelled or OrderStatus.Completed && !CanReturn;
}

public sealed class OrderLine
{
    public long Id { get; set; }
    public int OrderId { get; set; }
    public int SkuId { get; set; }

    /// <summary>The SKU code as it was ordered, kept on the line so the order list can search it without a join.</summary>
    public required string SkuCode { get; set; }
    public required string Title { get; set; }
    public int Quantity { get; set; }
    public long UnitPriceCents { get; set; }

    /// <summary>Discount on the whole line (not per unit).</summary>
    public long DiscountCents { get; set; }
    public int ShippedQuantity { get; set; }
    public int ReturnedQuantity { get; set; }

    public long NetCents => Quantity * UnitPriceCents - DiscountCents;
}

/// <summary>One reason an order is on hold; resolved when a specialist releases the order (or it is cancelled).</summary>
public sealed class OrderHold
{
    public long Id { get; set; }
    public int OrderId { get; set; }
    public HoldReason Reason { get; set; }

    /// <summary>Plain words for the specialist: which SKU is short, how far a price deviates, which order it duplicates.</summary>
    public string? Detail { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
}

public enum OrderEventKind
{
    Received,
    Accepted,
    Held,
    CustomerContacted,
    AddressFixed,
    LinesFixed,
    Released,
    Cancelled,
    PaymentConfirmed,
    Assigned,
    Picked,
    Packed,
    Shipped,
    Delivered,
    Returned,
    Refunded,
    Notified,
}

public enum ContactOutcome
{
    Reached,
    NoAnswer,
    LeftMessage,
    WrongNumber,
}

/// <summary>One step on the order's timeline: what happened, who did it, when.</summary>
public sealed class OrderEvent
{
    public long Id { get; set; }
    public int OrderId { get; set; }
    public OrderEventKind Kind { get; set; }
    public ContactOutcome? ContactOutcome { get; set; }
    public string? Detail { get; set; }
    public required string ByName { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A parcel that left a warehouse with some (or all) of the order's units.</summary>
public sealed class OrderShipment
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int WarehouseId { get; set; }
    public required string Carrier { get; set; }
    public required string TrackingNumber { get; set; }
    public DateTime ShippedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public List<OrderShipmentLine> Lines { get; set; } = [];
}

public sealed class OrderShipmentLine
{
    public long Id { get; set; }
    public int ShipmentId { get; set; }
    public long OrderLineId { get; set; }
    public int Quantity { get; set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Ignore(o => o.Number);
        b.Property(o => o.PlatformOrderId).HasMaxLength(OrderRules.MaxPlatformOrderIdLength);
        b.Property(o => o.CustomerName).HasMaxLength(OrderRules.MaxNameLength);
        b.Property(o => o.CustomerPhone).HasMaxLength(OrderRules.MaxPhoneLength);
        b.Property(o => o.ShippingAddress).HasMaxLength(OrderRules.MaxAddressLength);
        b.Property(o => o.CustomerLanguage).HasMaxLength(10);
        b.Property(o => o.BuyerNote).HasMaxLength(OrderRules.MaxNoteLength);
        b.Property(o => o.Carrier).HasMaxLength(40);
        b.Property(o => o.PromotionCode).HasMaxLength(Campaigns.Campaign.MaxCodeLength);
        // A campaign's board and review read its orders by time.
        b.HasIndex(o => new { o.CampaignId, o.PlacedAtUtc });
        b.Property(o => o.CancelReason).HasMaxLength(OrderRules.MaxNoteLength);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.PaymentStatus).HasConversion<string>().HasMaxLength(12);
        b.Property(o => o.ShippingStatus).HasConversion<string>().HasMaxLength(20);
        b.HasOne(o => o.Channel).WithMany().HasForeignKey(o => o.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inventory.Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Holds).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Shipments).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);

        // Idempotent intake: one order per (channel, platform order id).
        b.HasIndex(o => new { o.ChannelId, o.PlatformOrderId }).IsUnique();
        // The order list's default sort and its date filter, alone and within a state or channel, and the board's
        // intake-per-hour: each a range scan in sort order at 1,000,000 orders.
        b.HasIndex(o => o.PlacedAtUtc);
        b.HasIndex(o => new { o.Status, o.PlacedAtUtc });
        // The state rides along so that a channel's sales over a span (a design's contribution, its KPI) skip cancelled
        // orders without reading each order's row.
        b.HasIndex(o => new { o.ChannelId, o.PlacedAtUtc, o.Status });
        b.HasIndex(o => o.ReceivedAtUtc);
        // Open orders by promise (at risk / late) and the exception queue by waiting time.
        b.HasIndex(o => new { o.Status, o.ShippingStatus, o.ShipByUtc });
        b.HasIndex(o => o.HeldSinceUtc);
        b.HasIndex(o => o.TotalCents);
        b.HasIndex(o => o.ShipByUtc);
        // On-time shipping: the orders first shipped in a period, with their promise (read from the index alone).
        b.HasIndex(o => new { o.ShippedAtUtc, o.ShipByUtc });
        b.HasIndex(o => o.CustomerPhone);
        b.HasIndex(o => o.CustomerName);
        b.HasIndex(o => o.PlatformOrderId);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Ignore(l => l.NetCents);
        b.Property(l => l.SkuCode).HasMaxLength(40);
        b.Property(l => l.Title).HasMaxLength(200);
        b.HasOne<Catalog.Sku>().WithMany().HasForeignKey(l => l.SkuId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.SkuCode, l.OrderId });
        // An order's lines, with the quantity in the index: units sold per order are summed from the index alone.
        b.HasIndex(l => new { l.OrderId, l.Quantity });
    }
}

internal sealed class OrderHoldConfiguration : IEntityTypeConfiguration<OrderHold>
{
    public void Configure(EntityTypeBuilder<OrderHold> b)
    {
        b.Property(h => h.Reason).HasConversion<string>().HasMaxLength(24);
        b.Property(h => h.Detail).HasMaxLength(400);
        // Exceptions by reason: the open holds, grouped.
        b.HasIndex(h => new { h.ResolvedAtUtc, h.Reason });
        b.HasIndex(h => h.OrderId);
    }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.ContactOutcome).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Detail).HasMaxLength(OrderRules.MaxNoteLength);
        b.Property(e => e.ByName).HasMaxLength(256);
        b.HasIndex(e => new { e.OrderId, e.AtUtc });
        // The operations metrics: a period's steps of one kind (released, shipped), and one person's of them; the order
        // id is in both so counting a month's orders reads the index alone.
        b.HasIndex(e => new { e.Kind, e.AtUtc, e.OrderId });
        b.HasIndex(e => new { e.Kind, e.ByName, e.AtUtc, e.OrderId });
    }
}

internal sealed class OrderShipmentConfiguration : IEntityTypeConfiguration<OrderShipment>
{
    public void Configure(EntityTypeBuilder<OrderShipment> b)
    {
        b.Property(s => s.Carrier).HasMaxLength(40);
        b.Property(s => s.TrackingNumber).HasMaxLength(OrderRules.MaxTrackingLength);
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.OrderId);
        b.HasIndex(s => s.TrackingNumber);
        b.HasOne<Inventory.Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
