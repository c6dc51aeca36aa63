using EcomOps.Domain.Orders;
using EcomOps.Domain.Orders.Import;

namespace EcomOps.Domain.Campaigns;

/// <summary>A line of a basket at the SKU's list price.</summary>
public sealed record BasketLine(int SkuId, int Quantity, long ListUnitCents);

/// <summary>What a customer buys, when, and (when known) their member tier.</summary>
public sealed record Basket(IReadOnlyList<BasketLine> Lines, DateTime AtUtc, MemberTier? MemberTier = null);

/// <summary>A campaign's terms as the pricing rule and the attribution read them: no database, no entity.</summary>
public sealed record CampaignTerms(
    int Id,
    string Name,
    CampaignType Type,
    string? Code,
    IReadOnlyList<int> ChannelIds,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    IReadOnlyList<CampaignSkuRule> Skus,
    IReadOnlyList<SpendTier> Tiers,
    bool StackTiers,
    int? GiftSkuId,
    int GiftQuantity,
    long GiftThresholdCents,
    MemberTier? MemberTier)
{
    public static CampaignTerms From(Campaign c) => new(c.Id, c.Name, c.Type, c.Code, c.ChannelIds, c.StartsAtUtc, c.EndsAtUtc, c.Skus, c.Tiers, c.StackTiers,
        c.GiftSkuId, c.GiftQuantity, c.GiftThresholdCents, c.MemberTier);

    public bool Covers(int skuId) => Skus.Any(s => s.SkuId == skuId);

    public bool IsOn(DateTime atUtc) => atUtc >= StartsAtUtc && atUtc < EndsAtUtc;
}

/// <summary>A basket line as the campaign prices it: what the line costs after the campaign.</summary>
public sealed record PricedLine(int SkuId, int Quantity, long ListUnitCents, long NetCents)
{
    public long DiscountCents => Quantity * ListUnitCents - NetCents;
}

/// <summary>
/// The campaign's price of a basket. <see cref="Applies"/> says whether the campaign changed anything (a price, a saving
/// or a gift); <see cref="GiftShort"/> that a gift was earned but the gift stock could not give it.
/// </summary>
public sealed record PricedBasket(IReadOnlyList<PricedLine> Lines, int? GiftSkuId, int GiftQuantity, bool GiftShort)
{
    public long ListCents => Lines.Sum(l => l.Quantity * l.ListUnitCents);
    public long NetCents => Lines.Sum(l => l.NetCents);
    public long DiscountCents => ListCents - NetCents;
    public bool Applies => DiscountCents > 0 || GiftQuantity > 0;
}

/// <summary>
/// The one pricing rule of every campaign type, over a basket at list prices:
/// launch, limited-time discount and member exclusive price each covered SKU (percent off or a fixed price, within the
/// SKU's window; member exclusive only for its tier and above); spend X save Y takes the highest tier the covered SKUs
/// reach, once or (stacking) as often as the spend holds its threshold, spread over those lines in proportion; gift with
/// purchase gives its gift when the covered SKUs reach the threshold and the gift stock holds the quantity. Outside its
/// dates a campaign changes nothing.
/// </summary>
public static class CampaignPricing
{
    public static PricedBasket Price(CampaignTerms terms, Basket basket, int giftStockLeft = int.MaxValue)
    {
        var atList = basket.Lines.Select(l => new PricedLine(l.SkuId, l.Quantity, l.ListUnitCents, l.Quantity * l.ListUnitCents)).ToList();
        if (!terms.IsOn(basket.AtUtc))
        {
            return new PricedBasket(atList, null, 0, false);
        }
        switch (terms.Type)
        {
            case CampaignType.Launch or CampaignType.LimitedTimeDiscount:
                return new PricedBasket(PriceSkus(terms, basket), null, 0, false);
            case CampaignType.MemberExclusive:
                var member = basket.MemberTier is { } tier && terms.MemberTier is { } lowest && tier >= lowest;
                return new PricedBasket(member ? PriceSkus(terms, basket) : atList, null, 0, false);
            case CampaignType.SpendSave:
                return new PricedBasket(SpendSave(terms, atList), null, 0, false);
            case CampaignType.GiftWithPurchase:
                var spend = atList.Where(l => terms.Covers(l.SkuId)).Sum(l => l.NetCents);
                if (terms.GiftSkuId is null || terms.GiftQuantity <= 0 || spend < terms.GiftThresholdCents || spend == 0)
                {
                    return new PricedBasket(atList, null, 0, false);
                }
                return giftStockLeft >= terms.GiftQuantity
                    ? new PricedBasket(atList, terms.GiftSkuId, terms.GiftQuantity, false)
                    : new PricedBasket(atList, null, 0, true);
            default:
                return new PricedBasket(atList, null, 0, false);
        }
    }

