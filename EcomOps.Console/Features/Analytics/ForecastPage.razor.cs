using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics.Forecast;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;

namespace EcomOps.Console.Features.Analytics;

/// <summary>
/// The business forecast of a series (revenue, orders, visitors) for a channel or the company: the last eight weeks and
/// the forecast with its interval, the back-test in words, and a stored forecast of past weeks against what happened.
/// </summary>
public partial class ForecastPage
{
    /// <summary>The history drawn before the forecast.</summary>
    private const int ShownHistoryDays = 8 * 7;

    [Inject] private BusinessForecasts Forecasts { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;

    /// <summary>A horizon given in the address (<c>?weeks=</c>); one outside 4–12 gets the rule's message, never a silent change.</summary>
    [SupplyParameterFromQuery(Name = "weeks")] public int? WeeksFromAddress { get; set; }

    private ForecastSeries _series = ForecastSeries.Revenue;
    private TrafficChannel? _channel;
    private int _weeks = 8;
    private bool _loading;
    private bool _ready;
    private ForecastView? _view;
    private IReadOnlyList<DateOnly>? _checkWeeks;
    private DateOnly _checkWeek;
    private ForecastCheck? _check;
    private List<DateOnly> _days = [];
    private List<double?> _actual = [], _predicted = [], _low = [], _high = [];
    private List<bool> _campaign = [];

    private string SeriesTitle => $"{L[$"Forecast.Series.{_series}"]} · {ScopeName(_channel)}";

    protected override async Task OnInitializedAsync()
    {
        if (WeeksFromAddress is { } weeks)
        {
            _weeks = weeks;
        }
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ready = true;
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _view = await Forecasts.ForecastAsync(_series, _channel, _weeks);
            BuildChart(_view);
            _checkWeeks = await Forecasts.CheckableWeeksAsync(_series, _channel);
            // The default check is the oldest forecast whose weeks have all had time to happen, up to four weeks back.
            _checkWeek = _checkWeeks.Contains(_checkWeek) ? _checkWeek
                : _checkWeeks.FirstOrDefault(w => w <= Time.Today.AddDays(-28), _checkWeeks.LastOrDefault());
            _check = _checkWeeks.Count > 0 ? await Forecasts.CheckAsync(_series, _channel, _checkWeek) : null;
        }
        finally
        {
            _loading = false;
        }
    }

    private void BuildChart(ForecastView view)
    {
        if (view.Result is not { } result)
        {
            return;
        }
        var shown = Math.Min(ShownHistoryDays, view.History.Count);
        var start = view.HistoryFrom.AddDays(view.History.Count - shown);
        var history = view.History.Skip(view.History.Count - shown).ToList();
        _days = [.. Enumerable.Range(0, shown).Select(start.AddDays), .. result.Points.Select(p => p.Day)];
        _actual = [.. history.Select(v => (double?)v), .. result.Points.Select(_ => (double?)null)];
        // The forecast line starts on the last actual day so the two lines join.
        _predicted = [.. history.Select((v, i) => i == shown - 1 ? (double?)v : null), .. result.Points.Select(p => (double?)p.Predicted)];
        _low = [.. history.Select(_ => (double?)null), .. result.Points.Select(p => (double?)p.Low)];
        _high = [.. history.Select(_ => (double?)null), .. result.Points.Select(p => (double?)p.High)];
        _campaign = [.. history.Select(_ => false), .. result.Points.Select(p => p.CampaignDay)];
    }

    private string ScopeName(TrafficChannel? channel) => channel is { } c ? L[$"Traffic.Channel.{c}"] : L["Forecast.WholeCompany"];

    private string Mape(double? mape) => mape is { } m ? m.ToString("0.0%", Format.Culture) : L["Forecast.NoMape"];

    private string Value(double v) => _series == ForecastSeries.Revenue ? Format.Money((decimal)Math.Round(v, 2)) : v.ToString("N0", Format.Culture);

    private Task SeriesChanged(ForecastSeries series)
    {
        _series = series;
        return LoadAsync();
    }

    private Task ChannelChanged(TrafficChannel? channel)
    {
        _channel = channel;
        return LoadAsync();
    }

    private Task WeeksChanged(int weeks)
    {
        _weeks = weeks;
        return LoadAsync();
    }

    private async Task CheckWeekChanged(DateOnly week)
    {
        _checkWeek = week;
        _check = await Forecasts.CheckAsync(_series, _channel, week);
    }
}
