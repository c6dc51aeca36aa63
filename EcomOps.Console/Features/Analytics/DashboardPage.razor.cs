using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Live;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Analytics;

/// <summary>
/// Figures of every area (or one) for a period against a baseline, with a trend and a breakdown of the chosen metric;
/// every number opens its records. It listens to the boards its areas' sources name, so it moves as tickets change.
/// </summary>
public sealed partial class DashboardPage
{
    private const string AllAreas = "all";
    private const int RecordCap = 50;

    public enum Baseline
    {
        PreviousPeriod,
        LastYear,
    }

    [Inject] private MetricCatalogue Catalogue { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public string? Area { get; set; }

    private ReportPeriod _period = default!;
    private Baseline _baseline;
    private MetricSnapshot? _current;
    private MetricSnapshot? _baselineSnapshot;
    private MetricDefinition? _trendMetric;
    private List<ChartSeries<double>> _trendSeries = [];
    private string[] _trendLabels = [];
    private IReadOnlyList<BreakdownItem> _breakdown = [];
    private List<ChartSeries<double>> _breakdownSeries = [];
    private string[] _breakdownLabels = [];
    private bool _live;
    private bool _reloadPending;

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    protected override IReadOnlyList<string> LiveBoards => Catalogue.LiveBoardsOf(Catalogue.Areas.Select(a => a.Key));

    private IEnumerable<MetricArea> ShownAreas => Catalogue.Areas.Where(a => Area is null or AllAreas || a.Key == Area);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _period = ReportPeriod.Containing(PeriodKind.Month, Time.Today);
    }

    protected override async Task OnParametersSetAsync()
    {
        _trendMetric = null;
        await LoadAsync();
    }

    private IEnumerable<MetricDefinition> ShownMetrics => ShownAreas.SelectMany(a => Catalogue.ForArea(a.Key));

    private async Task LoadAsync()
    {
        var metrics = ShownMetrics.ToList();
        _current = await Catalogue.MeasureAsync(_period.ToUtc(Time.Zone), new MeasureOptions(true, RecordCap), metrics);
        var baseline = _baseline == Baseline.PreviousPeriod ? _period.Previous() : _period.SameLastYear();
        _baselineSnapshot = await Catalogue.MeasureAsync(baseline.ToUtc(Time.Zone), MeasureOptions.TotalsOnly, metrics);
        _live = metrics.Any(m => Catalogue.LiveBoardsOf([m.Area]).Count > 0) && _period.End > Time.Today;
        _trendMetric ??= metrics.FirstOrDefault();
        await LoadTrendAsync();
    }

    private async Task LoadTrendAsync()
    {
        if (_trendMetric is not { } metric || _current is null)
        {
            return;
        }
        var buckets = _period.Buckets();
        var previous = _baseline == Baseline.PreviousPeriod ? _period.Previous() : _period.SameLastYear();
        var baselineBuckets = previous.Buckets();
        var current = new List<double>();
        var before = new List<double>();
        // Days still to come are not plotted as zeros.
        foreach (var bucket in buckets.Where(b => !b.IsFuture(Time.Today)))
        {
            current.Add(await Catalogue.MeasureAsync(metric.Key, bucket.ToUtc(Time.Zone)) ?? 0);
        }
        foreach (var bucket in baselineBuckets.Take(buckets.Count))
        {
            before.Add(await Catalogue.MeasureAsync(metric.Key, bucket.ToUtc(Time.Zone)) ?? 0);
        }
        _trendSeries =
        [
            new ChartSeries<double> { Name = _period.Label, Data = new ChartData<double>(current) },
            new ChartSeries<double> { Name = previous.Label, Data = new ChartData<double>(before) },
        ];
        var step = Math.Max(1, buckets.Count / 10);
        _trendLabels = buckets.Select((b, i) => i % step == 0 ? b.Start.ToString(b.Kind == PeriodKind.Month ? "yyyy-MM" : "MM-dd", CultureInfo.InvariantCulture) : "").ToArray();
        _breakdown = (_current.Breakdowns.GetValueOrDefault(metric.Key) ?? []).Where(b => b.Value is not null)
            .OrderByDescending(b => b.Value).Take(15).ToList();
        _breakdownSeries = [new ChartSeries<double> { Name = metric.Name(Culture), Data = new ChartData<double>(_breakdown.Select(b => b.Value!.Value).ToList()) }];
        _breakdownLabels = _breakdown.Select(b => Enum.TryParse<TrafficChannel>(b.Label, out var channel) ? L[$"Traffic.Channel.{channel}"].Value : b.Label).ToArray();
    }

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        // A burst of ticket changes reloads once, a second after the first.
        if (!_live || _reloadPending)
        {
            return;
        }
        _reloadPending = true;
        await Task.Delay(TimeSpan.FromSeconds(1));
        _reloadPending = false;
        await LoadAsync();
    }

    private async Task TrendOfAsync(MetricDefinition metric)
    {
        _trendMetric = metric;
        _trendSeries = [];
        await LoadTrendAsync();
    }

    private void AreaChanged(string area) => Navigation.NavigateTo(area == AllAreas ? "/analytics/dashboard" : $"/analytics/dashboard/{area}");

    private async Task PeriodChanged(ReportPeriod period)
    {
        _period = period;
        await LoadAsync();
    }

    private async Task BaselineChanged(Baseline baseline)
    {
        _baseline = baseline;
        await LoadAsync();
    }

    private string ChangeText(MetricChange? change)
    {
        var against = _baseline == Baseline.PreviousPeriod ? L["Dashboard.VsPrevious"] : L["Dashboard.VsLastYear"];
        if (change is null)
        {
            return $"— {against}";
        }
        var arrow = change.Change > 0 ? "▲" : change.Change < 0 ? "▼" : "•";
        var amount = change.InPoints
            ? L["Dashboard.Points", (Math.Abs(change.Change) * 100).ToString("0.0", Culture)].Value
            : Math.Abs(change.Change).ToString("0.0%", Culture);
        return $"{arrow} {amount} {against}";
    }

    private Task ShowRecordsAsync(MetricDefinition metric) =>
        RecordsDialog.ShowAsync(Dialogs, $"{metric.Name(Culture)} · {_period.Label}", _current!.RecordsOf(metric.Key));
}
