using EcomOps.Domain.Service;

namespace EcomOps.Domain.Analytics;

/// <summary>
/// The extension point of the metric catalogue: an area declares its metrics and answers them for a period from one
/// query. Register it with <c>services.AddSingleton&lt;IMetricSource, MySource&gt;()</c>; the catalogue, dashboards,
/// KPI sheets and workbooks pick it up without any other change.
/// </summary>
public interface IMetricSource
{
    MetricArea Area { get; }

    IReadOnlyList<MetricDefinition> Metrics { get; }

    /// <summary>The live boards whose changes move this source's figures; dashboards refresh on them.</summary>
    IReadOnlyList<string> LiveBoards => [];

    Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct);

    /// <summary>
    /// One metric's total for each of <paramref name="buckets"/> (a trend). By default each bucket is measured alone;
    /// a source whose load is costly may load the whole span once, as long as each figure stays what measuring its
    /// bucket alone gives.
    /// </summary>
    Task<IReadOnlyList<double?>> MeasureSeriesAsync(string metric, IReadOnlyList<MetricPeriod> buckets, CancellationToken ct) =>
        MetricSeries.ByBucketAsync(this, metric, buckets, ct);
}

public static class MetricSeries
{
    /// <summary>Measures one metric for each bucket separately (each with only that metric asked for).</summary>
    public static async Task<IReadOnlyList<double?>> ByBucketAsync(IMetricSource source, string metric, IReadOnlyList<MetricPeriod> buckets, CancellationToken ct)
    {
        var options = MeasureOptions.TotalsOnly with { Only = new HashSet<string> { metric } };
        var values = new List<double?>(buckets.Count);
        foreach (var bucket in buckets)
        {
            values.Add((await source.MeasureAsync(bucket, options, ct)).Total(metric));
        }
        return values;
    }
}

/// <param name="PerEmployee">Also measure each employee (KPI sheets), not only the totals.</param>
/// <param name="RecordCap">How many records behind each figure to list (0: none).</param>
/// <param name="Only">The metrics asked for (null: all the source has). A source may skip the queries of the others;
/// one that ignores it is still right, only slower (a dashboard's day-by-day trend measures one metric per day).</param>
public sealed record MeasureOptions(bool PerEmployee, int RecordCap, IReadOnlySet<string>? Only = null)
{
    public static readonly MeasureOptions TotalsOnly = new(false, 0);

    public bool Wants(string metric) => Only is null || Only.Contains(metric);

    public bool WantsAny(params string[] metrics) => metrics.Any(Wants);
}

/// <summary>A figure of the snapshot: a metric for the whole company/team (EmployeeId null) or for one employee.</summary>
public sealed record MetricCell(string Metric, int? EmployeeId);

/// <summary>A record behind a figure: a ticket, a case, a traffic day. <see cref="Link"/> opens it in the console.</summary>
public sealed record MetricRecord(string Reference, DateTime AtUtc, string Detail, string? Link);

/// <summary>The records behind one figure: how many there are, and the first ones up to the cap.</summary>
public sealed record MetricRecords(int Total, IReadOnlyList<MetricRecord> Shown);

/// <summary>A labelled part of a total (per channel, per agent) for breakdown charts.</summary>
public sealed record BreakdownItem(string Label, double? Value);

/// <summary>The figures of one or more sources for one period.</summary>
public sealed class MetricSnapshot(MetricPeriod period)
{
    public MetricPeriod Period { get; } = period;

    public Dictionary<MetricCell, double?> Values { get; } = [];

    public Dictionary<MetricCell, MetricRecords> Records { get; } = [];

    public Dictionary<string, IReadOnlyList<BreakdownItem>> Breakdowns { get; } = [];

    public double? Total(string metric) => Values.GetValueOrDefault(new MetricCell(metric, null));

    public double? Of(string metric, int employeeId) => Values.GetValueOrDefault(new MetricCell(metric, employeeId));

    public MetricRecords RecordsOf(string metric, int? employeeId = null) =>
        Records.GetValueOrDefault(new MetricCell(metric, employeeId)) ?? new MetricRecords(0, []);

    public void Add(MetricSnapshot other)
    {
        foreach (var (k, v) in other.Values)
        {
            Values[k] = v;
        }
        foreach (var (k, v) in other.Records)
        {
            Records[k] = v;
        }
        foreach (var (k, v) in other.Breakdowns)
        {
            Breakdowns[k] = v;
        }
    }
}
