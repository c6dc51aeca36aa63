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
/// The live inventory alerts board: low, out, over and slow stock per warehouse. Every committed alert change on the
/// inventory board reloads it, so a shipment that crosses a reorder point shows here within moments.
/// </summary>
public sealed partial class InventoryAlertBoardPage : LiveComponent
{
    private IReadOnlyList<WarehouseRow> _warehouses = [];
    private IReadOnlyList<AlertBoardRow>? _active;
    private IReadOnlyList<AlertBoardRow>? _setAside;
    private int? _warehouse;
    private InventoryAlertKind? _kind;
    private ReloadGate? _reload;
    private MudTable<AlertBoardRow>? _table;
    private ListSort<AlertColumn> _sort = InventoryAlerts.BoardOrder;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private InventoryAlerts Alerts { get; set; } = default!;

    [Inject]
    private Domain.Org.PeopleNames People { get; set; } = default!;

    /// <summary>Who set the alerts aside, by name (the alerts store the sign-in): one lookup per load.</summary>
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

    protected override IReadOnlyList<string> LiveBoards => [Boards.Inventory];

    private IEnumerable<AlertBoardRow> Shown => _kind is { } k ? _active!.Where(a => a.Kind == k) : _active!;

    protected override async Task OnInitializedAsync()
    {
        _warehouses = await Queries.WarehousesAsync();
        await LoadAsync();
    }

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        // Movements without a change of alert leave the board as it is; alert rows are what it shows. A sweep commits
        // many alert changes at once: changes that arrive while a reload runs are folded into one more reload.
        if (change.Entity != nameof(InventoryAlert))
        {
            return;
        }
        await (_reload ??= new ReloadGate(LoadAsync, TimeSpan.Zero)).RequestAsync();
    }

    private async Task LoadAsync()
    {
        (_active, _setAside) = await Alerts.BoardAsync(_warehouse);
        _people = await People.BySignInAsync(_setAside.Select(a => a.AcknowledgedBy));
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
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

    private async Task WarehouseChanged(int? warehouse)
    {
        _warehouse = warehouse;
        await LoadAsync();
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
            await LoadAsync();
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
