using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Orders;

public sealed class OrderListExportTests : IAsyncLifetime
{
    private OrderWorld _world = default!;

    private OrderQueries Queries => _world.Harness.Get<OrderQueries>();

    public async Task InitializeAsync()
    {
        _world = await OrderWorld.StartAsync();
        var draft = _world.Draft;
        await _world.TakeInAsync(draft("EXP-1", ("SKU-1", 1)) with { CustomerName = "=HYPERLINK(\"http://evil\",\"x\")" });
        await _world.TakeInAsync(draft("EXP-2", ("SKU-2", 1)) with { CustomerName = "李雷" });
        await _world.TakeInAsync(draft("EXP-3", ("SKU-1", 2)) with { CustomerName = "韩梅梅" });
        await _world.TakeInAsync(draft("OTHER-1", ("SKU-3", 1)) with { CustomerName = "张三", CustomerPhone = "13900000000" });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static readonly ListSort<OrderColumn> ByTotalDescending = new(OrderColumn.Total, Descending: true);

    [Fact]
    public async Task The_order_export_holds_exactly_the_filtered_rows_in_the_lists_order_with_numbers_as_numbers_and_inert_names()
    {
        // "13812345678" is the phone of the three EXP orders only.
        var filter = new OrderFilter(Search: "13812345678");
        var page = await Queries.ListAsync(filter, ByTotalDescending, 0, 50);

        using var list = new ExportedList(await Queries.ExportAsync(filter, ByTotalDescending, ExportedList.Text("zh-Hans")));

        Assert.Equal(3, list.File.Rows);
        Assert.Equal(page.Rows.Select(r => r.PlatformOrderId), list.Texts("平台订单号"));
        Assert.Equal(["EXP-3", "EXP-1", "EXP-2"], list.Texts("平台订单号"));
        var totals = list.Cells("金额");
        Assert.All(totals, c => Assert.Equal(XLDataType.Number, c.DataType));
        Assert.Equal([200.0, 100.0, 50.0], totals.Select(c => c.GetDouble()));
        var evil = list.Cells("客户")[1];
        Assert.False(evil.HasFormula);
        Assert.True(evil.Style.IncludeQuotePrefix);
        Assert.StartsWith("=HYPERLINK", evil.GetString());
        var zh = ExportedList.Text("zh-Hans");
        Assert.Equal(page.Rows.Select(r => zh($"OrderStatus.{r.Status}")), list.Texts("状态"));
    }
}
