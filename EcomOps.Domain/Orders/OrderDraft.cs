namespace EcomOps.Domain.Orders;

/// <summary>An order as a channel sends it (API) or an export file describes it, before it is taken in.</summary>
public sealed record OrderDraft
{
    public required string PlatformOrderId { get; init; }
    public required string CustomerName { get; init; }
    public required string CustomerPhone { get; init; }
    public required string ShippingAddress { get; init; }

    /// <summary>"zh-Hans" or "en"; empty means Chinese, the platforms' language.</summary>
    public string? CustomerLanguage { get; init; }
    public string? BuyerNote { get; init; }

    /// <summary>The promotion or campaign code the platform sent (attributes the order to that campaign).</summary>
    public string? PromotionCode { get; init; }
    public DateTime PlacedAtUtc { get; init; }
    public DateTime? PaidAtUtc { get; init; }
    public long ShippingFeeCents { get; init; }
    public required IReadOnlyList<OrderLineDraft> Lines { get; init; }
}

public sealed record OrderLineDraft(string SkuCode, string? Title, int Quantity, long UnitPriceCents, long DiscountCents);
