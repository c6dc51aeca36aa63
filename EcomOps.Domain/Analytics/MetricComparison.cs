namespace EcomOps.Domain.Analytics;

/// <summary>How a figure moved against a baseline (previous period, same period last year).</summary>
/// <param name="Change">For percentages the difference in percentage points (0.021 = +2.1 pt); otherwise the relative change (0.1 = +10%).</param>
/// <param name="Better">Whether the move is an improvement given the metric's direction; null when it did not move.</param>
public sealed record MetricChange(double Change, bool InPoints, bool? Better);

public static class MetricComparison
{
    /// <summary>Null when either figure is missing, or the baseline is zero for a relative change.</summary>
    public static MetricChange? Compare(MetricDefinition metric, double? current, double? baseline)
    {
        if (current is not { } c || baseline is not { } b)
        {
            return null;
        }
        var points = metric.Unit == MetricUnit.Percent;
        if (!points && b == 0)
        {
            return null;
        }
        var change = points ? c - b : (c - b) / Math.Abs(b);
        bool? better = c == b ? null : (c > b) == metric.HigherIsBetter;
        return new MetricChange(change, points, better);
    }
}
