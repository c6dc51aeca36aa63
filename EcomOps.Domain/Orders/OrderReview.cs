namespace EcomOps.Domain.Orders;

/// <summary>An earlier order of the same customer, for the duplicate check.</summary>
public sealed record RecentOrder(string Number, string ItemsSignature, DateTime PlacedAtUtc);

/// <summary>What the first review looks at, gathered by the caller; the review itself reads nothing.</summary>
public sealed record ReviewInput(
    Order Order,
    IReadOnlyDictionary<int, long> ListPriceCents,
    IReadOnlyList<RecentOrder> RecentOrdersOfCustomer)
{
    /// <summary>The net unit prices the order's campaign explains, by SKU: a line at such a price is no deviation.</summary>
    public IReadOnlyDictionary<int, long> CampaignUnitCents { get; init; } = new Dictionary<int, long>();
}

public sealed record ReviewFinding(HoldReason Reason, string? Detail);

/// <summary>
/// The rulebook's first review of a new order, as pure rules. Stock is the one check that needs the ledger: the
/// order is reserved after it passes these, and a shortage is then judged by <see cref="StockFinding"/>.
/// </summary>
public static class OrderReview
{
    public static IReadOnlyList<ReviewFinding> Review(ReviewInput input, OrderSettings settings)
    {
        var order = input.Order;
        var findings = new List<ReviewFinding>();
        if (settings.Contact.Enabled)
        {
            if (string.IsNullOrWhiteSpace(order.CustomerName) || !OrderRules.AddressLooksComplete(order.ShippingAddress, settings.Contact.MinAddressLength))
            {
                findings.Add(new ReviewFinding(HoldReason.AddressIncomplete, null));
            }
            if (!OrderRules.PhoneLooksPlausible(order.CustomerPhone))
            {
                findings.Add(new ReviewFinding(HoldReason.PhoneImplausible, order.CustomerPhone));
            }
        }
        if (settings.Payment.Enabled && order.PaymentStatus != PaymentStatus.Paid)
        {
            findings.Add(new ReviewFinding(HoldReason.PaymentNotConfirmed, null));
        }
        if (settings.Price.Enabled)
        {
            var deviating = order.Lines
                .Where(l => input.ListPriceCents.TryGetValue(l.SkuId, out var list) && list > 0)
                .Select(l => (Line: l, Percent: DeviationPercent(l, input.ListPriceCents[l.SkuId])))
                .Where(x => Math.Abs(x.Percent) > settings.Price.MaxDeviationPercent)
                .Where(x => !input.CampaignUnitCents.TryGetValue(x.Line.SkuId, out var campaign) || campaign <= 0
                    || Math.Abs(DeviationPercent(x.Line, campaign)) > settings.Price.MaxDeviationPercent)
                .Select(x => $"{x.Line.SkuCode} {x.Percent:+0;-0}%")
                .ToList();
            if (deviating.Count > 0)
            {
                findings.Add(new ReviewFinding(HoldReason.PriceDeviation, string.Join(", ", deviating)));
            }
        }
        if (settings.Duplicate.Enabled)
        {
            var signature = ItemsSignature(order.Lines);
            var window = TimeSpan.FromMinutes(settings.Duplicate.WindowMinutes);
            var twin = input.RecentOrdersOfCustomer.FirstOrDefault(r =>
                r.ItemsSignature == signature && (r.PlacedAtUtc - order.PlacedAtUtc).Duration() <= window);
            if (twin is not null)
            {
                findings.Add(new ReviewFinding(HoldReason.PossibleDuplicate, twin.Number));
            }
        }
        if (settings.HighValue.Enabled && order.TotalCents > settings.HighValue.ThresholdCents)
        {
            findings.Add(new ReviewFinding(HoldReason.HighValue, null));
        }
        return findings;
    }

    /// <summary>A reservation that came up short: a hold when the stock rule is on, a backorder when it is off.</summary>
    public static ReviewFinding? StockFinding(IReadOnlyList<(string SkuCode, int Requested, int Available)> shortages, OrderSettings settings) =>
        shortages.Count == 0 || !settings.Stock.Enabled
            ? null
            : new ReviewFinding(HoldReason.OutOfStock, string.Join(", ", shortages.Select(s => $"{s.SkuCode} {s.Available}/{s.Requested}")));

    /// <summary>The same items in the same quantities, in any order of lines.</summary>
    public static string ItemsSignature(IEnumerable<OrderLine> lines) =>
        string.Join(";", lines.OrderBy(l => l.SkuId).Select(l => $"{l.SkuId}x{l.Quantity}"));

    /// <summary>Net unit price (after the line's discount) against list price, in whole percent.</summary>
    public static int DeviationPercent(OrderLine line, long listPriceCents)
    {
        var netUnit = (double)line.NetCents / line.Quantity;
        return (int)Math.Round((netUnit - listPriceCents) * 100 / listPriceCents, MidpointRounding.AwayFromZero);
    }
}
