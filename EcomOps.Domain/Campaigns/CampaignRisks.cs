using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Campaigns;

/// <summary>The automatic checks before approval. The UI names each <c>Campaign.Risk.{Name}</c>.</summary>
public enum AutoRiskKind
{
    /// <summary>Stock and purchase orders arriving in time fall short of the forecast times the uplift.</summary>
    StockShort,

    /// <summary>The margin after discount and gifts is below the floor.</summary>
    MarginBelowFloor,

    /// <summary>Another campaign runs on the same SKUs and channels on the same dates.</summary>
    Overlap,

    /// <summary>The expected discounts or gifts cost more than their budget line.</summary>
    BudgetAbovePlan,
}

/// <summary>
/// One automatic finding: what it is about (a SKU code, another campaign, a budget line) and the two figures it compares
/// (for stock: units needed and units there in time; margin: the floor and the margin in percent; budget: the expected
/// cost and the budget in cents; overlap: the other campaign's id and none).
/// </summary>
public sealed record AutoRisk(AutoRiskKind Kind, string Subject, long Needed, long Have, int? SkuId = null);

/// <summary>What the stock check knows of one campaign SKU.</summary>
public sealed record SkuOutlook(int SkuId, string Code, long ListPriceCents, long UnitCostCents, int Available, int IncomingInTime, IReadOnlyList<double> DailyForecast);

/// <summary>The automatic risk rules, as pure functions over what <see cref="CampaignRiskCheck"/> gathers.</summary>
public static class CampaignRiskRules
{
    /// <summary>
    /// Units a SKU is expected to sell from today to the campaign's end: the forecast until the start as it is, and over
    /// the campaign's days times the planned uplift. <paramref name="forecast"/> starts today.
    /// </summary>
    public static long ExpectedDemand(IReadOnlyList<double> forecast, int daysToStart, int campaignDays, int upliftPercent)
    {
        double sum = 0;
        for (var d = 0; d < daysToStart + campaignDays && d < forecast.Count; d++)
        {
            sum += Math.Max(0, forecast[d]) * (d < daysToStart ? 1 : upliftPercent / 100.0);
        }
        return (long)Math.Ceiling(sum - 1e-9);
    }

    /// <summary>A SKU's unit price under the campaign at its most generous: its own rule, the best tier's rate, or the list price.</summary>
    public static long CampaignUnitPrice(CampaignTerms terms, long skuId, long listCents)
    {
        if (CampaignRules.PricesSkus(terms.Type) && terms.Skus.FirstOrDefault(s => s.SkuId == skuId) is { } rule)
        {
            return CampaignPricing.UnitPrice(rule, listCents);
        }
        if (terms.Type == CampaignType.SpendSave && terms.Tiers.Count > 0)
        {
            var rate = terms.Tiers.Where(t => t.ThresholdCents > 0).Select(t => (decimal)t.SaveCents / t.ThresholdCents).DefaultIfEmpty(0).Max();
            return (long)Math.Round(listCents * (1 - rate), MidpointRounding.AwayFromZero);
        }
        return listCents;
    }

    /// <summary>The gift's cost carried by each cent of qualifying spend (a gift per threshold's worth at most).</summary>
    public static decimal GiftCostPerCent(CampaignTerms terms, long giftUnitCostCents, long listCents) =>
        terms.Type == CampaignType.GiftWithPurchase && terms.GiftSkuId is not null && terms.GiftQuantity > 0
            ? (decimal)giftUnitCostCents * terms.GiftQuantity / Math.Max(Math.Max(terms.GiftThresholdCents, listCents), 1)
            : 0;

    /// <summary>The margin in whole percent of the campaign price after the discount and the SKU's share of the gift.</summary>
    public static int MarginPercent(long priceCents, long unitCostCents, decimal giftCostCents)
    {
        if (priceCents <= 0)
        {
            return -100;
        }
        return (int)Math.Floor((priceCents - unitCostCents - giftCostCents) * 100m / priceCents);
    }

