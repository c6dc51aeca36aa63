using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Inventory;

/// <summary>A purchase order: edit a draft, send it, receive goods (over-receipt only with a reason), close it.</summary>
public sealed partial class PurchaseOrderPage : LiveComponent
{
    private PurchaseOrderDetail? _order;
    private bool _notFound;
    private bool _busy;
    private string? _overReason;
    private string? _error;
    private Dictionary<int, int> _receive = [];
    private Dictionary<int, int> _offered = [];
    private bool _changedElsewhere;
    private List<BreadcrumbItem> _crumbs = [];
    private SkuChoice? _newSku;
    private int _newQuantity = 1;
    private decimal? _newUnitCost;
    private IReadOnlyList<FieldError> _fieldErrors = [];

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private StockQueries Queries { get; set; } = default!;

    [Inject]
    private PurchasingDesk Purchasing { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private Domain.Org.PeopleNames People { get; set; } = default!;

    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Inventory];

    private bool Receiving => _order?.Status is PurchaseOrderStatus.Sent or PurchaseOrderStatus.PartlyReceived;

    private int WarehouseId { get; set; }

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        if (change.IsResync && !_busy && !HasUnsavedEdits)
        {
            // Changes may have been missed while the servers could not reach each other: read the order again.
            await LoadAsync();
            return;
        }
        if (_busy || change.Entity != nameof(PurchaseOrder) || change.Key != Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return;
        }
        // Someone else changed this order: what the user has typed and not saved is never replaced without a word.
        if (HasUnsavedEdits)
        {
            _changedElsewhere = true;
            return;
        }
        await LoadAsync();
    }

    /// <summary>Quantities to receive or an over-receipt reason typed here and not saved yet.</summary>
    private bool HasUnsavedEdits =>
        !string.IsNullOrWhiteSpace(_overReason) || _receive.Any(r => _offered.GetValueOrDefault(r.Key) != r.Value);

    private async Task ReloadDiscardingEditsAsync()
    {
        _overReason = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _order = await Queries.PurchaseOrderAsync(Id);
        _people = _order is null ? _people : await People.BySignInAsync([_order.CreatedBy, .. _order.Receipts.Select(r => r.ReceivedBy)]);
        _notFound = _order is null;
        if (_order is null)
        {
            return;
        }
        WarehouseId = (await Queries.WarehousesAsync()).FirstOrDefault(w => w.Code == _order.WarehouseCode)?.Id ?? 0;
        _crumbs = [new(L["Inventory.PurchaseOrders.Title"], "/inventory/purchase-orders"), new(_order.Number, null, disabled: true)];
        // What is still outstanding is offered as the quantity to receive; the user corrects it to what arrived.
        _offered = _order.Lines.ToDictionary(l => l.Id, l => Math.Max(0, l.Ordered - l.Received));
        _receive = new Dictionary<int, int>(_offered);
        _changedElsewhere = false;
    }

    private Task SetQuantityAsync(PurchaseOrderLineRow line, int quantity) =>
        RunAsync(actor => Purchasing.SetDraftQuantityAsync(actor, Id, _order!.Version, line.Id, quantity), null);

    private async Task<IEnumerable<SkuChoice>> FindSkusAsync(string? term, CancellationToken ct) => await Queries.FindSkusAsync(term, ct: ct);

    /// <summary>A SKU chosen for a new line brings its usual cost, which the user may change.</summary>
    private void SkuChosen(SkuChoice? sku)
    {
        _newSku = sku;
        _newUnitCost = sku is null ? null : sku.UnitCostCents / 100m;
    }

    private string? FieldError(string field) =>
        _fieldErrors.FirstOrDefault(e => e.Field == field) is { } error ? L[$"Error.{error.Code}"].Value : null;

    private async Task AddLineAsync()
    {
        var cost = _newUnitCost is { } yuan ? (long?)decimal.Round(yuan * 100m) : null;
        var added = await RunAsync(actor => Purchasing.AddLineAsync(actor, Id, _order!.Version, _newSku?.Code, _newQuantity, cost),
            L["Inventory.PurchaseOrders.LineAdded"], fieldsShownInForm: ["Sku", "Quantity", "UnitCost"]);
        if (added)
        {
            _newSku = null;
            _newQuantity = 1;
            _newUnitCost = null;
        }
    }

    private Task SendAsync() => RunAsync(actor => Purchasing.SendAsync(actor, Id, _order!.Version), L["Inventory.PurchaseOrders.SentDone"]);

    private Task CloseAsync() => RunAsync(actor => Purchasing.CloseAsync(actor, Id, _order!.Version), L["Inventory.PurchaseOrders.Closed"]);

    private Task ReceiveAsync() => RunAsync(
        actor => Purchasing.ReceiveAsync(actor, Id, _order!.Version, [.. _receive.Select(r => new ReceiptLine(r.Key, r.Value))], _overReason),
        L["Inventory.PurchaseOrders.ReceivedDone"]);

    /// <returns>Whether the change was made.</returns>
    private async Task<bool> RunAsync(Func<Actor, Task<Outcome<long>>> action, string? done, IReadOnlyCollection<string>? fieldsShownInForm = null)
    {
        _busy = true;
        _error = null;
        _fieldErrors = [];
        try
        {
            var outcome = await action(Actor.From((await AuthState).User));
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    if (done is not null)
                    {
                        Snackbar.Add(done, Severity.Success);
                    }
                    _overReason = null;
                    await LoadAsync();
                    return true;
                case OutcomeKind.Invalid:
                    // A refusal that belongs to a field of the add-line form is shown under that field; any other above.
                    _fieldErrors = fieldsShownInForm is null ? [] : [.. outcome.Errors.Where(e => fieldsShownInForm.Contains(e.Field))];
                    var rest = outcome.Errors.Except(_fieldErrors).ToList();
                    _error = rest.Count == 0 ? null : string.Join(" ", rest.Select(e => L[$"Error.{e.Code}"].Value));
                    break;
                case OutcomeKind.Conflict:
                    Snackbar.Add(L["Common.Conflict"], Severity.Warning);
                    await LoadAsync();
                    break;
                default:
                    _notFound = true;
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
        return false;
    }
}
