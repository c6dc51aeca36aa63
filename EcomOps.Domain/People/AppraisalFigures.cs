using EcomOps.Domain.Analytics;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.People;

/// <summary>
/// The quantitative half of an appraisal, measured by the metric catalogue exactly as the team's KPI sheet measures
/// the same period: a figure each person earns is theirs, a team figure (sales, traffic) is the team's for everyone on
/// it. Each line keeps its points on the criterion's line and the first records behind the figure.
/// </summary>
public sealed class AppraisalFigures(MetricCatalogue catalogue, CompanyTime time)
{
    /// <summary>How many records behind each figure an appraisal keeps.</summary>
    public const int RecordCap = 20;

    public static ReportPeriod PeriodOf(AppraisalCycle cycle) => ReportPeriod.Containing(cycle.Frequency switch
    {
        AppraisalFrequency.Monthly => PeriodKind.Month,
        AppraisalFrequency.Quarterly => PeriodKind.Quarter,
        _ => PeriodKind.Year,
    }, cycle.PeriodStart);

    /// <summary>
    /// Within <see cref="RememberMeasurements"/>, one measurement per team, frequency, period and criteria serves every
    /// step: for the demo generator, which walks whole past cycles through the desk while no data changes. Anywhere else
    /// each step measures the live data afresh.
    /// </summary>
    private static readonly AsyncLocal<Dictionary<string, MetricSnapshot>?> Remembered = new();

    public static IDisposable RememberMeasurements()
    {
        var previous = Remembered.Value;
        Remembered.Value = [];
        return new Forget(previous);
    }

    private sealed class Forget(Dictionary<string, MetricSnapshot>? previous) : IDisposable
    {
        public void Dispose() => Remembered.Value = previous;
    }

    /// <summary>The lines of each of <paramref name="employeeIds"/> for the cycle's period, from one measurement.</summary>
    public async Task<Dictionary<int, List<QuantitativeLine>>> MeasureAsync(AppraisalCycle cycle, IReadOnlyCollection<int> employeeIds, CancellationToken ct)
    {
        var criteria = cycle.Quantitative;
        var metrics = criteria.Select(c => catalogue.Find(c.MetricKey)).OfType<MetricDefinition>().ToList();
        var period = PeriodOf(cycle);
        var key = $"{cycle.Team}|{cycle.Frequency}|{cycle.PeriodStart:O}|{string.Join(",", criteria.Select(c => c.MetricKey))}";
        MetricSnapshot? snapshot = null;
        if (Remembered.Value?.TryGetValue(key, out var remembered) != true)
        {
            snapshot = metrics.Count == 0 || period.IsFuture(time.Today)
                ? new MetricSnapshot(period.ToUtc(time.Zone))
                : await catalogue.MeasureAsync(period.ToUtc(time.Zone), new MeasureOptions(true, RecordCap), metrics, ct);
            Remembered.Value?.TryAdd(key, snapshot);
        }
        else
        {
            snapshot = remembered!;
        }
        return employeeIds.ToDictionary(id => id, id => criteria.Select(c =>
        {
            var metric = catalogue.Find(c.MetricKey);
            var owner = metric is { PerEmployee: true } ? id : (int?)null;
            var value = metric is null ? null : owner is { } person ? snapshot.Of(c.MetricKey, person) : snapshot.Total(c.MetricKey);
            var records = snapshot.RecordsOf(c.MetricKey, owner);
            return new QuantitativeLine(c.MetricKey, value, value is { } v ? AppraisalRules.CurvePoints(v, c.Floor, c.Target) : null, records.Total,
                [.. records.Shown.Select(r => new MetricRecordCopy(r.Reference, r.AtUtc, r.Detail, r.Link))]);
        }).ToList());
    }

    /// <summary>
    /// The weighted score of an appraisal: its measured lines and the head's 1–5 scores, each with the weight the cycle's
    /// template gives it. A criterion with no figure or no score yet is set aside (see <see cref="AppraisalRules.Weighted"/>).
    /// </summary>
    public static WeightedScore Score(AppraisalCycle cycle, IReadOnlyList<QuantitativeLine> quantitative, IReadOnlyList<QualitativeLine> qualitative)
    {
        var parts = cycle.Quantitative.Select(c => new CriterionScore(c.MetricKey, c.WeightPercent, quantitative.FirstOrDefault(l => l.MetricKey == c.MetricKey)?.Points))
            .Concat(cycle.Qualitative.Select(c => new CriterionScore(c.Key, c.WeightPercent,
                qualitative.FirstOrDefault(l => l.Key == c.Key)?.HeadScore is { } s ? AppraisalRules.ScalePoints(s) : null)))
            .ToList();
        return AppraisalRules.Weighted(parts);
    }
}
