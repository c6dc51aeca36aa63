using System.Globalization;
using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Transfer;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Catalog;

/// <summary>Every listing on every channel, paged and sorted on the server, filtered by channel, state, completeness, category and brand.</summary>
public sealed partial class ListingsPage
{
    private MudTable<ListingRow>? _table;
    private IReadOnlyList<ChannelChoice> _channels = [];
    private IReadOnlyList<CategoryRow> _categories = [];
    private Func<int?, string?> _categoryPath = _ => null;
    private IReadOnlyList<BrandRow> _brands = [];
    private string? _search;
    private int? _channel;
    private ListingState? _state;
    private CompletenessBand? _band;
    private int? _category;
    private int? _brand;
    private HashSet<ListingRow> _selected = [];
    private int _total;

    [Inject]
    private ListingQueries Listings { get; set; } = default!;

    [Inject]
    private CatalogQueries Catalog { get; set; } = default!;

    [Inject]
    private CatalogWorkbook Workbook { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "channel")]
    public int? ChannelQuery { get; set; }

    [SupplyParameterFromQuery(Name = "state")]
    public string? StateQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? SearchQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _channels = await Listings.ChannelsAsync();
        _categories = await Catalog.CategoriesAsync();
        _categoryPath = CategoryNames.PathOf(_categories);
        _brands = await Catalog.BrandsAsync();
        _channel = ChannelQuery;
        _state = Enum.TryParse<ListingState>(StateQuery, out var state) ? state : null;
        _search = SearchQuery;
    }

    private async Task NewListingAsync()
    {
        var dialog = await Dialogs.ShowAsync<NewListingDialog>(L["Listing.New"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            Navigation.NavigateTo($"/catalog/listings/{id}");
        }
    }

    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _channel is not null || _state is not null || _band is not null || _category is not null || _brand is not null;

    private async Task<TableData<ListingRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Listings.ListingsAsync(Filter, TableSort.Of(state, ListingQueries.ByTitle), state.Page * state.PageSize, state.PageSize, ct);
        // Ticks belong to the rows shown: a new page or filter starts without any. The bulk bar above the table shows
        // both, so the page renders again (the table's load renders only the table).
        if (_total != page.Total || _selected.Count > 0)
        {
            (_total, _selected) = (page.Total, []);
            StateHasChanged();
        }
        return new TableData<ListingRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private ListingFilter Filter => new(_search, _channel, _state, _band, _category, _brand);

    /// <summary>The catalogue workbook's listing sheets for the listings the filters give, importable back.</summary>
    private Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) =>
        Workbook.ExportListingsAsync(Filter, CultureInfo.CurrentUICulture, ct);

    private Task BulkSelectedAsync() =>
        BulkAsync(new BulkTarget([.. _selected.Select(r => r.Id)], null), L["Listing.Bulk.ScopeSelected", _selected.Count]);

    private Task BulkAllAsync() =>
        BulkAsync(new BulkTarget(null, Filter), L["Listing.Bulk.ScopeAll", Math.Min(_total, ListingBulkEdit.MaxRows), _total]);

    private async Task BulkAsync(BulkTarget target, string scope)
    {
        var parameters = new DialogParameters<ListingBulkDialog> { { d => d.Target, target }, { d => d.Scope, scope } };
        var dialog = await Dialogs.ShowAsync<ListingBulkDialog>(L["Listing.Bulk.Title"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task ChannelChanged(int? value) { _channel = value; return ReloadAsync(); }
    private Task StateChanged(ListingState? value) { _state = value; return ReloadAsync(); }
    private Task BandChanged(CompletenessBand? value) { _band = value; return ReloadAsync(); }
    private Task CategoryChanged(int? value) { _category = value; return ReloadAsync(); }
    private Task BrandChanged(int? value) { _brand = value; return ReloadAsync(); }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
