using EcomOps.Domain.Orders;

namespace EcomOps.Tests.Orders;

public sealed class ExceptionQueueSearchTests : IAsyncLifetime
{
    private OrderWorld _world = default!;
    private readonly Dictionary<string, int> _ids = [];

    private OrderQueries Queries => _world.Harness.Get<OrderQueries>();

    public async Task InitializeAsync()
    {
        _world = await OrderWorld.StartAsync();
        // An address too short to ship to: the first review holds each of these.
        foreach (var (id, name, phone) in new[] { ("TM-1001", "王喆", "13812345678"), ("JD-2002", "李雷", "13900001111"), ("DY-3003", "Han Meimei", "13700002222") })
        {
            var taken = await _world.TakeInAsync(_world.Draft(id) with { CustomerName = name, CustomerPhone = phone, ShippingAddress = "上海" });
            _ids[id] = taken.OrderId;
        }
        // Not held: the same name on an order that passes the review.
        await _world.TakeInAsync(_world.Draft("TM-9999", ("SKU-2", 1)) with { CustomerName = "王喆", CustomerPhone = "13611112222" });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<IEnumerable<string>> FoundAsync(string search) =>
        (await Queries.ExceptionsAsync(null, search, 0, 50)).Rows.Select(r => r.PlatformOrderId).Order();

    [Fact]
    public async Task The_exception_queue_finds_held_orders_by_order_number_platform_id_customer_name_or_phone()
    {
        Assert.Equal(3, (await Queries.ExceptionsAsync(null, null, 0, 50)).Total);

        Assert.Equal(["JD-2002"], await FoundAsync($"O{_ids["JD-2002"]:D7}"));
        Assert.Equal(["TM-1001"], await FoundAsync("tm-1001"));
        Assert.Equal(["TM-1001"], await FoundAsync("王喆"));
        Assert.Equal(["DY-3003"], await FoundAsync("meimei"));
        Assert.Equal(["JD-2002"], await FoundAsync("13900001111"));
        Assert.Equal(["DY-3003"], await FoundAsync("2222"));
        Assert.Empty(await FoundAsync("TM-9999"));
    }
}
