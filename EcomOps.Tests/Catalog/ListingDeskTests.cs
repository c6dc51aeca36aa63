using EcomOps.Domain.Audit;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

[Trait("Engines", "Both")]
public sealed class ListingDeskTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Completeness_is_per_channel_the_tmall_store_wants_a_description_the_taobao_store_does_not()
    {
        var taobao = await _world.InReviewAsync(_world.Taobao);
        var tmall = await _world.InReviewAsync(_world.Tmall);

        Assert.Equal(100, (await _world.DetailAsync(taobao)).Completeness.Percent);
        var detail = await _world.DetailAsync(tmall);
        Assert.Equal([ListingField.Description], detail.Completeness.Missing);
        var listed = await _world.Queries.ListingsAsync(new ListingFilter(Band: CompletenessBand.Complete), ListingQueries.ByTitle, 0, 10);
        Assert.Equal([taobao], listed.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_page_of_listings_comes_in_the_sorted_columns_order_with_the_title_and_then_the_id_breaking_ties()
    {
        await using (var db = _world.Catalog.Harness.NewDb())
        {
            string[] titles = ["delta", "alpha", "charlie", "bravo", "alpha", "echo", "foxtrot", "golf"];
            for (var i = 0; i < titles.Length; i++)
            {
                var product = await _world.Catalog.ProductAsync($"Product {i}", _world.Category);
                db.Listings.Add(new Listing
                {
                    ProductId = product, ChannelId = i % 2 == 0 ? _world.Taobao : _world.Tmall, Title = titles[i], State = (ListingState)(i % 3),
                    CompletenessPercent = 60 + i % 3 * 20, LastEditedAtUtc = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(7 - i),
                });
            }
            await db.SaveChangesAsync();
        }
        List<Listing> all;
        await using (var db = _world.Catalog.Harness.NewDb())
        {
            all = await db.Listings.AsNoTracking().ToListAsync();
        }
        IEnumerable<Listing> Expected(ListingColumn column, bool descending)
        {
            IOrderedEnumerable<Listing> Key<T>(Func<Listing, T> key) => descending ? all.OrderByDescending(key) : all.OrderBy(key);
            var ordered = column switch
            {
                ListingColumn.Channel => Key(l => l.ChannelId).ThenBy(l => l.Title, StringComparer.Ordinal),
                ListingColumn.State => Key(l => l.State).ThenBy(l => l.Title, StringComparer.Ordinal),
                ListingColumn.Completeness => Key(l => l.CompletenessPercent).ThenBy(l => l.Title, StringComparer.Ordinal),
                ListingColumn.Edited => Key(l => l.LastEditedAtUtc).ThenBy(l => l.Title, StringComparer.Ordinal),
                _ => descending ? all.OrderByDescending(l => l.Title, StringComparer.Ordinal) : all.OrderBy(l => l.Title, StringComparer.Ordinal),
            };
            return ordered.ThenBy(l => l.Id);
        }

        foreach (var column in Enum.GetValues<ListingColumn>())
        {
            foreach (var descending in new[] { false, true })
            {
                var page = await _world.Queries.ListingsAsync(new ListingFilter(), new ListSort<ListingColumn>(column, descending), 2, 4);

                Assert.Equal(all.Count, page.Total);
                Assert.True(Expected(column, descending).Skip(2).Take(4).Select(l => l.Id).SequenceEqual(page.Rows.Select(r => r.Id)), $"{column} {(descending ? "descending" : "ascending")}");
            }
        }
    }

    [Fact]
    public async Task Going_live_below_100_percent_is_refused_and_says_what_is_missing_is_the_reason()
    {
        var tmall = await _world.InReviewAsync(_world.Tmall);

        var outcome = await _world.Desk.ApproveAsync(_world.Manager, tmall, (await _world.DetailAsync(tmall)).Version);

        Assert.Equal(new FieldError(ListingErrors.StateField, ListingErrors.Incomplete), Assert.Single(outcome.Errors));
        Assert.Equal(ListingState.InReview, (await _world.DetailAsync(tmall)).State);
    }

    [Fact]
    public async Task The_last_editor_may_not_approve_their_own_listing_and_another_manager_may()
    {
        var id = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Manager, _world.Tee, _world.Taobao));
        CatalogWorld.Done(await _world.Desk.SubmitAsync(_world.Manager, id, (await _world.DetailAsync(id)).Version));

        var own = await _world.Desk.ApproveAsync(_world.Manager, id, (await _world.DetailAsync(id)).Version);
        var other = await _world.Desk.ApproveAsync(_world.OtherManager, id, (await _world.DetailAsync(id)).Version);

        Assert.Equal(ListingErrors.FourEyes, Assert.Single(own.Errors).Code);
        Assert.True(other.Succeeded);
        var detail = await _world.DetailAsync(id);
        Assert.Equal((ListingState.Live, "opsmanager2@ecomops.local", "opsmanager@ecomops.local"), (detail.State, detail.ApprovedByName, detail.LastEditorName));
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.True(await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Listing) && e.EntityKey == id.ToString()) >= 3);
    }

    [Fact]
    public async Task A_specialist_may_edit_and_submit_but_not_approve_pause_or_retire()
    {
        var id = await _world.InReviewAsync(_world.Taobao);
        var version = (await _world.DetailAsync(id)).Version;

        Assert.Equal([Actor.NotPermitted], (await _world.Desk.ApproveAsync(_world.Specialist, id, version)).Errors);
        Assert.Equal([Actor.NotPermitted], (await _world.Desk.RetireAsync(_world.Specialist, id, version)).Errors);
        Assert.True((await _world.Desk.ApproveAsync(_world.Manager, id, version)).Succeeded);
        Assert.Equal([Actor.NotPermitted], (await _world.Desk.PauseAsync(_world.Specialist, id, version + 1)).Errors);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_changed_by_someone_else_and_writes_nothing()
    {
        var id = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Taobao));
        var detail = await _world.DetailAsync(id);
        var first = detail.Form;
        first.Title = "云朵纯棉T恤 夏季新款";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Manager, id, detail.Version, first));

        var second = await _world.Desk.SaveAsync(_world.Specialist, id, detail.Version, new ListingForm { Title = "云朵T恤" });

        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Equal("云朵纯棉T恤 夏季新款", (await _world.DetailAsync(id)).Form.Title);
    }

    [Fact]
    public async Task State_changes_outside_the_workflow_are_refused_and_retired_is_final()
    {
        var id = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Taobao));
        var version = (await _world.DetailAsync(id)).Version;

        Assert.Equal(ListingErrors.StateRefused, Assert.Single((await _world.Desk.ApproveAsync(_world.Manager, id, version)).Errors).Code);
        Assert.Equal(ListingErrors.StateRefused, Assert.Single((await _world.Desk.PauseAsync(_world.Manager, id, version)).Errors).Code);
        CatalogWorld.Done(await _world.Desk.RetireAsync(_world.Manager, id, version));
        var retired = await _world.DetailAsync(id);
        Assert.Equal(ListingErrors.StateRefused, Assert.Single((await _world.Desk.SubmitAsync(_world.Specialist, id, retired.Version)).Errors).Code);
        Assert.Equal(ListingErrors.NotEditable, Assert.Single((await _world.Desk.SaveAsync(_world.Specialist, id, retired.Version, retired.Form)).Errors).Code);
    }

    [Fact]
    public async Task A_channel_price_overrides_the_list_price_and_editing_a_listing_in_review_sends_it_back_to_draft()
    {
        var id = await _world.InReviewAsync(_world.Taobao);
        var detail = await _world.DetailAsync(id);
        var form = detail.Form;
        form.Prices[detail.Skus[0].SkuId] = 8_900;

        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, id, detail.Version, form));

        var saved = await _world.DetailAsync(id);
        Assert.Equal((ListingState.Draft, 8_900L), (saved.State, saved.Skus[0].ChannelPriceCents!.Value));
    }

    [Fact]
    public async Task Stock_running_out_shows_in_the_completeness_and_a_product_field_cleared_in_the_catalogue_updates_the_stored_figure()
    {
        var id = await _world.InReviewAsync(_world.Taobao);
        var sku = (await _world.DetailAsync(id)).Skus[0].SkuId;

        await _world.StockAsync(sku, 0);
        Assert.Equal([ListingField.Stock], (await _world.DetailAsync(id)).Completeness.Missing);

        var product = (await _world.Catalog.Queries.ProductAsync(_world.Tee))!;
        product.Form.Material = null;
        CatalogWorld.Done(await _world.Catalog.Desk.SaveProductAsync(_world.Manager, _world.Tee, product.Version, product.Form));
        var row = Assert.Single((await _world.Queries.ListingsAsync(new ListingFilter(), ListingQueries.ByTitle, 0, 10)).Rows);
        Assert.Equal([ListingField.Stock, ListingField.Material], row.Missing);
        Assert.Equal(84, row.Percent);
    }

    [Fact]
    public async Task Two_people_listing_the_same_product_on_the_same_channel_at_once_get_one_listing_and_the_second_is_told()
    {
        for (var round = 0; round < 5; round++)
        {
            var channel = round % 2 == 0 ? _world.Taobao : _world.Tmall;
            var outcomes = await Task.WhenAll(
                Task.Run(() => _world.Desk.CreateAsync(_world.Specialist, _world.Tee, channel)),
                Task.Run(() => _world.Desk.CreateAsync(_world.Manager, _world.Tee, channel)));

            Assert.Single(outcomes, o => o.Succeeded);
            Assert.Single(outcomes, o => o.Errors.Any(e => e.Code == ListingErrors.ListingExists));
            await using var db = _world.Catalog.Harness.NewDb();
            var listing = db.Listings.Single(l => l.ProductId == _world.Tee && l.ChannelId == channel);
            db.Listings.Remove(listing);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Stock_running_out_reaches_the_listings_page_with_the_scheduled_recompute()
    {
        var id = await _world.InReviewAsync(_world.Taobao);
        var sku = (await _world.DetailAsync(id)).Skus[0].SkuId;
        await _world.StockAsync(sku, 0);
        var before = Assert.Single((await _world.Queries.ListingsAsync(new ListingFilter(), ListingQueries.ByTitle, 0, 10)).Rows);
        Assert.Empty(before.Missing);

        var job = new EcomOps.Console.Features.Catalog.ListingCompletenessJob(
            _world.Catalog.Harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<EcomOps.Domain.Data.OpsDb>>(), _world.Catalog.Harness.Feed,
            new EcomOps.Console.Features.Catalog.ListingCompletenessJob.Seen(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EcomOps.Console.Features.Catalog.ListingCompletenessJob>.Instance);
        Assert.True(await job.RunAsync(default));
        // Nothing moved since: the next run skips the work.
        Assert.False(await job.RunAsync(default));

        var after = Assert.Single((await _world.Queries.ListingsAsync(new ListingFilter(), ListingQueries.ByTitle, 0, 10)).Rows);
        Assert.Equal([ListingField.Stock], after.Missing);
        Assert.True(after.Percent < 100);
    }

    [Fact]
    public async Task The_listings_filter_finds_a_listing_by_a_barcode_of_its_product_and_by_channel_and_state()
    {
        await _world.InReviewAsync(_world.Taobao);
        CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));

        var byBarcode = await _world.Queries.ListingsAsync(new ListingFilter(Search: "4567892"), ListingQueries.ByTitle, 0, 10);
        var byChannel = await _world.Queries.ListingsAsync(new ListingFilter(ChannelId: _world.Tmall, State: ListingState.Draft), ListingQueries.ByTitle, 0, 10);

        Assert.Equal(2, byBarcode.Total);
        Assert.Equal("天猫旗舰店", Assert.Single(byChannel.Rows).ChannelName);
        Assert.Equal(ListingErrors.ListingExists, Assert.Single((await _world.Desk.CreateAsync(_world.Manager, _world.Tee, _world.Tmall)).Errors).Code);
    }
}
