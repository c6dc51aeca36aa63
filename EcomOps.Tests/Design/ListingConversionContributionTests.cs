using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Tests.Catalog;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Design;

/// <summary>Once the platforms' per-listing reports exist, a design's contribution uses the listing's own conversion.</summary>
public sealed class ListingConversionContributionTests : IAsyncLifetime
{
    private DesignWorld _world = default!;

    public async Task InitializeAsync() => _world = await DesignWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task With_per_listing_reports_conversion_is_paying_buyers_over_the_listings_own_visitors_against_the_rest_of_its_category()
    {
        var id = await _world.InReviewAsync();
        CatalogWorld.Done(await _world.Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true)));
        CatalogWorld.Done(await _world.Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 4, null));
        var catalog = _world.Listings.Catalog;
        var shorts = await catalog.ProductAsync("云朵短裤", _world.Listings.Category);
        await catalog.SkuAsync(shorts, "SH-001");
        var other = CatalogWorld.Done(await _world.Listings.Desk.CreateAsync(_world.Specialist, shorts, _world.Listings.Tmall));
        var delivered = DesignWorld.Today;
        await using (var db = catalog.Harness.NewDb())
        {
            ListingTrafficDay Day(int listing, int offset, int visitors, int buyers) => new()
            {
                ListingId = listing, Day = delivered.AddDays(offset), Visitors = visitors, PageViews = visitors, AddToCart = buyers, PayingBuyers = buyers,
            };
            // Before: the listing converts 4 of 200 (2%), the rest of the category 10 of 500 (2%).
            // After: the listing 9 of 300 (3%, +50%), the rest 11 of 500 (2.2%, +10%): 40 points to the design.
            db.ListingTrafficDays.AddRange(
                Day(_world.Listing, -3, 200, 4), Day(other, -3, 500, 10),
                Day(_world.Listing, 4, 300, 9), Day(other, 4, 500, 11),
                // Outside the 14 days on either side: not counted.
                Day(_world.Listing, -20, 9_000, 1));
            await db.SaveChangesAsync();
        }
        catalog.Harness.Clock.Advance(TimeSpan.FromDays(16));

        var report = (await _world.Queries.ContributionAsync(id))!;

        Assert.True(report.ListingTraffic);
        Assert.Equal((200L, 300L), (report.Figure.ListingBefore.Visitors, report.Figure.ListingAfter.Visitors));
        Assert.Equal(0.02, report.Figure.ListingBefore.Conversion!.Value, 12);
        Assert.Equal(0.03, report.Figure.ListingAfter.Conversion!.Value, 12);
        Assert.Equal(0.022, report.Figure.CategoryAfter.Conversion!.Value, 12);
        Assert.Equal(0.4, report.Figure.ConversionContribution!.Value, 9);
    }

    [Fact]
    public async Task Without_per_listing_reports_conversion_stays_orders_per_store_visitor()
    {
        var id = await _world.InReviewAsync();
        CatalogWorld.Done(await _world.Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true)));
        CatalogWorld.Done(await _world.Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 4, null));
        await using (var db = _world.Listings.Catalog.Harness.NewDb())
        {
            db.TrafficDays.Add(new TrafficDay { Channel = TrafficChannel.Tmall, Day = DesignWorld.Today.AddDays(-2), Visits = 900, PageViews = 900, Visitors = 800 });
            await db.SaveChangesAsync();
        }

        var report = (await _world.Queries.ContributionAsync(id))!;

        Assert.False(report.ListingTraffic);
        Assert.Equal(800L, report.Figure.ListingBefore.Visitors);
        Assert.Null(report.Figure.ListingBefore.PayingBuyers);
    }
}
