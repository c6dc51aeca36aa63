using Bunit;
using EcomOps.Console.Components.Shared;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Orders;

[Trait("Engines", "Both")]
public sealed class OrderListSortTests : IAsyncLifetime
{
    private OrderWorld _world = default!;

    private OrderQueries Queries => _world.Harness.Get<OrderQueries>();

    public async Task InitializeAsync()
    {
        _world = await OrderWorld.StartAsync();
        // Ties in every sortable column (C and D placed together, A and C the same total, C and E the same ship-by)
        // and two orders without a ship-by time (not paid), so the tie-breaker and the place of the undated show.
        var orders = new (string Id, int PlacedMinutesAgo, long TotalCents, int? ShipByInHours)[]
        {
            ("A", 50, 300_00, 2), ("B", 40, 100_00, null), ("C", 30, 300_00, 1), ("D", 30, 50_00, null), ("E", 10, 200_00, 1),
        };
        var now = _world.Harness.Clock.GetUtcNow().UtcDateTime;
        foreach (var order in orders)
        {
            await _world.TakeInAsync(_world.Draft(order.Id));
        }
        await using var db = _world.Harness.NewDb();
        foreach (var (id, placed, total, shipBy) in orders)
        {
            DateTime? due = shipBy is { } hours ? now.AddHours(hours) : null;
            await db.Orders.Where(o => o.PlatformOrderId == id).ExecuteUpdateAsync(o => o
                .SetProperty(x => x.PlacedAtUtc, now.AddMinutes(-placed)).SetProperty(x => x.TotalCents, total).SetProperty(x => x.ShipByUtc, due));
        }
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_list_of_more_than_a_thousand_orders_counts_to_a_thousand_and_says_there_are_more()
    {
        await using (var db = _world.Harness.NewDb())
        {
            var template = await db.Orders.AsNoTracking().FirstAsync(o => o.PlatformOrderId == "A");
            var next = await db.Orders.MaxAsync(o => o.Id) + 1;
            await using var transaction = await db.Database.BeginTransactionAsync();
            using (var bulk = new BulkInsert<Order>(db))
            {
                for (var i = 0; i < OrderQueries.CountCap; i++)
                {
                    template.Id = next + i;
                    template.PlatformOrderId = $"BULK{i}";
                    bulk.Add(template);
                }
            }
            await transaction.CommitAsync();
        }

        var all = await Queries.ListAsync(new OrderFilter(), OrderQueries.NewestFirst, 0, 25);
        var narrowed = await Queries.ListAsync(new OrderFilter(Search: "BULK123"), OrderQueries.NewestFirst, 0, 25);

        Assert.Equal((OrderQueries.CountCap, true, 25), (all.Total, all.MoreThanTotal, all.Rows.Count));
        Assert.Equal((1, false), (narrowed.Total, narrowed.MoreThanTotal));
    }

    [Fact]
    public async Task A_search_finds_an_order_by_its_number_platform_id_phone_a_sku_on_it_or_the_start_of_the_name_within_the_other_filters()
    {
        var taken = await _world.TakeInAsync(_world.Draft("F-778", ("SKU-2", 1)) with { CustomerName = "欧阳娜娜", CustomerPhone = "13900001111" });
        async Task<string[]> Found(OrderFilter filter) =>
            [.. (await Queries.ListAsync(filter, OrderQueries.NewestFirst, 0, 25)).Rows.Select(r => r.PlatformOrderId)];

        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: Order.NumberOf(taken.OrderId))));
        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: Order.NumberOf(taken.OrderId).ToLowerInvariant())));
        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: " F-778 ")));
        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: "13900001111")));
        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: "SKU-2")));
        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: "欧阳")));
        Assert.Equal(["F-778"], await Found(new OrderFilter(Search: "欧阳", ChannelId: _world.ChannelId)));
        Assert.Empty(await Found(new OrderFilter(Search: "欧阳", Status: OrderStatus.Cancelled)));
        Assert.Empty(await Found(new OrderFilter(Search: "1390000")));
        Assert.Equal(["E", "D", "C", "B", "A"], await Found(new OrderFilter(Search: "13812345678")));
    }

    [Theory]
    [InlineData(OrderColumn.Placed, true)]
    [InlineData(OrderColumn.Total, false)]
    [InlineData(OrderColumn.ShipBy, true)]
    public async Task A_name_prefix_that_more_than_a_thousand_orders_share_pages_in_the_same_order_as_a_narrow_one(OrderColumn column, bool descending)
    {
        var now = _world.Harness.Clock.GetUtcNow().UtcDateTime;
        await using (var db = _world.Harness.NewDb())
        {
            var template = await db.Orders.AsNoTracking().FirstAsync(o => o.PlatformOrderId == "A");
            var next = await db.Orders.MaxAsync(o => o.Id) + 1;
            await using var transaction = await db.Database.BeginTransactionAsync();
            using (var bulk = new BulkInsert<Order>(db))
            {
                // Every third order is someone else's: the pages must skip them in the list's order.
                for (var i = 0; i < OrderQueries.CountCap * 9 / 5; i++)
                {
                    template.Id = next + i;
                    template.PlatformOrderId = $"BULK{i}";
                    template.CustomerName = i % 3 == 0 ? $"李{i}" : $"王{i}";
                    template.PlacedAtUtc = now.AddMinutes(-(i * 7 % 1_000));
                    template.TotalCents = i * 13 % 500 * 100;
                    template.ShipByUtc = now.AddHours(i % 40);
                    bulk.Add(template);
                }
            }
            await transaction.CommitAsync();
        }
        var sort = new ListSort<OrderColumn>(column, descending);
        List<string> expected;
        await using (var db = _world.Harness.NewDb())
        {
            var matching = await db.Orders.AsNoTracking().Where(o => o.CustomerName.StartsWith("王"))
                .Select(o => new { o.Id, o.PlatformOrderId, o.PlacedAtUtc, o.TotalCents, o.ShipByUtc }).ToListAsync();
            var ordered = column switch
            {
                OrderColumn.Total => descending ? matching.OrderByDescending(o => o.TotalCents) : matching.OrderBy(o => o.TotalCents),
                OrderColumn.ShipBy => descending ? matching.OrderByDescending(o => o.ShipByUtc) : matching.OrderBy(o => o.ShipByUtc),
                _ => descending ? matching.OrderByDescending(o => o.PlacedAtUtc) : matching.OrderBy(o => o.PlacedAtUtc),
            };
            expected = [.. (descending ? ordered.ThenByDescending(o => o.Id) : ordered.ThenBy(o => o.Id)).Skip(25).Take(25).Select(o => o.PlatformOrderId)];
        }

        var page = await Queries.ListAsync(new OrderFilter(Search: "王"), sort, 25, 25);

        Assert.True(page.MoreThanTotal);
        Assert.Equal(expected, page.Rows.Select(r => r.PlatformOrderId));
    }

    [Theory]
    [InlineData(OrderColumn.Placed, false, "A,B,C,D,E")]
    [InlineData(OrderColumn.Placed, true, "E,D,C,B,A")]
    [InlineData(OrderColumn.Total, false, "D,B,E,A,C")]
    [InlineData(OrderColumn.Total, true, "C,A,E,B,D")]
    [InlineData(OrderColumn.ShipBy, false, "C,E,A,B,D")]
    [InlineData(OrderColumn.ShipBy, true, "A,E,C,D,B")]
    public async Task The_order_list_sorts_on_the_server_by_each_sortable_column_both_ways_and_its_export_follows(OrderColumn column, bool descending, string expected)
    {
        var sort = new ListSort<OrderColumn>(column, descending);

        // Pages of one and of two rows: the order comes from the database, across the dated and undated orders too.
        foreach (var size in new[] { 1, 2 })
        {
            var shown = new List<string>();
            for (var skip = 0; skip < 5; skip += size)
            {
                var page = await Queries.ListAsync(new OrderFilter(), sort, skip, size);
                Assert.Equal(5, page.Total);
                shown.AddRange(page.Rows.Select(r => r.PlatformOrderId));
            }
            Assert.Equal(expected, string.Join(',', shown));
        }
        using var list = new ExportedList(await Queries.ExportAsync(new OrderFilter(), sort, ExportedList.Text("en")));
        Assert.Equal(expected, string.Join(',', list.Texts("Platform order id")));
    }

    [Fact]
    public async Task Clicking_a_column_header_sorts_the_order_list_on_the_server_and_the_export_follows_the_headers_order()
    {
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        ctx.Services.AddSingleton(Queries);
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.WorkOrders);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<OrderListPage>();
        IReadOnlyList<string> Shown() => [.. page.FindAll("[data-testid^=order-row-]").Select(a => a.GetAttribute("data-testid")!["order-row-".Length..])];
        page.WaitForAssertion(() => Assert.Equal(["E", "D", "C", "B", "A"], Shown()), TimeSpan.FromSeconds(10));

        page.FindAll(".mud-table-sort-label")[1].Click();
        page.WaitForAssertion(() => Assert.Equal(["D", "B", "E", "A", "C"], Shown()), TimeSpan.FromSeconds(5));
        page.FindAll(".mud-table-sort-label")[1].Click();
        page.WaitForAssertion(() => Assert.Equal(["C", "A", "E", "B", "D"], Shown()), TimeSpan.FromSeconds(5));
        page.FindAll(".mud-table-sort-label")[2].Click();
        page.WaitForAssertion(() => Assert.Equal(["C", "E", "A", "B", "D"], Shown()), TimeSpan.FromSeconds(5));

        var export = page.FindComponent<ListExportButton>().Instance;
        using var list = new ExportedList(await page.InvokeAsync(() => export.Build(ExportedList.Text("en"), CancellationToken.None)));
        Assert.Equal(["C", "E", "A", "B", "D"], list.Texts("Platform order id"));
    }
}
