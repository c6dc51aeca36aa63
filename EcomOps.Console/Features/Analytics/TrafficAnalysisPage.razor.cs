using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Analytics;

/// <summary>
/// Traffic and conversion by source and by channel over the last days, and each listing's funnel (visitors → add to cart →
/// paying buyers) beside its sales from orders. Every figure opens the imported rows or the orders behind it.
/// </summary>
public partial class TrafficAnalysisPage
{
    private static readonly int[] DayChoices = [7, 30, 90];

    [Inject] private TrafficInsights Insights { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private int _days = 30;
    private int _tab;
    private TrafficChannel? _channel;
    private TrafficGrouping _grouping = TrafficGrouping.Source;
    private ListingFunnelSort _sort = ListingFunnelSort.Visitors;
    private string? _search;
    private bool _loading;
    private bool _ready;
    private SourceBoard? _board;
    private IReadOnlyList<ListingFunnelRow>? _funnels;
    private int _funnelTotal;
    private ListingFunnelRow? _selected;
    private List<ChartSeries<double>> _visitorSeries = [];
    private List<ChartSeries<double>> _conversionSeries = [];
    private string[] _labels = [];
    private LineChartOptions _countOptions = new();
    private LineChartOptions _percentOptions = new();

    /// <summary>Conversion is plotted in tenths of a percent, so that its axis can step by 0.1% (MudChart's ticks are whole numbers).</summary>
    private const double PerMille = 1000;

    private DateOnly To => Time.Today.AddDays(-1);

    private DateOnly From => To.AddDays(1 - _days);

    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    protected override Task OnInitializedAsync() => LoadAsync();

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
            if (_tab == 0)
            {
                _board = await Insights.SourcesAsync(From, To, _grouping, _channel);
                BuildCharts(_board);
            }
            else
            {
                var (rows, total) = await Insights.ListingFunnelsAsync(From, To, null, _search, _sort, platform: _channel);
                (_funnels, _funnelTotal) = (rows, total);
                _selected = _selected is { } s ? rows.FirstOrDefault(r => r.ListingId == s.ListingId) ?? rows.FirstOrDefault() : rows.FirstOrDefault();
            }
        }
        finally
        {
            _loading = false;
        }
    }

    private void BuildCharts(SourceBoard board)
    {
        // Gaps (a day without a report) are drawn as zero: MudChart has no gaps; the table's figures are exact.
        _visitorSeries = board.Series.Select(s => new ChartSeries<double>
        {
            Name = GroupName(s.Group), Data = new ChartData<double>(s.Visitors.Select(v => (double)(v ?? 0)).ToList()),
        }).ToList();
        _conversionSeries = board.Series.Select(s => new ChartSeries<double>
        {
            Name = GroupName(s.Group), Data = new ChartData<double>(s.Conversion.Select(v => (v ?? 0) * PerMille).ToList()),
        }).ToList();
        _countOptions = new LineChartOptions
        {
            YAxisToStringFunc = v => v.ToString("N0", CultureInfo.CurrentCulture), YAxisTicks = DashboardPage.TickSpacing(_visitorSeries),
        };
        _percentOptions = new LineChartOptions
        {
            YAxisToStringFunc = v => (v / PerMille).ToString("0.0%", CultureInfo.CurrentCulture), YAxisTicks = DashboardPage.TickSpacing(_conversionSeries),
        };
        var step = Math.Max(1, board.Days.Count / 10);
        _labels = board.Days.Select((d, i) => i % step == 0 ? d.ToString(Chinese ? "MM/dd" : "dd MMM", Format.Culture) : "").ToArray();
    }

    private Task DaysChanged(int days)
    {
        _days = days;
        return LoadAsync();
    }

    private Task ChannelChanged(TrafficChannel? channel)
    {
        _channel = channel;
        return LoadAsync();
    }

    private Task GroupingChanged(TrafficGrouping grouping)
    {
        _grouping = grouping;
        return LoadAsync();
    }

    private Task TabChanged(int tab)
    {
        _tab = tab;
        return LoadAsync();
    }

    private Task SearchChanged(string? text)
    {
        _search = text;
        return LoadAsync();
    }

    private Task SortChanged(ListingFunnelSort sort)
    {
        _sort = sort;
        return LoadAsync();
    }

    private string GroupName(string group) => _grouping == TrafficGrouping.Source ? L[$"Traffic.SourceKind.{group}"] : L[$"Traffic.Channel.{group}"];

    private static string Percent(double? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.CurrentCulture) : "—";

    /// <summary>Yuan: whole above a hundred, with fen below (a cost per buyer); a dash where nothing was reported.</summary>
    private static string Money(double? yuan) => yuan is { } y ? "¥" + y.ToString(y >= 100 ? "#,##0" : "0.00", CultureInfo.CurrentCulture) : "—";

    private static double Width(long value, long of) => of > 0 ? Math.Min(100, 100.0 * value / of) : 0;

    private IEnumerable<(string Label, long Value, string Rate)> Steps(ListingFunnelRow row)
    {
        yield return (L["Traffic.Visitors"], row.Funnel.Visitors, "");
        yield return (L["TrafficAnalysis.AddToCart"], row.Funnel.AddToCart, row.Funnel.CartRate is { } c ? $"({L["TrafficAnalysis.OfVisitors", Percent(c)]})" : "");
        yield return (L["TrafficAnalysis.PayingBuyers"], row.Funnel.PayingBuyers, row.Funnel.Conversion is { } v ? $"({L["TrafficAnalysis.OfVisitors", Percent(v)]})" : "");
    }

    private async Task OpenSourceRowsAsync(string? group)
    {
        TrafficSource? source = null;
        var channel = _channel;
        if (group is not null && _grouping == TrafficGrouping.Source)
        {
            source = Enum.Parse<TrafficSource>(group);
        }
        else if (group is not null)
        {
            channel = Enum.Parse<TrafficChannel>(group);
        }
        var records = await Insights.SourceRecordsAsync(From, To, channel, source);
        await RecordsDialog.ShowAsync(Dialogs, group is null ? L["TrafficAnalysis.Total"] : GroupName(group), records);
    }

    private async Task OpenListingTrafficAsync(ListingFunnelRow row) =>
        await RecordsDialog.ShowAsync(Dialogs, L["TrafficAnalysis.TrafficRowsOf", row.Title], await Insights.ListingTrafficRecordsAsync(row.ListingId, From, To));

    private async Task OpenListingOrdersAsync(ListingFunnelRow row) =>
        await RecordsDialog.ShowAsync(Dialogs, L["TrafficAnalysis.OrdersOf", row.Title], await Insights.ListingOrderRecordsAsync(row.ListingId, From, To));
}
