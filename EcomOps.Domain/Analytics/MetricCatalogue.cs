using EcomOps.Domain.Org;
using EcomOps.Domain.Service;

namespace EcomOps.Domain.Analytics;

/// <summary>
/// Every metric of every area, in one place: it enumerates the registered <see cref="IMetricSource"/>s, so an area
/// adds its metrics by registering a source and touches nothing else.
/// </summary>
public sealed class MetricCatalogue
{
    private readonly IReadOnlyList<IMetricSource> _sources;
    private readonly Dictionary<string, (MetricDefinition Metric, IMetricSource Source)> _byKey;

    public MetricCatalogue(IEnumerable<IMetricSource> sources)
    {
        _sources = sources.OrderBy(s => s.Area.Order).ThenBy(s => s.Area.Key, StringComparer.Ordinal).ToList();
        _byKey = [];
        foreach (var source in _sources)
        {
            foreach (var metric in source.Metrics)
            {
                if (metric.Area != source.Area.Key)
                {
                    throw new InvalidOperationException($"Metric {metric.Key} says area {metric.Area} but comes from {source.Area.Key}.");
                }
                if (!_byKey.TryAdd(metric.Key, (metric, source)))
                {
                    throw new InvalidOperationException($"Metric {metric.Key} is declared twice.");
                }
            }
        }
    }

    public IReadOnlyList<MetricArea> Areas => _sources.Select(s => s.Area).ToList();

    public IReadOnlyList<MetricDefinition> Metrics => _sources.SelectMany(s => s.Metrics).ToList();

    public IReadOnlyList<MetricDefinition> ForArea(string area) => Metrics.Where(m => m.Area == area).ToList();

    public IReadOnlyList<MetricDefinition> ForTeam(Team team) => Metrics.Where(m => m.Team == team).ToList();

    /// <summary>The live boards of the areas' sources: a dashboard of these areas refreshes when they change.</summary>
    public IReadOnlyList<string> LiveBoardsOf(IEnumerable<string> areas)
    {
        var wanted = areas.ToHashSet();
        return _sources.Where(s => wanted.Contains(s.Area.Key)).SelectMany(s => s.LiveBoards).Distinct().ToList();
    }

    public MetricDefinition? Find(string key) => _byKey.TryGetValue(key, out var entry) ? entry.Metric : null;

    /// <summary>Measures the period with the sources that own at least one of <paramref name="metrics"/> (all when null).</summary>
    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, IEnumerable<MetricDefinition>? metrics = null, CancellationToken ct = default)
    {
        var wanted = metrics?.Select(m => m.Key).ToHashSet();
        var chosen = _sources.Where(s => wanted is null || s.Metrics.Any(m => wanted.Contains(m.Key))).ToList();
        // The areas are measured at the same time, each on its own connection: SQLite readers do not wait for each
        // other (WAL), and Microsoft.Data.Sqlite runs its "async" calls synchronously, so only separate threads
        // overlap them. Each gets a thread of its own: on the thread pool, areas that hold their thread for seconds
        // waited for the pool to grow, and a cold process measured them one after another. The snapshot is put
        // together in the catalogue's order, whichever finishes first.
        var parts = chosen.Count == 1
            ? [await chosen[0].MeasureAsync(period, options, ct)]
            : await Task.WhenAll(chosen.Select(source =>
                Task.Factory.StartNew(() => source.MeasureAsync(period, options, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));
        var snapshot = new MetricSnapshot(period);
        foreach (var part in parts)
        {
            snapshot.Add(part);
        }
        return snapshot;
    }

    /// <summary>One metric's total over a period, from its source's query.</summary>
    public async Task<double?> MeasureAsync(string key, MetricPeriod period, CancellationToken ct = default) =>
        (await SeriesAsync(key, [period], ct))[0];

    /// <summary>One metric's total for each bucket (a trend's days), as its source best measures a series.</summary>
    public Task<IReadOnlyList<double?>> SeriesAsync(string key, IReadOnlyList<MetricPeriod> buckets, CancellationToken ct = default) =>
        _byKey[key].Source.MeasureSeriesAsync(key, buckets, ct);
}
