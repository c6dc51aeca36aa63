using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

public sealed class ListingBulkEditTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private ListingBulkEdit Bulk => _world.Catalog.Harness.Get<ListingBulkEdit>();

    private static Dictionary<int, long> Versions(BulkOutcome preview) => preview.Rows.ToDictionary(r => r.ListingId, r => r.Version);

    [Fact]
    public async Task A_price_change_by_percent_previews_each_row_before_and_after_and_apply_does_exactly_that()
    {
        var taobao = await _world.InReviewAsync(_world.Taobao);
        var tmall = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));
        var change = new BulkChange(BulkChangeKind.PricePercent, Percent: -10m);
        var target = new BulkTarget(null, new ListingFilter());

        var preview = await Bulk.PreviewAsync(_world.Manager, target, change);
        var applied = await Bulk.ApplyAsync(_world.Manager, target, change, Versions(preview));

        Assert.False(preview.Written);
        Assert.Equal(2, preview.Changing);
        var row = preview.Rows.Single(r => r.ListingId == taobao);
        Assert.Equal((9_900L, 8_910L), (Assert.Single(row.Before.Prices).Cents, Assert.Single(row.After.Prices).Cents));
        Assert.True(applied.Written);
        Assert.Equal(preview.Rows.Select(r => (r.ListingId, r.Before.Prices.Single(), r.After.Prices.Single(), r.Refusal)),
            applied.Rows.Select(r => (r.ListingId, r.Before.Prices.Single(), r.After.Prices.Single(), r.Refusal)));
        var detail = await _world.DetailAsync(taobao);
        // A price is a content edit: the listing in review went back to draft, the manager is its last editor.
        Assert.Equal((8_910L, ListingState.Draft, "opsmanager@ecomops.local"), (detail.Skus[0].ChannelPriceCents!.Value, detail.State, detail.LastEditorName));
        Assert.Equal(8_910L, (await _world.DetailAsync(tmall)).Skus[0].ChannelPriceCents);
    }

    [Fact]
    public async Task Going_live_in_bulk_keeps_the_four_eyes_rule_and_the_completeness_rule_and_lists_each_refused_row_with_its_reason()
    {
        var own = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Manager, _world.Tee, _world.Taobao));
        CatalogWorld.Done(await _world.Desk.SubmitAsync(_world.Manager, own, (await _world.DetailAsync(own)).Version));
        var incomplete = await _world.InReviewAsync(_world.Tmall);
        var change = new BulkChange(BulkChangeKind.State, State: ListingState.Live);
        var target = new BulkTarget([own, incomplete], null);

        var byEditor = await Bulk.PreviewAsync(_world.Manager, target, change);
        var byOther = await Bulk.PreviewAsync(_world.OtherManager, target, change);
        var applied = await Bulk.ApplyAsync(_world.OtherManager, target, change, Versions(byOther));

        Assert.Equal([(own, ListingErrors.FourEyes), (incomplete, ListingErrors.Incomplete)], byEditor.Rows.Select(r => (r.ListingId, r.Refusal)));
        Assert.Equal([(own, (string?)null), (incomplete, ListingErrors.Incomplete)], byOther.Rows.Select(r => (r.ListingId, r.Refusal)));
        Assert.True(applied.Written);
        Assert.Equal((ListingState.Live, "opsmanager2@ecomops.local"), ((await _world.DetailAsync(own)).State, (await _world.DetailAsync(own)).ApprovedByName));
        Assert.Equal(ListingState.InReview, (await _world.DetailAsync(incomplete)).State);
    }

    [Fact]
    public async Task A_row_changed_by_someone_else_since_the_preview_is_named_and_nothing_is_written()
    {
        var first = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Taobao));
        var second = CatalogWorld.Done(await _world.Desk.CreateAsync(_world.Specialist, _world.Tee, _world.Tmall));
        var change = new BulkChange(BulkChangeKind.PriceSet, PriceCents: 7_900);
        var target = new BulkTarget([first, second], null);
        var preview = await Bulk.PreviewAsync(_world.Manager, target, change);
        var detail = await _world.DetailAsync(second);
        detail.Form.Title = "云朵T恤 天猫款";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, second, detail.Version, detail.Form));

        var applied = await Bulk.ApplyAsync(_world.Manager, target, change, Versions(preview));

        Assert.False(applied.Written);
        Assert.Equal([second], applied.Stale.Select(r => r.ListingId));
        Assert.Null((await _world.DetailAsync(first)).Skus[0].ChannelPriceCents);
    }

    [Fact]
    public async Task A_specialist_may_change_prices_but_not_the_products_category_and_a_live_listing_is_not_repriced()
    {
        var live = await _world.InReviewAsync(_world.Taobao);
        CatalogWorld.Done(await _world.Desk.ApproveAsync(_world.Manager, live, (await _world.DetailAsync(live)).Version));
        var shoes = await _world.Catalog.CategoryAsync("鞋靴", "Shoes");
        var target = new BulkTarget([live], null);

        var category = await Bulk.PreviewAsync(_world.Specialist, target, new BulkChange(BulkChangeKind.Category, CategoryId: shoes));
        var price = await Bulk.PreviewAsync(_world.Specialist, target, new BulkChange(BulkChangeKind.PriceSet, PriceCents: 100));
        var byManager = await Bulk.ApplyAsync(_world.Manager, target, new BulkChange(BulkChangeKind.Category, CategoryId: shoes),
            Versions(await Bulk.PreviewAsync(_world.Manager, target, new BulkChange(BulkChangeKind.Category, CategoryId: shoes))));

        Assert.Equal(Actor.NotPermitted.Code, Assert.Single(category.Rows).Refusal);
        Assert.Equal(ListingErrors.NotEditable, Assert.Single(price.Rows).Refusal);
        Assert.True(byManager.Written);
        Assert.Equal(("鞋靴", "Shoes"), (byManager.Rows[0].After.CategoryZh, byManager.Rows[0].After.CategoryEn));
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal("鞋靴 Shoes", (await db.Skus.SingleAsync(s => s.Code == "TS-001")).Category);
    }
}
