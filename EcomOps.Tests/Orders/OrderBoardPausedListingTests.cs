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
