using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

public sealed partial class ListingBulkDialog
{
    private BulkChangeKind _kind = BulkChangeKind.PricePercent;
    private int? _category;
    private int? _brand;
    private ListingState? _state;
    private decimal? _price;
    private decimal? _percent;
    private IReadOnlyList<CategoryRow> _categories = [];
    private Func<int?, string?> _categoryPath = _ => null;
    private IReadOnlyList<BrandRow> _brands = [];
    private BulkOutcome? _preview;
    private IReadOnlyList<BulkRow> _stale = [];
    private string? _refusal;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private ListingBulkEdit Bulk { get; set; } = default!;

    [Inject]
    private CatalogQueries Catalog { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The listings to change: those ticked, or all the filter gives.</summary>
    [Parameter, EditorRequired]
    public BulkTarget Target { get; set; } = default!;

    /// <summary>What the target is, in words ("3 listings ticked", "all 812 listings the filters give").</summary>
    [Parameter, EditorRequired]
    public string Scope { get; set; } = "";

    protected override async Task OnInitializedAsync()
    {
        _categories = await Catalog.CategoriesAsync();
        _categoryPath = CategoryNames.PathOf(_categories);
        _brands = await Catalog.BrandsAsync();
    }

    private bool Ready => _kind switch
    {
        BulkChangeKind.Category => _category is not null,
        BulkChangeKind.State => _state is not null,
        BulkChangeKind.PriceSet => _price is not null,
        BulkChangeKind.PricePercent => _percent is not null,
        _ => true,
    };

    private BulkChange Change => new(_kind, _category, _brand, _state, _price is { } yuan ? CatalogDialog.Fen(yuan) : null, _percent);

    private void KindChanged(BulkChangeKind kind)
    {
        _kind = kind;
        Set(() => { });
    }

    /// <summary>Any change to the choice makes the preview old: it goes, so Apply can only do what was previewed.</summary>
    private void Set(Action change)
    {
        change();
        (_preview, _stale, _refusal) = (null, [], null);
    }

    private async Task PreviewAsync()
    {
        _busy = true;
        try
        {
            var preview = await Bulk.PreviewAsync(Actor.From((await AuthState).User), Target, Change);
            _refusal = preview.Refusal;
            _preview = preview.Refusal is null ? preview : null;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync()
    {
        if (_preview is not { } preview)
        {
            return;
        }
        _busy = true;
        try
        {
            var versions = preview.Rows.ToDictionary(r => r.ListingId, r => r.Version);
            var applied = await Bulk.ApplyAsync(Actor.From((await AuthState).User), Target, Change, versions);
            if (applied.Written)
            {
                Snackbar.Add(L["Listing.Bulk.Done", applied.Changing, applied.Refused], Severity.Success);
                Dialog.Close(DialogResult.Ok(applied.Changing));
                return;
            }
            // Someone changed a row since the preview (or the database was busy): nothing was written; the new preview shows what is now.
            (_stale, _refusal) = (applied.Stale, applied.Refusal);
            _preview = applied.Stale.Count > 0 ? applied with { Stale = [] } : null;
        }
        finally
        {
            _busy = false;
        }
    }

    private string Side(BulkSide side) => _kind switch
    {
        BulkChangeKind.Category => side.CategoryZh is null ? "—" : CategoryNames.Name(side.CategoryZh, side.CategoryEn!),
        BulkChangeKind.Brand => side.Brand ?? "—",
        BulkChangeKind.State => L[$"Listing.State.{side.State}"],
        _ => string.Join(" · ", side.Prices.Select(p => $"{p.SkuCode} {Format.Money(p.Cents / 100m)}")),
    };

    private void Cancel() => Dialog.Cancel();
}
