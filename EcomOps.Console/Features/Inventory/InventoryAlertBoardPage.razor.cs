using EcomOps.Console.Localization;
using EcomOps.Console.Components.Shared;
using EcomOps.Console.Live;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Inventory;

/// <summary>
/// The live inventory alerts board: low, out, over and slow stock per warehouse. It shows the alert board every viewer
/// shares (computed once per burst of alert changes), narrowed to the chosen warehouse, so a shipment that crosses a
/// reorder point shows here within moments without each open board querying for it.
/// </summary>
public sealed partial class InventoryAlertBoardPage : LiveComponent
{
    private IReadOnlyList<WarehouseRow> _warehouses = [];
    private IReadOnlyList<AlertBoardRow>? _active;
    private IReadOnlyList<AlertBoardRow>? _setAside;
    private AlertBoard? _shared;
    private int? _warehouse;
    private InventoryAlertKind? _kind;
    private MudTable<AlertBoardRow>? _table;
    private ListSort<AlertColumn> _sort = InventoryAlerts.BoardOrder;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private InventoryAlerts Alerts { get; set; } = default!;

    [Inject]
    private SharedBoard<AlertBoard> Board { get; set; } = default!;

    /// <summary>Who set the alerts aside, by name (the alerts store the sign-in): looked up once per snapshot.</summary>
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();

    [Inject]
    private StockQueries Queries { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private CompanyTime Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private IEnumerable<AlertBoardRow> Shown => _kind is { } k ? _active!.Where(a => a.Kind == k) : _active!;

    protected override async Task OnInitializedAsync()
    {
        _warehouses = await Queries.WarehousesAsync();
        await WatchAsync(Board, snapshot =>
        {
            _shared = snapshot.Value;
            Narrow();
            _ = _table?.ReloadServerData();
        });
    }

    private void Narrow()
    {
        var board = _shared!.In(_warehouse);
        (_active, _setAside, _people) = (board.Active, board.SetAside, board.People);
    }

    /// <summary>A page of the board's active rows (of the chosen kind) in the order the header asks for.</summary>
    private Task<TableData<AlertBoardRow>> PageAsync(TableState state, CancellationToken ct)
    {
        _sort = TableSort.Of(state, InventoryAlerts.BoardOrder);
        var rows = InventoryAlerts.Sort(Shown, _sort);
        return Task.FromResult(new TableData<AlertBoardRow> { Items = rows.Skip(state.Page * state.PageSize).Take(state.PageSize), TotalItems = rows.Count });
    }

    private Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) =>
        Task.FromResult(InventoryAlerts.Export(Shown, _sort, text, Time.Zone));

    private Task WarehouseChanged(int? warehouse)
    {
        _warehouse = warehouse;
        Narrow();
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task KindChanged(InventoryAlertKind? kind)
    {
        _kind = kind;
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private async Task SetAsideAsync(AlertBoardRow alert, bool snooze)
    {
        var parameters = new DialogParameters<AlertSetAsideDialog> { { d => d.Alert, alert }, { d => d.Snooze, snooze } };
        var title = snooze ? L["Inventory.Alerts.Snooze"] : L["Inventory.Alerts.Acknowledge"];
        var dialog = await Dialogs.ShowAsync<AlertSetAsideDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: AlertSetAsideDialog.Choice choice })
        {
            var actor = Actor.From((await AuthState).User);
            var outcome = choice.Duration is { } d
                ? await Alerts.SnoozeAsync(actor, alert.Id, alert.Version, d, choice.Note)
                : await Alerts.AcknowledgeAsync(actor, alert.Id, alert.Version, choice.Note);
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    Snackbar.Add(snooze ? L["Inventory.Alerts.Snoozed"] : L["Inventory.Alerts.Acknowledged"], Severity.Success);
                    break;
                case OutcomeKind.Invalid:
                    Snackbar.Add(string.Join(" ", outcome.Errors.Select(e => L[$"Error.{e.Code}"].Value)), Severity.Warning);
                    break;
                default:
                    Snackbar.Add(L["Common.Conflict"], Severity.Warning);
                    break;
            }
            // The change marked the shared board stale: this waits for the snapshot that shows it.
            _shared = (await Board.CurrentAsync()).Value;
            Narrow();
            if (_table is not null)
            {
                await _table.ReloadServerData();
            }
        }
    }

    private string Explain(AlertBoardRow a) => a.Kind switch
    {
        InventoryAlertKind.LowStock => L["Inventory.Alerts.LowExplain", a.Available, a.ReorderPoint],
        InventoryAlertKind.OutOfStock => L["Inventory.Alerts.OutExplain", a.Reserved],
        InventoryAlertKind.Overstock => L["Inventory.Alerts.OverExplain", a.OverstockExcess],
        InventoryAlertKind.CountVariance => L["Inventory.Alerts.VarianceExplain", a.Level],
        _ => L["Inventory.Alerts.SlowExplain", InventoryAlertRules.SlowMovingDays],
    };

    internal static Color KindColor(InventoryAlertKind kind) => kind switch
    {
        InventoryAlertKind.OutOfStock => Color.Error,
        InventoryAlertKind.LowStock => Color.Warning,
        InventoryAlertKind.Overstock => Color.Info,
        InventoryAlertKind.CountVariance => Color.Secondary,
        _ => Color.Default,
    };

    internal static string KindIcon(InventoryAlertKind kind) => kind switch
    {
        InventoryAlertKind.OutOfStock => Icons.Material.Filled.RemoveShoppingCart,
        InventoryAlertKind.LowStock => Icons.Material.Filled.TrendingDown,
        InventoryAlertKind.Overstock => Icons.Material.Filled.Inventory,
        InventoryAlertKind.CountVariance => Icons.Material.Filled.FactCheck,
        _ => Icons.Material.Filled.HourglassBottom,
    };
}
