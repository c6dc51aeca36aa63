using EcomOps.Console.Components.Shared;
using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Inventory;

/// <summary>Purchase orders: searched, sorted by any column, each order's total and the grand total of what is listed, exported.</summary>
public sealed partial class PurchaseOrdersPage : LiveComponent
{
    [Inject]
    private StockQueries Queries { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private MudTable<PurchaseOrderRow>? _table;
    private string? _search;
    private bool _finished;
    private ListSort<PurchaseOrderColumn> _sort = StockQueries.NewestPurchaseOrdersFirst;
    private int _count;
    private long _grandTotalCents;
    private ReloadGate? _reload;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Inventory];

    private PurchaseOrderFilter Filter => new(_search, _finished);

    private async Task<TableData<PurchaseOrderRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        _sort = TableSort.Of(state, StockQueries.NewestPurchaseOrdersFirst);
        var page = await Queries.PurchaseOrdersAsync(Filter, _sort, state.Page * state.PageSize, state.PageSize, ct);
        _count = page.Total;
        _grandTotalCents = page.GrandTotalCents;
        // The count and worth sit outside the table, which re-renders only itself after loading.
        StateHasChanged();
        return new TableData<PurchaseOrderRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) => Queries.ExportPurchaseOrdersAsync(Filter, _sort, text, ct);

    protected override Task OnLiveChangeAsync(LiveChange change) =>
        change.Entity == nameof(PurchaseOrder) || change.IsResync
            ? (_reload ??= new ReloadGate(ReloadAsync, TimeSpan.FromMilliseconds(300))).RequestAsync()
            : Task.CompletedTask;

    private Task NewAsync() =>
        Dialogs.ShowAsync<NewPurchaseOrderDialog>(L["Inventory.PurchaseOrders.New"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task FinishedChanged(bool value) { _finished = value; return ReloadAsync(); }
    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
