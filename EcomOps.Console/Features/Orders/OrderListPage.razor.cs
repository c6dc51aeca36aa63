using EcomOps.Console.Components.Shared;
using EcomOps.Console.Live;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Orders;

public sealed partial class OrderListPage : LiveComponent
{
    private MudTable<OrderRow>? _table;
    private IReadOnlyList<SalesChannel> _channels = [];
    private string? _search;
    private OrderStatus? _status;
    private int? _channel;
    private DateTime? _from;
    private DateTime? _to;
    private ListSort<OrderColumn> _sort = OrderQueries.NewestFirst;
    private bool _moreThanTotal;
    private PromiseState? _promise;
    private HoldReason? _reason;
    private int? _hour;

    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = "channel")]
    public int? ChannelQuery { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "hour")]
    public int? HourQuery { get; set; }

    [SupplyParameterFromQuery(Name = "promise")]
    public string? PromiseQuery { get; set; }

    [SupplyParameterFromQuery(Name = "reason")]
    public string? ReasonQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? SearchQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _channels = await Queries.ChannelsAsync();
        _status = Enum.TryParse<OrderStatus>(StatusQuery, out var status) ? status : null;
        _promise = Enum.TryParse<PromiseState>(PromiseQuery, out var promise) ? promise : null;
        _reason = Enum.TryParse<HoldReason>(ReasonQuery, out var reason) ? reason : null;
        _channel = ChannelQuery;
        _search = SearchQuery;
        if (DateOnly.TryParse(FromQuery, System.Globalization.CultureInfo.InvariantCulture, out var from))
        {
            _from = _to = from.ToDateTime(TimeOnly.MinValue);
            _hour = HourQuery is >= 0 and < 24 ? HourQuery : null;
        }
    }

    private OrderFilter Filter => new(_search, _status, _channel, ToDate(_from), ToDate(_to), _reason, _promise, _hour);

    private async Task<TableData<OrderRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        _sort = TableSort.Of(state, OrderQueries.NewestFirst);
        var page = await Queries.ListAsync(Filter, _sort, state.Page * state.PageSize, state.PageSize, ct);
        _onPage = page.Rows.Select(r => r.Id).ToHashSet();
        _changes = new OrderListChanges(Filter, _sort);
        if (_moreThanTotal != page.MoreThanTotal)
        {
            // The pager's wording is the page's: render it too when it flips.
            _moreThanTotal = page.MoreThanTotal;
            StateHasChanged();
        }
        return new TableData<OrderRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) => Queries.ExportAsync(Filter, _sort, text, ct);

    private static DateOnly? ToDate(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task StatusChanged(OrderStatus? value) { _status = value; return ReloadAsync(); }
    private Task ChannelChanged(int? value) { _channel = value; return ReloadAsync(); }
    private Task FromChanged(DateTime? value) { _from = value; _hour = null; return ReloadAsync(); }
    private Task ToChanged(DateTime? value) { _to = value; _hour = null; return ReloadAsync(); }

    private Task ClearAsync(Action clear)
    {
        clear();
        return ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private ReloadGate? _reload;
    private HashSet<int> _onPage = [];
    private OrderListChanges? _changes;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Orders];

    // The table re-renders itself when it reloads; a change that cannot touch the page costs the tab nothing.
    protected override bool RendersOnEveryChange => false;

    // New orders and changes that can touch the page show without a refresh, with the filters the user has; a burst
    // (a batch of 500) reloads once, and changes to orders the page does not show reload nothing.
    protected override Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes) =>
        _changes is { } concerned && changes.Any(c => concerned.Concerns(c, _onPage.Contains))
            ? (_reload ??= new ReloadGate(ReloadAsync, TimeSpan.FromMilliseconds(300))).RequestAsync()
            : Task.CompletedTask;
}
