using EcomOps.Domain.Data;

namespace EcomOps.Domain.Campaigns;

/// <summary>One line of a campaign's review: what it is (a UI text key, or a SKU or reference as it is), what it came to, and its goal.</summary>
public sealed record CampaignReviewLine(string Item, bool ItemIsKey, ListCell Actual, ListCell Goal);

/// <summary>
/// A campaign's review as the review page shows it and as an Excel sheet: results against goals, margin, budget, the
/// stock of its SKUs, holds, the tickets and complaints that mention it, and what went well and badly with the lessons.
/// The same lines feed both, so the sheet and the screen cannot disagree.
/// </summary>
public static class CampaignReviewWorkbook
{
    public static IReadOnlyList<CampaignReviewLine> Lines(CampaignReviewView review)
    {
        var (c, f) = (review.Campaign, review.Figures);
        var lines = new List<CampaignReviewLine>
        {
            new("Campaign.Review.Revenue", true, ListCell.Money(f.RevenueCents), ListCell.Money(c.GoalRevenueCents)),
            new("Campaign.Review.Units", true, ListCell.Of(f.Units), ListCell.Of(c.GoalUnits)),
            new("Campaign.Review.Orders", true, ListCell.Of(f.Orders), ListCell.Of((string?)null)),
            new("Campaign.Review.Participants", true, ListCell.Of(f.Participants), ListCell.Of(c.GoalParticipants)),
            new(f.VisitorsOfListings ? "Campaign.Review.ConversionListings" : "Campaign.Review.Conversion", true, ListCell.Of(f.ConversionPercent is { } conversion ? Math.Round(conversion, 2) : null), ListCell.Of(c.GoalConversionPercent)),
            new("Campaign.Review.Spent", true, ListCell.Money(f.SpentCents), ListCell.Money(c.AdsBudgetCents + c.GiftBudgetCents + c.DiscountBudgetCents)),
            new("Campaign.Review.Discounts", true, ListCell.Money(f.DiscountCents), ListCell.Money(c.DiscountBudgetCents)),
            new("Campaign.Review.Gifts", true, ListCell.Money(f.GiftCostCents), ListCell.Money(c.GiftBudgetCents)),
            new("Campaign.Review.Ads", true, ListCell.Money(f.AdsSpentCents), ListCell.Money(c.AdsBudgetCents)),
            new("Campaign.Review.Margin", true, ListCell.Of(review.MarginPercent is { } margin ? Math.Round(margin, 1) : null), ListCell.Of((string?)null)),
            new("Campaign.Review.Held", true, ListCell.Of(f.HeldOrders), ListCell.Of((string?)null)),
        };
        // A SKU's line: units sold in the campaign, and the stock left at its end (or now, while it runs).
        if (review.BeforeOrderHistory)
        {
            // Said on the sheet as on the screen: figures of a campaign older than the order history are not its results.
            lines.Insert(0, new("Campaign.Review.OrdersSince", true, review.OrdersSinceUtc is { } since ? ListCell.At(since) : ListCell.Of("—"), ListCell.Of((string?)null)));
        }
        lines.AddRange(review.Stock.Select(s => new CampaignReviewLine($"{s.Code} · {s.Name} ({s.Available:#,##0})", false, ListCell.Of(s.Sold), ListCell.Of((string?)null))));
        lines.AddRange(review.Tickets.Select(t => new CampaignReviewLine(t.Reference, false, ListCell.Of(t.Subject), ListCell.Of((string?)null))));
        lines.AddRange(review.Complaints.Select(k => new CampaignReviewLine(k.Reference, false, ListCell.Of(k.Matter), ListCell.Of((string?)null))));
        lines.Add(new("Campaign.WentWell", true, ListCell.Of(c.WentWell), ListCell.Of((string?)null)));
        lines.Add(new("Campaign.WentBadly", true, ListCell.Of(c.WentBadly), ListCell.Of((string?)null)));
        lines.Add(new("Campaign.Lessons", true, ListCell.Of(c.Lessons), ListCell.Of((string?)null)));
        return lines;
    }

    public static ListWorkbookFile Build(CampaignReviewView review, Func<string, string> text, TimeZoneInfo zone) =>
        ListWorkbook.Build($"{review.Campaign.Number} {review.Campaign.Name}",
            [
                new ListColumn<CampaignReviewLine>("Campaign.Review.Item", (l, t) => ListCell.Of(l.ItemIsKey ? t(l.Item) : l.Item)),
                new ListColumn<CampaignReviewLine>("Campaign.Review.Actual", (l, _) => l.Actual),
                new ListColumn<CampaignReviewLine>("Campaign.Review.Goal", (l, _) => l.Goal),
            ],
            Lines(review), text, zone);
}
