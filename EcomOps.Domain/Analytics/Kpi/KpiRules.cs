namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>How far a figure reaches its target, in colour bands.</summary>
public enum AttainmentBand
{
    Met,
    Near,
    Below,
}

/// <summary>The KPI scoring rules: attainment against a target and its band.</summary>
public static class KpiRules
{
    /// <summary>Attainment is capped so one outlier cannot dominate a total: 200%.</summary>
    public const double MaxAttainment = 2.0;

    /// <summary>At or above this, attainment is "near" (amber) rather than "below" (red).</summary>
    public const double NearThreshold = 0.9;

    /// <summary>
    /// Higher is better: actual ÷ target. Lower is better: target ÷ actual (an actual of zero meets any target fully).
    /// Null when either is missing or the target is zero for a higher-is-better metric.
    /// </summary>
    public static double? Attainment(MetricDefinition metric, double? actual, double? target)
    {
        if (actual is not { } a || target is not { } t)
        {
            return null;
        }
        double ratio;
        if (metric.HigherIsBetter)
        {
            if (t <= 0)
            {
                return null;
            }
            ratio = a / t;
        }
        else
        {
            ratio = a <= 0 ? MaxAttainment : t / a;
        }
        return Math.Clamp(ratio, 0, MaxAttainment);
    }

    /// <summary>
    /// A count each person earns on their own (orders shipped, tickets solved) has its target per person: the team's
    /// total is held to that target times the people on the sheet. Rates, averages and scores hold the team to the same
    /// target as each person.
    /// </summary>
    public static bool TargetIsPerPerson(MetricDefinition metric) => metric.PerEmployee && metric.Unit == MetricUnit.Count;

    /// <summary>The target the team's total is measured against (see <see cref="TargetIsPerPerson"/>).</summary>
    public static double? TeamTarget(MetricDefinition metric, double? target, int people) =>
        target is { } t && TargetIsPerPerson(metric) ? t * people : target;

    /// <summary>
    /// A count or an amount grows through the period, so while the period runs its target is the share of the period
    /// that has passed (a month's 300 orders are 150 on the 16th); rates, averages and scores are held to their target
    /// at any time.
    /// </summary>
    public static double? ProRated(MetricDefinition metric, double? target, double elapsedShare) =>
        target is { } t && metric.Unit is MetricUnit.Count or MetricUnit.Yuan ? t * Math.Clamp(elapsedShare, 0, 1) : target;

    /// <summary>How much of a period has passed at <paramref name="nowUtc"/>: 0 before it, 1 once it has ended.</summary>
    public static double ElapsedShare(Service.MetricPeriod period, DateTime nowUtc) =>
        nowUtc >= period.ToUtc ? 1
        : nowUtc <= period.FromUtc ? 0
        : (nowUtc - period.FromUtc) / (period.ToUtc - period.FromUtc);

    /// <summary>
    /// Whether a role earns figures of its own on a team's sheet: the administrator and the operations director lead
    /// and configure; they are not rows of a team nor counted in its per-person targets.
    /// </summary>
    public static bool EarnsFigures(string role) => role is not (Org.Roles.Admin or Org.Roles.OperationsDirector);

    public static AttainmentBand Band(double attainment) =>
        attainment >= 1 ? AttainmentBand.Met : attainment >= NearThreshold ? AttainmentBand.Near : AttainmentBand.Below;

    /// <summary>A target must be a number of zero or more; a percentage at most 100%.</summary>
    public static string? TargetError(MetricDefinition metric, double value) =>
        double.IsNaN(value) || double.IsInfinity(value) || value < 0 ? "KpiTargetNegative"
        : metric.Unit == MetricUnit.Percent && value > 1 ? "KpiTargetAbove100"
        : metric.Unit == MetricUnit.Score && value > 5 ? "KpiTargetAboveScore"
        : null;
}
