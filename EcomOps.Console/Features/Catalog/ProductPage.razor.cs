using EcomOps.Console.Localization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

/// <summary>A product's listing fields and its SKUs. A new product is saved first; its SKUs are added after.</summary>
public sealed partial class ProductPage
{
    private ProductForm _form = new();
    private long _version;
    private bool _savedActive = true;
    private string? _title;
    private IReadOnlyList<SkuRow> _skus = [];
    private IReadOnlyList<CategoryRow> _categories = [];
    private Func<int?, string?> _categoryPath = _ => null;
    private IReadOnlyList<BrandRow> _brands = [];
    private IReadOnlyList<FieldError> _errors = [];
    private List<BreadcrumbItem> _crumbs = [];
    private bool _loading = true;
    private bool _notFound;
    private bool _conflict;
    private bool _busy;
    private bool _confirmingDelete;
    private IReadOnlyList<ProductListingRow> _listings = [];
    private IReadOnlyList<ChannelChoice> _unlisted = [];
    private int? _listOn;

    [Parameter]
    public int? Id { get; set; }

    [Inject]
    private CatalogQueries Queries { get; set; } = default!;

    [Inject]
    private CatalogDesk Desk { get; set; } = default!;

    [Inject]
    private ListingQueries Listings { get; set; } = default!;

    [Inject]
    private ListingDesk ListingDesk { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _categories = await Queries.CategoriesAsync();
        _categoryPath = CategoryNames.PathOf(_categories);
        _brands = await Queries.BrandsAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _conflict = false;
        _errors = [];
        _confirmingDelete = false;
        if (Id is { } id)
        {
            var detail = await Queries.ProductAsync(id);
            _notFound = detail is null;
            if (detail is not null)
            {
                (_form, _version, _skus, _title, _savedActive) = (detail.Form, detail.Version, detail.Skus, detail.Form.Name, detail.Form.Active);
                await ReloadListingsAsync(id);
            }
        }
        else
        {
            (_form, _version, _skus, _title) = (new ProductForm(), 0, [], null);
        }
        _crumbs = [new(L["Nav.Products"], "/catalog/products"), new(_title ?? L["Catalog.Products.New"], null, disabled: true)];
        _loading = false;
    }

    private async Task ReloadSkusAsync()
    {
        if (Id is { } id && await Queries.ProductAsync(id) is { } detail)
        {
            _skus = detail.Skus;
        }
    }

    private async Task ReloadListingsAsync(int id)
    {
        _listings = await Listings.ProductListingsAsync(id);
        _unlisted = [.. (await Listings.ChannelsAsync()).Where(c => _listings.All(l => l.ChannelId != c.Id))];
        _listOn = _unlisted.FirstOrDefault()?.Id;
    }

    /// <summary>Puts the product on the chosen channel as a draft and opens the listing.</summary>
    private async Task ListAsync()
    {
        _busy = true;
        try
        {
            var outcome = await ListingDesk.CreateAsync(await ActorAsync(), Id!.Value, _listOn!.Value);
            if (outcome.Succeeded)
            {
                Navigation.NavigateTo($"/catalog/listings/{outcome.Value}");
                return;
            }
            _errors = outcome.Errors;
            Snackbar.Add(L[$"Error.{outcome.Errors.FirstOrDefault()?.Code ?? "ListingStateRefused"}"], Severity.Warning);
            await ReloadListingsAsync(Id.Value);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Desk.SaveProductAsync(await ActorAsync(), Id, _version, _form);
            _errors = outcome.Errors;
            _conflict = outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound;
            if (!outcome.Succeeded)
            {
                return;
            }
            Snackbar.Add(L["Catalog.Products.Saved"], Severity.Success);
            if (Id is null)
            {
                Navigation.NavigateTo($"/catalog/products/{outcome.Value}");
                return;
            }
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (!_confirmingDelete)
        {
            _confirmingDelete = true;
            return;
        }
        _busy = true;
        try
        {
            var outcome = await Desk.DeleteAsync<Product>(await ActorAsync(), Id!.Value, _version);
            _confirmingDelete = false;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L["Catalog.Deleted"], Severity.Success);
                Navigation.NavigateTo("/catalog/products");
            }
            else if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.NotFound)
            {
                _conflict = true;
            }
            else
            {
                _errors = outcome.Errors;
                Snackbar.Add(L[$"Error.{outcome.Errors[0].Code}"], Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task EditSkuAsync(SkuRow? row)
    {
        var dialog = await Dialogs.ShowAsync<SkuDialog>(row is null ? L["Catalog.Sku.New"] : L["Catalog.Sku.Edit"],
            new DialogParameters<SkuDialog> { { d => d.ProductId, Id!.Value }, { d => d.Sku, row } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadSkusAsync();
        }
    }

    private async Task<Actor> ActorAsync() => Actor.From((await AuthState).User);

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? L[$"Error.{e.Code}"].Value : null;
}
