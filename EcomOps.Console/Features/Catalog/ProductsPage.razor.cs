using System.Globalization;
using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

public sealed partial class ProductsPage
{
    private MudTable<ProductRow>? _table;
    private IReadOnlyList<CategoryRow> _categories = [];
    private Func<int?, string?> _categoryPath = _ => null;
    private IReadOnlyList<BrandRow> _brands = [];
    private IReadOnlyList<PriceBand> _bands = [];
    private string? _search;
    private int? _category;
    private int? _brand;
    private bool? _active;

    [Inject]
    private CatalogQueries Queries { get; set; } = default!;

    [Inject]
    private CatalogWorkbook Workbook { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "category")]
    public int? CategoryQuery { get; set; }

    [SupplyParameterFromQuery(Name = "brand")]
    public int? BrandQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? SearchQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _categories = await Queries.CategoriesAsync();
        _categoryPath = CategoryNames.PathOf(_categories);
        _brands = await Queries.BrandsAsync();
        _bands = [.. (await Queries.PriceBandsAsync()).Select(b => new PriceBand { Id = b.Id, Name = b.Name, FromCents = b.FromCents, ToCents = b.ToCents })];
        _category = CategoryQuery;
        _brand = BrandQuery;
        _search = SearchQuery;
    }

    private ProductFilter Filter => new(_search, _category, _brand, _active);

    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _category is not null || _brand is not null || _active is not null;

    private async Task<TableData<ProductRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Queries.ProductsAsync(Filter, TableSort.Of(state, CatalogQueries.ByName),
            state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<ProductRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private string PriceRange(ProductRow row) => row switch
    {
        { MinPriceCents: { } min, MaxPriceCents: { } max } when min != max => $"{Format.Money(min / 100m)} – {Format.Money(max / 100m)}",
        { MinPriceCents: { } min } => Format.Money(min / 100m),
        _ => "",
    };

    /// <summary>The catalogue workbook of the products the filters give (with their SKUs, listings and channel prices), importable back.</summary>
    private Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) =>
        Workbook.ExportProductsAsync(Filter, CultureInfo.CurrentUICulture, ct);

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task CategoryChanged(int? value) { _category = value; return ReloadAsync(); }
    private Task BrandChanged(int? value) { _brand = value; return ReloadAsync(); }
    private Task ActiveChanged(bool? value) { _active = value; return ReloadAsync(); }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
