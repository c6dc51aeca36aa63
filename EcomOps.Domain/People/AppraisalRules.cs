using EcomOps.Domain.Data;

namespace EcomOps.Domain.People;

public static class AppraisalErrors
{
    public const string WeightsNotHundred = "AppraisalWeightsNotHundred";
    public const string WeightRange = "AppraisalWeightRange";
    public const string FloorIsTarget = "AppraisalFloorIsTarget";
    public const string CriterionTwice = "AppraisalCriterionTwice";
    public const string ScoreRange = "AppraisalScoreRange";
    public const string AdjustmentRange = "AppraisalAdjustmentRange";
    public const string ReasonNeeded = "AppraisalReasonNeeded";
    public const string BandsOrder = "AppraisalBandsOrder";
    public const string BandsFloor = "AppraisalBandsFloor";
    public const string CoefficientRange = "AppraisalCoefficientRange";
    public const string TopShareRange = "AppraisalTopShareRange";
    public const string MetricNotOfTeam = "AppraisalMetricNotOfTeam";
    public const string NotYourStep = "AppraisalNotYourStep";
    public const string WrongStage = "AppraisalWrongStage";
    public const string CycleExists = "AppraisalCycleExists";
    public const string NoMembers = "AppraisalNoMembers";
    public const string StepsOpen = "AppraisalStepsOpen";
    public const string NotClosed = "AppraisalNotClosed";
    public const string Acknowledged = "AppraisalAcknowledged";
    public const string GoalDate = "AppraisalGoalDate";
    public const string ProgressRange = "AppraisalProgressRange";
    public const string NotYourTeam = "AppraisalNotYourTeam";
    public const string PeriodNotStarted = "AppraisalPeriodNotStarted";
    public const string CycleClosed = "AppraisalCycleClosed";
}

public enum AppraisalFrequency
{
    Monthly,
    Quarterly,
    Annual,
}

/// <summary>The steps of an appraisal, in order (§7): the employee's own view, the head's scoring, the director's calibration, the interview.</summary>
public enum AppraisalStage
{
    SelfAssessment,
    HeadScoring,
    Calibration,
    Interview,
    Closed,
}

/// <summary>Who does a step: the appraised employee, the head of their team, or the operations director.</summary>
public enum AppraisalStepOwner
{
    Employee,
    Head,
    Director,
    Nobody,
}

/// <summary>
/// A quantitative line of a template: a metric of the catalogue, scored on a straight line from no points at
/// <see cref="Floor"/> to full points at <see cref="Target"/>, capped at both ends. A metric where lower is better has its
/// floor above its target (a reply time: 0 points at 8 hours, full points at 2).
/// </summary>
public sealed record QuantitativeCriterion(string MetricKey, int WeightPercent, double Floor, double Target);

/// <summary>A qualitative line (teamwork, attitude, innovation): scored 1–5 by the head, with the employee's self-score beside it.</summary>
public sealed record QualitativeCriterion(string Key, string NameEn, string NameZh, int WeightPercent);

/// <summary>A grade and the lowest final score that earns it, with its bonus coefficient (1.0 = the standard bonus).</summary>
public sealed record GradeBand(string Grade, double MinScore, decimal BonusCoefficient);

/// <summary>A criterion's part of the total: its points (0–100), or none when the period has no figure for it.</summary>
public sealed record CriterionScore(string Key, int WeightPercent, double? Points);

/// <summary>
/// The weighted total of an appraisal's criteria (0–100). A criterion without a figure (no tickets in the period, say)
/// counts neither for nor against: the others' weights are scaled up to fill its place, and <see cref="Unscored"/> says so.
/// </summary>
public sealed record WeightedScore(double Total, IReadOnlyList<string> Unscored);

/// <summary>The appraisal rules that need no database (§7): scoring curves, weights, grades and bonuses, the order of steps.</summary>
public static class AppraisalRules
{
    public const double FullPoints = 100;
    public const int MinScale = 1;
    public const int MaxScale = 5;

    /// <summary>The director's calibration moves a score by at most this many points either way.</summary>
    public const double MaxAdjustment = 20;