    public static List<AutoRisk> Check(CampaignTerms terms, int upliftPercent, DateTime todayUtc, IReadOnlyList<SkuOutlook> skus, SkuOutlook? gift,
        IReadOnlyList<CampaignTerms> others, long discountBudgetCents, long giftBudgetCents, int marginFloorPercent)
    {
        var risks = new List<AutoRisk>();
        var daysToStart = Math.Max(0, (int)Math.Ceiling((terms.StartsAtUtc - todayUtc).TotalDays));
        var campaignDays = Math.Max(1, (int)Math.Ceiling((terms.EndsAtUtc - (terms.StartsAtUtc > todayUtc ? terms.StartsAtUtc : todayUtc)).TotalDays));
        long discountCost = 0;
        decimal giftCost = 0;
        foreach (var sku in skus)
        {
            var demand = ExpectedDemand(sku.DailyForecast, daysToStart, campaignDays, upliftPercent);
            var have = (long)Math.Max(0, sku.Available) + sku.IncomingInTime;
            if (demand > have)
            {
                risks.Add(new AutoRisk(AutoRiskKind.StockShort, sku.Code, demand, have, sku.SkuId));
            }
            var price = CampaignUnitPrice(terms, sku.SkuId, sku.ListPriceCents);
            var giftShare = GiftCostPerCent(terms, gift?.UnitCostCents ?? 0, sku.ListPriceCents) * sku.ListPriceCents;
            var margin = MarginPercent(price, sku.UnitCostCents, giftShare);
            if (margin < marginFloorPercent)
            {
                risks.Add(new AutoRisk(AutoRiskKind.MarginBelowFloor, sku.Code, marginFloorPercent, margin, sku.SkuId));
            }
            var campaignUnits = ExpectedDemand(sku.DailyForecast, daysToStart, campaignDays, upliftPercent) - ExpectedDemand(sku.DailyForecast, daysToStart, 0, upliftPercent);
            discountCost += campaignUnits * (sku.ListPriceCents - price);
            giftCost += campaignUnits * giftShare;
        }
        foreach (var other in others.Where(o => CampaignRules.Overlap(terms, o)).OrderBy(o => o.StartsAtUtc))
        {
            risks.Add(new AutoRisk(AutoRiskKind.Overlap, other.Name, other.Id, 0));
        }
        if (discountCost > discountBudgetCents)
        {
            risks.Add(new AutoRisk(AutoRiskKind.BudgetAbovePlan, "Discounts", discountCost, discountBudgetCents));
        }
        var giftCents = (long)Math.Ceiling(giftCost);
        if (giftCents > giftBudgetCents)
        {
            risks.Add(new AutoRisk(AutoRiskKind.BudgetAbovePlan, "Gifts", giftCents, giftBudgetCents));
        }
        return risks;
    }
}

/// <summary>
/// Gathers what the automatic risk rules look at for one campaign — each SKU's stock available now, the open purchase
/// orders that arrive before the campaign ends (a draft one counts from today plus its supplier's lead time), the
/// demand forecast learnt from the last shipments, and the other campaigns — and runs <see cref="CampaignRiskRules.Check"/>.
/// </summary>
public sealed class CampaignRiskCheck(IDbContextFactory<OpsDb> dbFactory, CampaignSettings settings, TimeProvider clock)
{
    public async Task<IReadOnlyList<AutoRisk>> CheckAsync(int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? [] : await CheckAsync(db, campaign, ct);
    }

