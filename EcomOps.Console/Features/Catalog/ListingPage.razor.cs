using EcomOps.Console.Localization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// One listing: its content and channel prices, its completeness for the channel, and the state actions the user's
/// role allows. Why an approval would be refused (incomplete, four-eyes) is asked of the desk's rule and shown before anyone clicks.
/// </summary>
public sealed partial class ListingPage
{
    private ListingDetail? _detail;
    private ListingForm _form = new();
    private Dictionary<int, decimal?> _prices = [];
    private Actor _actor = new(null, "anonymous", []);
    private bool _mayEditProduct;
    private bool _editable;
    private string? _approvalRefusal;
    private ListingState? _pending;
    private IReadOnlyList<FieldError> _errors = [];
    private List<BreadcrumbItem> _crumbs = [];
    private bool _notFound;
    private bool _conflict;
    private bool _busy;

    /// <summary>The texts as saved, which the audit's findings speak of (the form holds what is being typed).</summary>
    private (string? Title, string? SellingPoints, string? Description) _saved;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private ListingQueries Queries { get; set; } = default!;

    [Inject]
    private ListingDesk Desk { get; set; } = default!;

    [Inject]
    private EcomOps.Domain.Catalog.Compliance.ComplianceQueries Findings { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthState).User);
        _mayEditProduct = _actor.May(Permissions.ManageCatalog);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _conflict = false;
        _errors = [];
        _pending = null;
        _detail = await Queries.ListingAsync(Id);
        _notFound = _detail is null;
        if (_detail is { } d)
        {
            _form = d.Form;
            _saved = (d.Form.Title, d.Form.SellingPoints ?? d.ProductSellingPoints, d.Form.Description ?? d.ProductDescription);
            _prices = d.Skus.ToDictionary(s => s.SkuId, s => s.ChannelPriceCents is { } c ? c / 100m : (decimal?)null);
            _editable = ListingStates.CanEdit(d.State) && _actor.May(Permissions.EditListings);
            await RefreshApprovalAsync();
        }
        _crumbs = [new(L["Listing.Title"], "/catalog/listings"), new(_detail?.Form.Title ?? L["Listing.NotFound"], null, disabled: true)];
    }

    /// <summary>Why approving would be refused now; a check of the listing's findings can lift the audit's pause.</summary>
    private async Task RefreshApprovalAsync()
    {
        var d = _detail!;
        _approvalRefusal = ListingDesk.ApprovalRefusal(_actor, d.State, d.LastEditorUserId, d.LastEditorName, d.Completeness)
            ?? (d.State == ListingState.Paused && await Findings.PausedByOpenFindingAsync(d.Id) ? ListingErrors.PausedForFindings : null);
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            _form.Prices = _prices.ToDictionary(p => p.Key, p => p.Value is { } yuan ? (long?)decimal.Round(yuan * 100m) : null);
            var outcome = await Desk.SaveAsync(_actor, Id, _detail!.Version, _form);
            if (Settle(outcome))
            {
                Snackbar.Add(L["Listing.Saved"], Severity.Success);
                await ReloadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Ask(ListingState to)
    {
        _errors = [];
        _pending = to;
    }

    private string ConfirmText(ListingState to) => to switch
    {
        ListingState.InReview => L["Listing.Confirm.Submit"],
        ListingState.Live => L["Listing.Confirm.Approve", _detail!.ChannelName],
        ListingState.Draft => L["Listing.Confirm.SendBack"],
        ListingState.Paused => L["Listing.Confirm.Pause"],
        _ => L["Listing.Confirm.Retire"],
    };

    private async Task MoveAsync(ListingState to)
    {
        _busy = true;
        try
        {
            var version = _detail!.Version;
            var outcome = to switch
            {
                ListingState.InReview => await Desk.SubmitAsync(_actor, Id, version),
                ListingState.Live => await Desk.ApproveAsync(_actor, Id, version),
                ListingState.Draft => await Desk.SendBackAsync(_actor, Id, version),
                ListingState.Paused => await Desk.PauseAsync(_actor, Id, version),
                _ => await Desk.RetireAsync(_actor, Id, version),
            };
            _pending = null;
            if (Settle(outcome))
            {
                Snackbar.Add(L[$"Listing.Done.{to}"], Severity.Success);
                await ReloadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Shows why an operation was refused; true when it went through.</summary>
    private bool Settle(Outcome<int> outcome)
    {
        _errors = outcome.Errors;
        _conflict = outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound;
        return outcome.Succeeded;
    }

    private string FromProduct(string? text) => string.IsNullOrWhiteSpace(text)
        ? L["Listing.FromProductNone"]
        : L["Listing.FromProduct", text.Length > 80 ? text[..80] + "…" : text];

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? L[$"Error.{e.Code}"].Value : null;
}
