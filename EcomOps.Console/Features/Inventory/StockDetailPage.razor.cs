using System.Globalization;
using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Inventory;

/// <summary>One SKU in one warehouse: its figures, its stock policy (with the reorder-point formula) and its ledger.</summary>
public sealed partial class StockDetailPage : LiveComponent
{
    private StockDetail? _detail;
    private DemandView? _demand;
    private bool _notFound;
    private bool _busy;
    private StockPolicyForm _form = new();
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<SupplierRow> _suppliers = [];
    private List<BreadcrumbItem> _crumbs = [];

    [Parameter]
    public int SkuId { get; set; }

    [Parameter]
    public int WarehouseId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private StockQueries Queries { get; set; } = default!;

    [Inject]
    private StockPolicies Policies { get; set; } = default!;

    [Inject]
    private SupplierDirectory Suppliers { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private Domain.Org.PeopleNames People { get; set; } = default!;

    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Inventory];

    protected override async Task OnParametersSetAsync()
    {
        _suppliers = await Suppliers.ListAsync();
        await LoadAsync(resetForm: true);
    }

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        if (!_busy && (change.IsResync || change.Entity is nameof(StockMovement) or nameof(PurchaseOrder)))
        {
            await LoadAsync(resetForm: false);
        }
    }

    private async Task LoadAsync(bool resetForm)
    {
        _detail = await Queries.DetailAsync(SkuId, WarehouseId);
        _notFound = _detail is null;
        if (_detail is null)
        {
            return;
        }
        _people = await People.BySignInAsync(_detail.Movements.Select(m => m.ActorName)
            .Concat(_detail.Movements.Select(m => m.Reason is { } r && CountVariance().Match(r) is { Success: true } v ? v.Groups[1].Value : null)));
        _crumbs = [new(L["Inventory.Stock.Title"], "/inventory/stock"), new(_detail.Stock.Code, null, disabled: true)];
        _demand = await Queries.DemandAsync(SkuId, WarehouseId, Clock.GetUtcNow().UtcDateTime);
        if (resetForm)
        {
            _form = new StockPolicyForm
            {
                SupplierId = _detail.SupplierId,
                ManualReorderPoint = _detail.ManualReorderPoint,
                SafetyStock = _detail.SafetyStock,
                MaxStock = _detail.Stock.MaxStock,
            };
            _errors = [];
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Policies.SaveAsync(Actor.From((await AuthState).User), SkuId, WarehouseId, _detail!.PolicyVersion, _form);
            _errors = outcome.Errors;
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    Snackbar.Add(L["Inventory.Policy.Saved"], Severity.Success);
                    await LoadAsync(resetForm: true);
                    break;
                case OutcomeKind.Conflict:
                    Snackbar.Add(L["Common.Conflict"], Severity.Warning);
                    await LoadAsync(resetForm: true);
                    break;
                case OutcomeKind.Invalid:
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
    }

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? L[$"Error.{e.Code}"].Value : null;

    private static string Signed(int value) => value == 0 ? "·" : value.ToString("+#;−#", CultureInfo.InvariantCulture);

    private string Money(long cents) => Format.Money(cents / 100m);

    /// <summary>The reasons the console itself writes to the ledger, in the reader's words; a typed reason as typed.</summary>
    private string Reason(string reason) => reason switch
    {
        "cancelled" => L["Inventory.Ledger.Reason.Cancelled"],
        "moved to another warehouse" => L["Inventory.Ledger.Reason.MovedWarehouse"],
        _ when CountVariance().Match(reason) is { Success: true } count => L["Inventory.Ledger.Reason.CountVariance", L.Person(_people, count.Groups[1].Value)],
        _ => reason,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^count variance \((.+)\)$")]
    private static partial System.Text.RegularExpressions.Regex CountVariance();
}
