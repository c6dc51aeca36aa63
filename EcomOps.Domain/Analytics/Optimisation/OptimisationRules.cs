using EcomOps.Domain.Analytics.Traffic;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>What a rule saw when it fired: the subject's figure, what it is set against, and the volume behind it.</summary>
public sealed record RuleEvidence(double Value, double Reference, long Volume);

/// <summary>The effect of an action: the subject's change, the reference's change over the same days, and the verdict.</summary>
public sealed record EffectMeasure(double Before, double After, double ReferenceBefore, double ReferenceAfter, double Effect, FindingOutcome Outcome);

/// <summary>
/// The optimisation rules as pure functions over figures: no database, no clock. Each returns its evidence when it fires
/// and null when it does not. Their formulas in words are <c>Optimise.Formula.{Rule}</c>.
/// </summary>
public static class OptimisationRules
{
    /// <summary>
    /// Low conversion: over the window (split in two halves, "for two weeks") the listing had at least the minimum visitors,
    /// and in each half its conversion was below the ratio of the rest of its category's conversion in that half.
    /// Evidence: the listing's and the category's conversion over the whole window, and its visitors.
    /// </summary>
    public static RuleEvidence? LowConversion(TrafficFunnel firstHalf, TrafficFunnel secondHalf, TrafficFunnel categoryFirstHalf, TrafficFunnel categorySecondHalf,
        OptimisationThresholdValues t)
    {
        var listing = firstHalf.Plus(secondHalf);
        var category = categoryFirstHalf.Plus(categorySecondHalf);
        if (listing.Visitors < t.ConversionMinVisitors || category.Conversion is not { } categoryConversion || categoryConversion <= 0)
        {
            return null;
        }
        var ratio = t.ConversionRatioPercent / 100;
        static bool Below(TrafficFunnel own, TrafficFunnel others, double ratio) =>
            own.Conversion is { } c && others.Conversion is { } o && o > 0 && c < ratio * o;
        return Below(firstHalf, categoryFirstHalf, ratio) && Below(secondHalf, categorySecondHalf, ratio)
            ? new RuleEvidence(listing.Conversion!.Value, categoryConversion, listing.Visitors)
            : null;
    }

    /// <summary>No stock: the listing had at least the minimum visitors in the last seven days and its product has no unit available.</summary>
    public static RuleEvidence? NoStock(long visitorsLastWeek, int availableUnits, OptimisationThresholdValues t) =>
        visitorsLastWeek >= t.NoStockMinVisitors && availableUnits <= 0 ? new RuleEvidence(visitorsLastWeek, availableUnits, visitorsLastWeek) : null;

    /// <summary>
    /// Complaints rising: a product's complaints of one root cause this period reach the minimum and exceed the previous
    /// period's by at least the rise (a cause new this period counts as a rise).
    /// </summary>
    public static RuleEvidence? ComplaintRise(int thisPeriod, int previousPeriod, OptimisationThresholdValues t) =>
        thisPeriod >= t.ComplaintMinCases && thisPeriod > previousPeriod && thisPeriod >= previousPeriod * (1 + t.ComplaintRisePercent / 100)
            ? new RuleEvidence(thisPeriod, previousPeriod, thisPeriod)
            : null;

    /// <summary>Uncovered segment: at least the minimum customers are at risk and no running or planned campaign addresses them.</summary>
    public static RuleEvidence? UncoveredSegment(int customersAtRisk, bool addressedByACampaign, OptimisationThresholdValues t) =>
        customersAtRisk >= t.SegmentMinCustomers && !addressedByACampaign ? new RuleEvidence(customersAtRisk, 0, customersAtRisk) : null;

    /// <summary>
    /// Forecast shortfall: the month's revenue so far plus the stored forecast for its remaining days is below the month's
    /// target by at least the shortfall. Evidence: the projection and the target (yuan).
    /// </summary>
    public static RuleEvidence? ForecastShortfall(double revenueSoFar, double forecastRest, double? target, OptimisationThresholdValues t)
    {
        if (target is not { } goal || goal <= 0)
        {
            return null;
        }
        var projected = revenueSoFar + forecastRest;
        return projected < goal * (1 - t.ShortfallPercent / 100) ? new RuleEvidence(projected, goal, (long)Math.Round(revenueSoFar)) : null;
    }

    /// <summary>
    /// Paid traffic at a loss: over the window a channel's paid sources cost at least the minimum spend, and what their
    /// paying buyers bought (buyers × the channel's average order value) returned less than break-even — the spend divided
    /// by the gross margin. Evidence: the return on ad spend (revenue ÷ spend), break-even (1 ÷ margin), and the spend
    /// (yuan). A channel without orders in the window has no average order value: its buyers cannot be valued, so the rule
    /// stays silent unless it had no paying buyer at all.
    /// </summary>
    public static RuleEvidence? PaidTrafficLoss(double spendYuan, long paidBuyers, double? averageOrderValue, OptimisationThresholdValues t)
    {
        if (spendYuan <= 0 || spendYuan < t.PaidMinSpend)
        {
            return null;
        }
        double revenue;
        if (paidBuyers == 0)
        {
            revenue = 0;
        }
        else if (averageOrderValue is { } aov && aov > 0)
        {
            revenue = paidBuyers * aov;
        }
        else
        {
            return null;
        }
        var returnOnSpend = revenue / spendYuan;
        var breakEven = BreakEven(t);
        return returnOnSpend < breakEven ? new RuleEvidence(returnOnSpend, breakEven, (long)Math.Round(spendYuan)) : null;
    }

    /// <summary>The return on ad spend at which paid buyers' margin just pays for the ads: 1 ÷ the gross margin.</summary>
    public static double BreakEven(OptimisationThresholdValues t) => 100 / t.PaidMarginPercent;

    /// <summary>
    /// The effect of an action on a conversion: the listing's change from before to after, minus its category's change over
    /// the same days (so a season that lifts every listing is not credited to the action), in percentage points. Within the
    /// minimum change either way is no change.
    /// </summary>
    public static EffectMeasure ConversionEffect(double before, double after, double categoryBefore, double categoryAfter, OptimisationThresholdValues t)
    {
        var effect = Math.Round(((after - before) - (categoryAfter - categoryBefore)) * 100, 4);
        return new EffectMeasure(before, after, categoryBefore, categoryAfter, effect, Verdict(effect, t.EffectMinPoints));
    }

    /// <summary>
    /// The effect of an action on a figure that should fall (complaints, customers at risk, visitors without stock): its
    /// relative fall in percent from before to after; within the minimum either way is no change.
    /// </summary>
    public static EffectMeasure FallEffect(double before, double after, OptimisationThresholdValues t)
    {
        var effect = before > 0 ? Math.Round((before - after) / before * 100, 4) : after > 0 ? -100 : 0;
        return new EffectMeasure(before, after, 0, 0, effect, Verdict(effect, t.EffectMinPoints));
    }

    /// <summary>The effect of an action on a figure that should rise toward a reference (revenue toward its target): the rise in percent.</summary>
    public static EffectMeasure RiseEffect(double before, double after, OptimisationThresholdValues t)
    {
        var effect = before > 0 ? Math.Round((after - before) / before * 100, 4) : after > 0 ? 100 : 0;
        return new EffectMeasure(before, after, 0, 0, effect, Verdict(effect, t.EffectMinPoints));
    }

    private static FindingOutcome Verdict(double effect, double minimum) =>
        effect > minimum ? FindingOutcome.Improved : effect < -minimum ? FindingOutcome.Worse : FindingOutcome.NoChange;
}