    /// <summary>A SKU's campaign unit price at list price <paramref name="listUnitCents"/>: the fixed price, or the list less the percent (to the cent, half up).</summary>
    public static long UnitPrice(CampaignSkuRule rule, long listUnitCents) =>
        rule.FixedPriceCents is { } fixedPrice ? Math.Min(fixedPrice, listUnitCents)
        : rule.DiscountPercent is { } percent ? (long)Math.Round(listUnitCents * (100 - percent) / 100m, MidpointRounding.AwayFromZero)
        : listUnitCents;

    /// <summary>The saving spend X save Y gives on a spend: the highest tier reached, once or as often as the spend holds it.</summary>
    public static long Saving(IReadOnlyList<SpendTier> tiers, bool stack, long spendCents)
    {
        var reached = tiers.Where(t => t.ThresholdCents > 0 && t.ThresholdCents <= spendCents).MaxBy(t => t.ThresholdCents);
        if (reached is null)
        {
            return 0;
        }
        var times = stack ? spendCents / reached.ThresholdCents : 1;
        return Math.Min(spendCents, reached.SaveCents * times);
    }

    private static List<PricedLine> PriceSkus(CampaignTerms terms, Basket basket) =>
        [.. basket.Lines.Select(l =>
        {
            var rule = terms.Skus.FirstOrDefault(s => s.SkuId == l.SkuId && InWindow(s, basket.AtUtc));
            var unit = rule is null ? l.ListUnitCents : UnitPrice(rule, l.ListUnitCents);
            return new PricedLine(l.SkuId, l.Quantity, l.ListUnitCents, unit * l.Quantity);
        })];

    private static bool InWindow(CampaignSkuRule rule, DateTime atUtc) =>
        (rule.WindowFromUtc is not { } from || atUtc >= from) && (rule.WindowToUtc is not { } to || atUtc < to);

    private static List<PricedLine> SpendSave(CampaignTerms terms, List<PricedLine> atList)
    {
        var covered = atList.Select((l, i) => (Line: l, Index: i)).Where(x => terms.Covers(x.Line.SkuId)).ToList();
        var saving = Saving(terms.Tiers, terms.StackTiers, covered.Sum(x => x.Line.NetCents));
        if (saving == 0)
        {
            return atList;
        }
        // The same spread as an export's order-level discount: in proportion to the lines, to the cent.
        var spread = ExportReader.AllocateDiscount([.. covered.Select(x => new OrderLineDraft("", null, x.Line.Quantity, x.Line.ListUnitCents, 0))], saving);
        var priced = atList.ToList();
        for (var k = 0; k < covered.Count; k++)
        {
            var line = covered[k].Line;
            priced[covered[k].Index] = line with { NetCents = line.NetCents - spread[k].DiscountCents };
        }
        return priced;
    }
}

/// <summary>
/// Which campaign an order belongs to: the one whose promotion code it carries (on its channel, within its dates), else
/// the one on its channel and time whose SKUs it buys. A member-exclusive campaign is attributed by its code only (the
/// order does not say the buyer's tier; the platform sends the code to members).
/// </summary>
public static class CampaignAttribution
{
    public static CampaignTerms? Attribute(IReadOnlyList<CampaignTerms> campaigns, int channelId, string? code, DateTime placedAtUtc, IReadOnlyCollection<int> skuIds)
    {
        var open = campaigns.Where(c => c.ChannelIds.Contains(channelId) && c.IsOn(placedAtUtc)).ToList();
        if (!string.IsNullOrWhiteSpace(code) && open.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)) is { } byCode)
        {
            return byCode;
        }
        return open.Where(c => c.Type != CampaignType.MemberExclusive)
            .Select(c => (Campaign: c, Matched: skuIds.Count(c.Covers)))
            .Where(x => x.Matched > 0)
            .OrderByDescending(x => x.Matched).ThenBy(x => x.Campaign.StartsAtUtc).ThenBy(x => x.Campaign.Id)
            .Select(x => x.Campaign).FirstOrDefault();
    }

    /// <summary>The basket of an order at list prices, as the campaign prices it (a code stands for the member tier it was sent to).</summary>
    public static PricedBasket PriceOrder(CampaignTerms terms, Order order, IReadOnlyDictionary<int, long> listPrices, bool byCode) =>
        CampaignPricing.Price(terms, new Basket(
            [.. order.Lines.Select(l => new BasketLine(l.SkuId, l.Quantity, listPrices.GetValueOrDefault(l.SkuId, l.UnitPriceCents)))],
            order.PlacedAtUtc, byCode ? terms.MemberTier : null));

    /// <summary>
    /// The net unit price the campaign explains for each SKU of an order attributed to it (only the lines it discounts):
    /// the first review accepts these as it accepts the list price.
    /// </summary>
    public static IReadOnlyDictionary<int, long> ExplainedUnitPrices(CampaignTerms terms, Order order, IReadOnlyDictionary<int, long> listPrices, bool byCode)
    {
        var priced = PriceOrder(terms, order, listPrices, byCode);
        return priced.Lines.Where(l => l.DiscountCents > 0 && l.Quantity > 0)
            .GroupBy(l => l.SkuId)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.NetCents) / Math.Max(1, g.Sum(l => l.Quantity)));
    }
}