    public static readonly IReadOnlyList<GradeBand> DefaultBands =
    [
        new("S", 95, 1.5m), new("A", 85, 1.2m), new("B", 70, 1.0m), new("C", 60, 0.8m), new("D", 0, 0m),
    ];

    /// <summary>At most this share of a team in the top two grades before the director is warned (forced distribution).</summary>
    public const int DefaultMaxTopSharePercent = 30;

    /// <summary>Points for a measured value on the criterion's line: 0 at the floor or worse, 100 at the target or better.</summary>
    public static double CurvePoints(double value, double floor, double target)
    {
        var share = (value - floor) / (target - floor);
        return Math.Round(Math.Clamp(share, 0, 1) * FullPoints, 2);
    }

    /// <summary>Points for a 1–5 score: a fifth of the full points per step (3, "meets expectations", is 60).</summary>
    public static double ScalePoints(int score) => FullPoints * score / MaxScale;

    public static WeightedScore Weighted(IReadOnlyList<CriterionScore> criteria)
    {
        var scored = criteria.Where(c => c.Points is not null).ToList();
        var weight = scored.Sum(c => c.WeightPercent);
        var total = weight == 0 ? 0 : scored.Sum(c => c.WeightPercent * c.Points!.Value) / weight;
        return new WeightedScore(Math.Round(total, 2), [.. criteria.Where(c => c.Points is null).Select(c => c.Key)]);
    }

    /// <summary>The score after calibration, kept within 0–100.</summary>
    public static double Calibrated(double score, double adjustment) => Math.Round(Math.Clamp(score + adjustment, 0, FullPoints), 2);

    /// <summary>The band a final score falls in (bands checked by <see cref="CheckBands"/>: highest first, the last from 0).</summary>
    public static GradeBand GradeOf(double score, IReadOnlyList<GradeBand> bands) => bands.First(b => score >= b.MinScore - 1e-9);

    /// <summary>
    /// Whether a team's grades break the forced distribution: more than <paramref name="maxTopSharePercent"/>% of its
    /// people in the two best grades. A warning to the director, never a block.
    /// </summary>
    public static bool TopHeavy(IEnumerable<string> grades, IReadOnlyList<GradeBand> bands, int maxTopSharePercent)
    {
        var list = grades.ToList();
        var top = bands.Take(2).Select(b => b.Grade).ToHashSet(StringComparer.Ordinal);
        return list.Count > 0 && list.Count(top.Contains) * 100.0 / list.Count > maxTopSharePercent;
    }

    /// <summary>Who does the step an appraisal waits for.</summary>
    public static AppraisalStepOwner OwnerOf(AppraisalStage stage) => stage switch
    {
        AppraisalStage.SelfAssessment => AppraisalStepOwner.Employee,
        AppraisalStage.HeadScoring or AppraisalStage.Interview => AppraisalStepOwner.Head,
        AppraisalStage.Calibration => AppraisalStepOwner.Director,
        _ => AppraisalStepOwner.Nobody,
    };

    public static AppraisalStage Next(AppraisalStage stage) => stage == AppraisalStage.Closed ? stage : stage + 1;

    /// <summary>The first day of the period an appraisal of <paramref name="frequency"/> covers when it includes <paramref name="day"/>, and its last day.</summary>
    public static (DateOnly First, DateOnly Last) PeriodOf(AppraisalFrequency frequency, DateOnly day)
    {
        var first = frequency switch
        {
            AppraisalFrequency.Monthly => new DateOnly(day.Year, day.Month, 1),
            AppraisalFrequency.Quarterly => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
            _ => new DateOnly(day.Year, 1, 1),
        };
        var last = frequency switch
        {
            AppraisalFrequency.Monthly => first.AddMonths(1),
            AppraisalFrequency.Quarterly => first.AddMonths(3),
            _ => first.AddYears(1),
        };
        return (first, last.AddDays(-1));
    }

