using EcomOps.Domain.Catalog;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Orders;

public sealed class OrderBoardPausedListingTests : IAsyncLifetime
{
    private OrderWorld _world = default!;

    public async Task InitializeAsync() => _world = await OrderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_channel_tile_counts_todays_orders_for_a_listing_paused_on_that_channel()
    {
        var paused = await ListAsync("SKU-1", _world.ChannelId, ListingState.Paused);
        await ListAsync("SKU-2", _world.ChannelId, ListingState.Live);
        await _world.TakeInAsync(_world.Draft("P-1", ("SKU-1", 1)));
        await _world.TakeInAsync(_world.Draft("P-2", ("SKU-2", 1)));
        await _world.TakeInAsync(_world.Draft("P-3", ("SKU-1", 1), ("SKU-2", 1)));

        var board = await _world.Harness.Get<OrderQueries>().BoardAsync();

        var tile = Assert.Single(board.TodayIntake, c => c.ChannelId == _world.ChannelId);
        Assert.Equal((3, 2), (tile.Total, tile.ForPausedListings));
        Assert.True(paused > 0);
    }

    [Fact]
    public async Task An_order_of_yesterday_and_a_product_paused_only_on_another_channel_are_not_counted()
    {
        await ListAsync("SKU-1", _world.ChannelId, ListingState.Paused);
        var sku2Product = await ListAsync("SKU-2", _world.ChannelId, ListingState.Live);
        int otherChannel;
        await using (var db = _world.Harness.NewDb())
        {
            var other = new SalesChannel { Code = "OTHER", Name = "Other shop", Platform = SalesPlatform.WebShop };
            db.SalesChannels.Add(other);
            await db.SaveChangesAsync();
            otherChannel = other.Id;
            var product = await db.Listings.Where(l => l.Id == sku2Product).Select(l => l.ProductId).SingleAsync();
            db.Listings.Add(new Listing { ProductId = product, ChannelId = otherChannel, Title = "paused elsewhere", State = ListingState.Paused });
            await db.SaveChangesAsync();
        }
        var yesterday = await _world.TakeInAsync(_world.Draft("P-OLD", ("SKU-1", 1)));
        var time = _world.Harness.Get<EcomOps.Domain.Time.CompanyTime>();
        await using (var db = _world.Harness.NewDb())
        {
            var dayStart = time.ToUtc(time.LocalNow.Date);
            await db.Orders.Where(o => o.Id == yesterday.OrderId).ExecuteUpdateAsync(u => u.SetProperty(o => o.ReceivedAtUtc, dayStart.AddMinutes(-1)));
        }
        await _world.TakeInAsync(_world.Draft("P-TODAY", ("SKU-1", 1), ("SKU-2", 1)));
        await _world.TakeInAsync(_world.Draft("P-ELSEWHERE", ("SKU-2", 2)));

        var board = await _world.Harness.Get<OrderQueries>().BoardAsync();

        // Today on this channel: two orders, one of them (P-TODAY) with a product paused here, counted once.
        var tile = Assert.Single(board.TodayIntake, c => c.ChannelId == _world.ChannelId);
        Assert.Equal((2, 1), (tile.Total, tile.ForPausedListings));
        Assert.Equal(0, Assert.Single(board.TodayIntake, c => c.ChannelId == otherChannel).ForPausedListings);
    }

    /// <summary>Gives the SKU a product of its own and lists that product on the channel in the given state.</summary>
    private async Task<int> ListAsync(string sku, int channel, ListingState state)
    {
        await using var db = _world.Harness.NewDb();
        var product = new Product { Name = "商品 " + sku };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        await db.Skus.Where(s => s.Code == sku).ExecuteUpdateAsync(u => u.SetProperty(s => s.ProductId, product.Id));
        var listing = new Listing { ProductId = product.Id, ChannelId = channel, Title = product.Name, State = state };
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    }
}
