using System.Globalization;
using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
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
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public string? Area { get; set; }

    private ReportPeriod _period = default!;
    private Baseline _baseline;
    private MetricSnapshot? _current;
    private MetricSnapshot? _baselineSnapshot;
    private MetricDefinition? _trendMetric;

    // The axes speak the metric's unit (¥6,719,865, 85.0%, 12.5 min). The chart's tick spacing is a whole number, so a
    // rate is plotted in percentage points and the spacing is chosen from the data (the default 20 would draw a 0–1
    // rate or a 1–5 score as a flat line on a 0–20 axis).
    private LineChartOptions TrendOptions => new() { YAxisToStringFunc = AxisText, YAxisTicks = TickSpacing(_trendSeries) };

    // Many parts (agents, say) would print their names over each other: they slant.
    private BarChartOptions BreakdownOptions => new()
    {
        YAxisToStringFunc = AxisText, YAxisTicks = TickSpacing(_breakdownSeries), XAxisLabelRotation = _breakdownLabels.Length > 6 ? 40 : 0,
    };

    private double PlotScale => _trendMetric?.Unit == MetricUnit.Percent ? 100 : 1;

    private string AxisText(double value) => MetricText.Display(_trendMetric?.Unit ?? MetricUnit.Count, value / PlotScale, Culture);

    /// <summary>About six ticks up to the largest value, each step 1, 2 or 5 times a power of ten (at least 1).</summary>
    internal static int TickSpacing(List<ChartSeries<double>> series)
    {
        var max = series.SelectMany(s => s.Data.Values).DefaultIfEmpty(0).Max();
        if (max <= 6)
        {
            return 1;
        }
        var rough = max / 6;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * power).First(s => s >= rough);
        return (int)Math.Min(int.MaxValue, step);
    }
    private List<ChartSeries<double>> _trendSeries = [];
    private string[] _trendLabels = [];

    /// <summary>The trend's last point is a bucket still running (today): it is measured so far, not whole.</summary>
    private bool _lastPointPartial;
    private IReadOnlyList<BreakdownItem> _breakdown = [];
    private List<ChartSeries<double>> _breakdownSeries = [];
    private string[] _breakdownLabels = [];
    private bool _live;
    private ReloadGate? _reload;

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
        // Known before anything is measured: the chip shows with the first figures, not after the last.
        _live = metrics.Any(m => Catalogue.LiveBoardsOf([m.Area]).Count > 0) && _period.End > Time.Today;
        _current = await Catalogue.MeasureAsync(_period.ToUtc(Time.Zone), new MeasureOptions(true, RecordCap), metrics);
        var baseline = _baseline == Baseline.PreviousPeriod ? _period.Previous() : _period.SameLastYear();
        _baselineSnapshot = await Catalogue.MeasureAsync(_period.ComparableBaselineUtc(baseline, Time.Zone, Time.UtcNow), MeasureOptions.TotalsOnly, metrics);
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
        // Days still to come are not plotted as zeros.
        var plotted = buckets.Where(b => !b.IsFuture(Time.Today)).ToList();
        var measured = (await Catalogue.SeriesAsync(metric.Key, plotted.Select(b => b.ToUtc(Time.Zone)).ToList())).ToList();
        // Days nothing has been reported for yet (today's platform traffic arrives tomorrow) are not plotted either: a
        // line falling to zero there reads as a collapse.
        while (measured.Count > 1 && measured[^1] is null)
        {
            measured.RemoveAt(measured.Count - 1);
            plotted.RemoveAt(plotted.Count - 1);
        }
        var current = measured.Select(v => v ?? 0).ToList();
        _lastPointPartial = plotted.Count > 0 && plotted[^1].End > Time.Today;
        var before = (await Catalogue.SeriesAsync(metric.Key, baselineBuckets.Take(buckets.Count).Select(b => b.ToUtc(Time.Zone)).ToList()))
            .Select(v => v ?? 0).ToList();
        _trendSeries =
        [
            new ChartSeries<double> { Name = Format.Period(_period), Data = new ChartData<double>(current.Select(v => v * PlotScale).ToList()) },
            new ChartSeries<double> { Name = Format.Period(previous), Data = new ChartData<double>(before.Select(v => v * PlotScale).ToList()) },
        ];
        var step = Math.Max(1, buckets.Count / 10);
        _trendLabels = buckets.Select((b, i) => i % step == 0 ? Format.AxisLabel(b) : "").ToArray();
        _breakdown = (_current.Breakdowns.GetValueOrDefault(metric.Key) ?? []).Where(b => b.Value is not null)
            .OrderByDescending(b => b.Value).Take(15).ToList();
        _breakdownSeries = [new ChartSeries<double> { Name = metric.Name(Culture), Data = new ChartData<double>(_breakdown.Select(b => b.Value!.Value * PlotScale).ToList()) }];
        _breakdownLabels = _breakdown.Select(b => L.PlatformOr(b.Label)).ToArray();
    }

    // A burst of ticket changes reloads once, a second after the first (and once more if changes arrive meanwhile).
    protected override Task OnLiveChangeAsync(LiveChange change) =>
        _live ? (_reload ??= new ReloadGate(LoadAsync, TimeSpan.FromSeconds(1))).RequestAsync() : Task.CompletedTask;

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
        RecordsDialog.ShowAsync(Dialogs, $"{metric.Name(Culture)} · {Format.Period(_period)}", _current!.RecordsOf(metric.Key));
}