    /// <summary>A template's criteria: weights of 1–100% that sum to 100%, a line that rises or falls, no criterion twice.</summary>
    public static List<FieldError> CheckTemplate(IReadOnlyList<QuantitativeCriterion> quantitative, IReadOnlyList<QualitativeCriterion> qualitative)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < quantitative.Count; i++)
        {
            var c = quantitative[i];
            if (c.WeightPercent is < 1 or > 100)
            {
                errors.Add(new FieldError($"Quantitative[{i}].WeightPercent", AppraisalErrors.WeightRange));
            }
            if (c.Floor.Equals(c.Target) || !double.IsFinite(c.Floor) || !double.IsFinite(c.Target))
            {
                errors.Add(new FieldError($"Quantitative[{i}].Target", AppraisalErrors.FloorIsTarget));
            }
            if (quantitative.Take(i).Any(o => o.MetricKey == c.MetricKey))
            {
                errors.Add(new FieldError($"Quantitative[{i}].MetricKey", AppraisalErrors.CriterionTwice));
            }
        }
        for (var i = 0; i < qualitative.Count; i++)
        {
            var c = qualitative[i];
            if (c.WeightPercent is < 1 or > 100)
            {
                errors.Add(new FieldError($"Qualitative[{i}].WeightPercent", AppraisalErrors.WeightRange));
            }
            if (string.IsNullOrWhiteSpace(c.NameEn) || string.IsNullOrWhiteSpace(c.NameZh))
            {
                errors.Add(new FieldError($"Qualitative[{i}].Name", "Required"));
            }
            if (qualitative.Take(i).Any(o => string.Equals(o.Key, c.Key, StringComparison.Ordinal)))
            {
                errors.Add(new FieldError($"Qualitative[{i}].Key", AppraisalErrors.CriterionTwice));
            }
        }
        if (quantitative.Sum(c => c.WeightPercent) + qualitative.Sum(c => c.WeightPercent) != 100)
        {
            errors.Add(new FieldError("Weights", AppraisalErrors.WeightsNotHundred));
        }
        return errors;
    }

    /// <summary>Grade bands: named, highest first with strictly falling scores, the last starting at 0, coefficients of 0–5.</summary>
    public static List<FieldError> CheckBands(IReadOnlyList<GradeBand> bands, int maxTopSharePercent)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            if (string.IsNullOrWhiteSpace(b.Grade))
            {
                errors.Add(new FieldError($"Bands[{i}].Grade", "Required"));
            }
            if (i > 0 && b.MinScore >= bands[i - 1].MinScore || b.MinScore is < 0 or > FullPoints
                || bands.Take(i).Any(o => string.Equals(o.Grade.Trim(), b.Grade.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new FieldError($"Bands[{i}].MinScore", AppraisalErrors.BandsOrder));
            }
            if (b.BonusCoefficient is < 0 or > 5)
            {
                errors.Add(new FieldError($"Bands[{i}].BonusCoefficient", AppraisalErrors.CoefficientRange));
            }
        }
        if (bands.Count == 0 || bands[^1].MinScore != 0)
        {
            errors.Add(new FieldError("Bands", AppraisalErrors.BandsFloor));
        }
        if (maxTopSharePercent is < 1 or > 100)
        {
            errors.Add(new FieldError("MaxTopSharePercent", AppraisalErrors.TopShareRange));
        }
        return errors;
    }

    /// <summary>A 1–5 score, as the employee or the head gives it.</summary>
    public static FieldError? CheckScale(string field, int? score) =>
        score is null ? new FieldError(field, "Required") : score is < MinScale or > MaxScale ? new FieldError(field, AppraisalErrors.ScoreRange) : null;

    /// <summary>The director's adjustment: at most <see cref="MaxAdjustment"/> points, and never without a reason.</summary>
    public static List<FieldError> CheckCalibration(double adjustment, string? reason)
    {
        var errors = new List<FieldError>();
        if (!double.IsFinite(adjustment) || Math.Abs(adjustment) > MaxAdjustment)
        {
            errors.Add(new FieldError("Adjustment", AppraisalErrors.AdjustmentRange));
        }
        if (adjustment != 0 && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FieldError("Reason", AppraisalErrors.ReasonNeeded));
        }
        return errors;
    }
}