    internal async Task<List<AutoRisk>> CheckAsync(OpsDb db, Campaign campaign, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = CampaignTerms.From(campaign);
        var skuIds = campaign.Skus.Select(s => s.SkuId).Concat(campaign.GiftSkuId is { } g ? [g] : []).Distinct().ToList();
        var outlooks = await OutlooksAsync(db, skuIds, now, campaign.EndsAtUtc, ct);
        var others = (await db.Campaigns.AsNoTracking()
                .Where(c => c.Id != campaign.Id && c.State != CampaignState.Cancelled && c.StartsAtUtc < campaign.EndsAtUtc && c.EndsAtUtc > campaign.StartsAtUtc)
                .ToListAsync(ct))
            .Select(CampaignTerms.From).ToList();
        return CampaignRiskRules.Check(terms, campaign.UpliftPercent, now, [.. campaign.Skus.Select(s => outlooks[s.SkuId])],
            campaign.GiftSkuId is { } gift ? outlooks[gift] : null, others, campaign.DiscountBudgetCents, campaign.GiftBudgetCents, settings.MarginFloorPercent);
    }

    /// <summary>Each SKU's stock now, what arrives before <paramref name="untilUtc"/>, and its daily forecast from today up to then.</summary>
    internal static async Task<Dictionary<int, SkuOutlook>> OutlooksAsync(OpsDb db, IReadOnlyCollection<int> skuIds, DateTime now, DateTime untilUtc, CancellationToken ct)
    {
        var skus = await db.Skus.AsNoTracking().Where(s => skuIds.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.ListPriceCents, s.UnitCostCents }).ToListAsync(ct);
        var available = await db.StockBalances.AsNoTracking().Where(b => skuIds.Contains(b.SkuId))
            .GroupBy(b => b.SkuId).Select(g => new { SkuId = g.Key, Units = g.Sum(b => b.OnHand - b.Reserved) }).ToDictionaryAsync(x => x.SkuId, x => x.Units, ct);
        var leadTimes = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.LeadTimeDays, ct);
        var open = await db.PurchaseOrderLines.AsNoTracking().Where(l => skuIds.Contains(l.SkuId) && l.OrderedQuantity > l.ReceivedQuantity)
            .Join(db.PurchaseOrders.Where(p => PurchaseOrder.OnOrderStatuses.Contains(p.Status)), l => l.PurchaseOrderId, p => p.Id,
                (l, p) => new { l.SkuId, Outstanding = l.OrderedQuantity - l.ReceivedQuantity, p.ExpectedAtUtc, p.SupplierId })
            .ToListAsync(ct);
        var incoming = open.Where(o => (o.ExpectedAtUtc ?? now.AddDays(leadTimes.GetValueOrDefault(o.SupplierId))) < untilUtc)
            .GroupBy(o => o.SkuId).ToDictionary(g => g.Key, g => g.Sum(o => o.Outstanding));
        var lastDay = now.Date.AddDays(-1);
        var since = lastDay.AddDays(-(ReorderRules.HistoryDays - 1));
        var shipped = (await db.StockMovements.AsNoTracking()
                .Where(m => m.Kind == StockMovementKind.Shipment && m.AtUtc >= since && m.AtUtc < now.Date && skuIds.Contains(m.SkuId))
                .GroupBy(m => new { m.SkuId, Day = m.AtUtc.Date }).Select(g => new { g.Key.SkuId, g.Key.Day, Units = -g.Sum(m => m.OnHandDelta) }).ToListAsync(ct))
            .ToLookup(x => x.SkuId, x => (x.SkuId, WarehouseId: 0, x.Day, x.Units));
        var horizon = Math.Max(1, (int)Math.Ceiling((untilUtc - now.Date).TotalDays));
        return skus.ToDictionary(s => s.Id, s =>
        {
            var history = InventoryWatch.DailySeries(shipped[s.Id], lastDay);
            IReadOnlyList<double> forecast = history.Any(x => x > 0) ? DemandForecast.Predict(history, horizon).Next : new double[horizon];
            return new SkuOutlook(s.Id, s.Code, s.ListPriceCents, s.UnitCostCents, available.GetValueOrDefault(s.Id), incoming.GetValueOrDefault(s.Id), forecast);
        });
    }
}
