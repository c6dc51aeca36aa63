namespace EcomOps.Domain.Design;

/// <summary>A delivered request as the design KPIs count it.</summary>
public sealed record DeliveredWork(DateOnly DueDate, DateOnly DeliveredOn, int ReworkRounds, int? CooperationScore);

/// <summary>
/// One listing's (or its category's) sales over a window of days: net sales in fen, orders, and visitors — the
/// listings' own visitors and paying buyers once per-listing reports exist for it, else the channel's visitors.
/// </summary>
public sealed record SalesWindow(long NetCents, int Orders, long Visitors, long? PayingBuyers = null)
{
    public static readonly SalesWindow None = new(0, 0, 0);

    /// <summary>Paying buyers ÷ the listing's visitors from per-listing reports; without them, orders per visitor of the channel.</summary>
    public double? Conversion => Visitors > 0 ? (double)(PayingBuyers ?? Orders) / Visitors : null;
}

/// <summary>
/// The figures behind one request's contribution to sales: the listing's sales and conversion over the N days before and
/// after delivery, the same for the rest of its category on the same channel, and the differences.
/// </summary>
/// <param name="SalesContribution">The listing's change in sales less its category's change (0.12 = 12 percentage points);
/// null when either had no sales before (no base to compare with).</param>
public sealed record ContributionFigure(
    SalesWindow ListingBefore, SalesWindow ListingAfter, SalesWindow CategoryBefore, SalesWindow CategoryAfter,
    double? ListingSalesChange, double? CategorySalesChange, double? SalesContribution,
    double? ListingConversionChange, double? CategoryConversionChange, double? ConversionContribution);

/// <summary>
/// The design team's KPI arithmetic (rulebook: design quality, on-time completion, cooperation with operations,
/// contribution to sales), as pure functions the metric source and the pages share.
/// </summary>
public static class DesignKpi
{
    /// <summary>Days before and after delivery compared for the contribution to sales.</summary>
    public const int ContributionDays = 14;

    /// <summary>Average of the reviews' scores, each review the mean of its three criteria (1–5); null without reviews.</summary>
    public static double? Quality(IEnumerable<(int BrandFit, int VisualEffect, int Creativity)> reviews)
    {
        var scores = reviews.Select(r => (r.BrandFit + r.VisualEffect + r.Creativity) / 3.0).ToList();
        return scores.Count > 0 ? scores.Average() : null;
    }

    /// <summary>Delivered on or before the due date (company days) ÷ delivered; null when nothing was delivered.</summary>
    public static double? OnTimeRate(IReadOnlyCollection<DeliveredWork> delivered) =>
        delivered.Count > 0 ? (double)delivered.Count(d => d.DeliveredOn <= d.DueDate) / delivered.Count : null;

    /// <summary>Rework rounds ("changes requested") per delivered request.</summary>
    public static double? ReworkRate(IReadOnlyCollection<DeliveredWork> delivered) =>
        delivered.Count > 0 ? (double)delivered.Sum(d => d.ReworkRounds) / delivered.Count : null;

    /// <summary>Average of the requesters' cooperation ratings (1–5) over the delivered requests that have one.</summary>
    public static double? Cooperation(IReadOnlyCollection<DeliveredWork> delivered)
    {
        var rated = delivered.Where(d => d.CooperationScore is not null).Select(d => (double)d.CooperationScore!.Value).ToList();
        return rated.Count > 0 ? rated.Average() : null;
    }

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="after"/>; null without a base.</summary>
    public static double? Change(double? before, double? after) => before is > 0 && after is { } a ? a / before.Value - 1 : null;

    /// <summary>
    /// The listing's change less its category's over the same days, so that a festival that lifts the whole category is not
    /// counted as the design's merit. Both windows are the same length, so totals compare as daily averages do.
    /// </summary>
    public static ContributionFigure Contribution(SalesWindow listingBefore, SalesWindow listingAfter, SalesWindow categoryBefore, SalesWindow categoryAfter)
    {
        var listingSales = Change(listingBefore.NetCents, listingAfter.NetCents);
        var categorySales = Change(categoryBefore.NetCents, categoryAfter.NetCents);
        var listingConversion = Change(listingBefore.Conversion, listingAfter.Conversion);
        var categoryConversion = Change(categoryBefore.Conversion, categoryAfter.Conversion);
        return new ContributionFigure(listingBefore, listingAfter, categoryBefore, categoryAfter,
            listingSales, categorySales, listingSales - categorySales,
            listingConversion, categoryConversion, listingConversion - categoryConversion);
    }

    /// <summary>The days compared: N days before the delivery day and N days after it (the delivery day itself is in neither).</summary>
    public static (DateOnly BeforeFrom, DateOnly BeforeTo, DateOnly AfterFrom, DateOnly AfterTo) Windows(DateOnly deliveredOn, int days = ContributionDays) =>
        (deliveredOn.AddDays(-days), deliveredOn.AddDays(-1), deliveredOn.AddDays(1), deliveredOn.AddDays(days));

    /// <summary>Whether the after-window is over by <paramref name="today"/> (a figure is final only then).</summary>
    public static bool IsComplete(DateOnly deliveredOn, DateOnly today, int days = ContributionDays) => deliveredOn.AddDays(days) < today;
}
