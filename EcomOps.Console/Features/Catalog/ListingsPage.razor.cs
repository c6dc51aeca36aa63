using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Catalog;
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

    [Inject]
    private ListingQueries Listings { get; set; } = default!;

    [Inject]
    private CatalogQueries Catalog { get; set; } = default!;

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
        var page = await Listings.ListingsAsync(new ListingFilter(_search, _channel, _state, _band, _category, _brand), TableSort.Of(state, ListingQueries.ByTitle),
            state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<ListingRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task ChannelChanged(int? value) { _channel = value; return ReloadAsync(); }
    private Task StateChanged(ListingState? value) { _state = value; return ReloadAsync(); }
    private Task BandChanged(CompletenessBand? value) { _band = value; return ReloadAsync(); }
    private Task CategoryChanged(int? value) { _category = value; return ReloadAsync(); }
    private Task BrandChanged(int? value) { _brand = value; return ReloadAsync(); }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
