using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

/// <summary>The listings page's search through the trigram index, on real SQLite: what it finds and how it keeps up with writes.</summary>
public sealed class ListingSearchTests : IAsyncLifetime
{
    private ListingWorld _world = null!;

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<IReadOnlyList<int>> FindAsync(string term) =>
        [.. (await _world.Queries.ListingsAsync(new ListingFilter(Search: term), ListingQueries.ByTitle, 0, 50)).Rows.Select(r => r.Id)];

    [Theory]
    [InlineData("纯棉", ListingSearch.Lookup.Pair)]
    [InlineData("T恤", ListingSearch.Lookup.Pair)]
    [InlineData("云朵纯棉", ListingSearch.Lookup.Substring)]
    [InlineData("棉", ListingSearch.Lookup.Scan)]
    [InlineData("𠀀𠀁", ListingSearch.Lookup.Pair)]
    public void A_term_is_looked_up_by_how_many_characters_it_has(string term, ListingSearch.Lookup lookup) =>
        Assert.Equal(lookup, ListingSearch.LookupFor(term));

    [Fact]
    public void A_term_becomes_one_quoted_phrase_so_query_syntax_in_it_is_only_text() =>
        Assert.Equal("\"a\"\" OR b*\"", ListingSearch.Phrase("a\" OR b*"));

    [Fact]
    public async Task A_two_character_chinese_word_finds_the_listing_even_at_the_very_end_of_its_title()
    {
        var id = await _world.InReviewAsync(_world.Taobao);

        Assert.Equal([id], await FindAsync("纯棉"));
        Assert.Equal([id], await FindAsync("t恤"));
        Assert.Empty(await FindAsync("羊毛"));
    }

    [Fact]
    public async Task Codes_and_barcodes_are_found_by_any_part_in_any_case_and_one_character_still_searches()
    {
        var id = await _world.InReviewAsync(_world.Taobao);

        Assert.Equal([id], await FindAsync("ts-00"));
        Assert.Equal([id], await FindAsync("4567892"));
        Assert.Equal([id], await FindAsync("棉"));
        Assert.Empty(await FindAsync("TS-002"));
    }

    [Fact]
    public async Task Query_syntax_typed_into_the_search_is_searched_as_text_not_run()
    {
        await _world.InReviewAsync(_world.Taobao);

        Assert.Empty(await FindAsync("\"云朵\" OR *"));
        Assert.Empty(await FindAsync("NEAR(云朵"));
    }

    [Fact]
    public async Task The_search_follows_a_new_title_a_renamed_product_a_new_sku_and_a_removed_listing()
    {
        var id = await _world.InReviewAsync(_world.Taobao);
        var detail = await _world.DetailAsync(id);
        var form = detail.Form;
        form.Title = "夏季 云朵短袖";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, id, detail.Version, form));
        Assert.Equal([id], await FindAsync("短袖"));
        Assert.Equal([id], await FindAsync("云朵纯棉T恤"));

        await using (var db = _world.Catalog.Harness.NewDb())
        {
            await db.Products.Where(p => p.Id == _world.Tee).ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, "云朵亚麻衬衫"));
        }
        Assert.Equal([id], await FindAsync("亚麻"));
        Assert.Empty(await FindAsync("纯棉"));

        CatalogWorld.Done(await _world.Catalog.Desk.SaveSkuAsync(_world.Manager, _world.Tee, null, 0, new SkuForm
        {
            Code = "LN-778", Specification = "白色 L", Model = "AP-0002", ListPriceCents = 12_900, UnitCostCents = 5_000, WeightGrams = 240,
        }));
        Assert.Equal([id], await FindAsync("ln-77"));

        await using (var db = _world.Catalog.Harness.NewDb())
        {
            await db.Listings.Where(l => l.Id == id).ExecuteDeleteAsync();
        }
        Assert.Empty(await FindAsync("短袖"));
    }

    [SkippableFact]
    public async Task A_start_after_a_migration_dropped_a_trigger_rebuilds_the_index_and_its_triggers()
    {
        Skip.If(TestDatabases.Default != Domain.Data.DatabaseProvider.Sqlite, "SQLite's trigram index and its triggers; PostgreSQL searches without them");
        var id = await _world.InReviewAsync(_world.Taobao);
        await using (var db = _world.Catalog.Harness.NewDb())
        {
            // What an SQLite table rebuild in a later migration does to the triggers on that table.
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER ListingSearch_ListingAdded; DELETE FROM ListingSearch;");
        }
        Assert.Empty(await FindAsync("纯棉"));

        await OpsDbSetup.MigrateAsync(_world.Catalog.Harness.Get<IDbContextFactory<OpsDb>>());
        var second = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));

        Assert.Equal([id, second], (await FindAsync("纯棉")).Order());
    }
}
