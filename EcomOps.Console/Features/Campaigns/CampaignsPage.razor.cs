using System.Globalization;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Live;

namespace EcomOps.Console.Features.Campaigns;

public enum CalendarView
{
    Year,
    Month,
    List,
}

/// <summary>
/// The annual campaign plan: a year or a month as a timeline with the sales peaks marked and each campaign a bar across
/// its days, or a list; filtered by channel and type, and searched over names, codes and the lessons of past reviews.
/// </summary>
public partial class CampaignsPage
{
    private IReadOnlyList<CampaignRow>? _rows;
    private IReadOnlyList<ChannelRow> _channels = [];
    private CalendarView _view = CalendarView.Year;
    private int _year;
    private int _month;
    private int? _channelId;
    private CampaignType? _type;
    private string? _search;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Campaigns];

    protected override async Task OnInitializedAsync()
    {
        var today = Time.Today;
        (_year, _month) = (today.Year, today.Month);
        _channels = await Catalog.ChannelsAsync();
        await LoadAsync();
    }

    protected override Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes) => LoadAsync();

    private async Task LoadAsync() =>
        _rows = await Queries.ListAsync(_view == CalendarView.List && !string.IsNullOrWhiteSpace(_search) ? null : _year, _channelId, _type, _search);

    private DateOnly First => _view == CalendarView.Month ? new DateOnly(_year, _month, 1) : new DateOnly(_year, 1, 1);

    private DateOnly Last => _view == CalendarView.Month ? First.AddMonths(1).AddDays(-1) : new DateOnly(_year, 12, 31);

    private int Days => Last.DayNumber - First.DayNumber + 1;

    private string PeriodLabel => _view == CalendarView.Month
        ? First.ToString(IsChinese ? "yyyy年M月" : "MMMM yyyy", CultureInfo.CurrentCulture)
        : _year.ToString(CultureInfo.InvariantCulture);

    private static bool IsChinese => CultureInfo.CurrentCulture.Name.StartsWith("zh", StringComparison.Ordinal);

    private double Position(DateOnly date) => (date.DayNumber - First.DayNumber) / (double)Days;

    private static string Pct(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private IEnumerable<CampaignRow> Visible() => _rows!.Where(r => r.EndDate >= First && r.StartDate <= Last);

    private (double Left, double Width) Bar(CampaignRow row)
    {
        var start = row.StartDate < First ? First : row.StartDate;
        var end = row.EndDate > Last ? Last : row.EndDate;
        var left = Position(start);
        return (left, Math.Max((end.DayNumber - start.DayNumber + 1) / (double)Days, 0.004));
    }

    private IEnumerable<SalesPeak> Peaks() => SalesPeaks.Of(_year).Where(p => p.Date >= First && p.Date <= Last);

    /// <summary>The scale: the year's months, or the month's days (every day labelled on a wide screen, each fifth otherwise).</summary>
    private IEnumerable<(string Label, double Left, double Width)> Columns()
    {
        if (_view == CalendarView.Month)
        {
            for (var d = First; d <= Last; d = d.AddDays(1))
            {
                yield return (d.Day.ToString(CultureInfo.InvariantCulture), Position(d), 1.0 / Days);
            }
            yield break;
        }
        for (var m = 1; m <= 12; m++)
        {
            var first = new DateOnly(_year, m, 1);
            yield return (first.ToString(IsChinese ? "M月" : "MMM", CultureInfo.CurrentCulture), Position(first),
                DateTime.DaysInMonth(_year, m) / (double)Days);
        }
    }

    private string ChannelNames(IReadOnlyList<int> ids) =>
        string.Join(L["Common.ListSeparator"], ids.Select(id => _channels.FirstOrDefault(c => c.Id == id)?.Name ?? $"#{id}"));

    private async Task MoveAsync(int step)
    {
        if (_view == CalendarView.Month)
        {
            var next = First.AddMonths(step);
            (_year, _month) = (next.Year, next.Month);
        }
        else
        {
            _year += step;
        }
        await LoadAsync();
    }

    private async Task ViewChangedAsync(CalendarView view)
    {
        _view = view;
        await LoadAsync();
    }

    private async Task ChannelChangedAsync(int? channel)
    {
        _channelId = channel;
        await LoadAsync();
    }

    private async Task TypeChangedAsync(CampaignType? type)
    {
        _type = type;
        await LoadAsync();
    }

    private async Task SearchChangedAsync(string? search)
    {
        _search = search;
        await LoadAsync();
    }
}
