using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Inventory;

public sealed class AlertBoardSortTests
{
    private static readonly DateTime At = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static AlertBoardRow Row(long id, InventoryAlertKind kind, string sku, string warehouse, int onHand, int reserved, int reorder, int max, int minutesAgo) =>
        new(id, kind, 1, (int)id, sku, $"Article {sku}", warehouse == "SH-01" ? 1 : 2, warehouse, onHand, reserved, reorder, max, At.AddMinutes(-minutesAgo),
            null, null, null, null, null, 1);

    // Values that differ per column, with ties, so each sort and the tie-breaker show.
    private static readonly IReadOnlyList<AlertBoardRow> Board =
    [
        Row(1, InventoryAlertKind.LowStock, "TEE-RED", "SH-01", 12, 2, 20, 100, 30),
        Row(2, InventoryAlertKind.OutOfStock, "CUP-01", "GZ-01", 0, 0, 10, 50, 5),
        Row(3, InventoryAlertKind.Overstock, "MUG-02", "SH-01", 400, 10, 20, 200, 60),
        Row(4, InventoryAlertKind.LowStock, "BAG-09", "GZ-01", 8, 0, 20, 100, 10),
        Row(5, InventoryAlertKind.SlowMoving, "HAT-03", "SH-01", 12, 0, 5, 60, 60),
    ];

    private static readonly Dictionary<AlertColumn, Func<IEnumerable<AlertBoardRow>, IOrderedEnumerable<AlertBoardRow>>> Ascending = new()
    {
        [AlertColumn.Kind] = rows => rows.OrderBy(r => r.Kind).ThenByDescending(r => r.RaisedAtUtc),
        [AlertColumn.Sku] = rows => rows.OrderBy(r => r.SkuCode, StringComparer.Ordinal),
        [AlertColumn.Warehouse] = rows => rows.OrderBy(r => r.WarehouseCode, StringComparer.Ordinal),
        [AlertColumn.Available] = rows => rows.OrderBy(r => r.Available),
        [AlertColumn.OnHand] = rows => rows.OrderBy(r => r.OnHand),
        [AlertColumn.ReorderPoint] = rows => rows.OrderBy(r => r.ReorderPoint),
        [AlertColumn.MaxStock] = rows => rows.OrderBy(r => r.MaxStock),
        [AlertColumn.Raised] = rows => rows.OrderBy(r => r.RaisedAtUtc),
    };

    public static TheoryData<AlertColumn> EveryColumn() => [.. Enum.GetValues<AlertColumn>()];

    [Theory]
    [MemberData(nameof(EveryColumn))]
    public void The_alerts_board_sorts_by_each_column_both_ways_with_the_alert_breaking_ties(AlertColumn column)
    {
        var up = InventoryAlerts.Sort(Board.Reverse(), new(column));
        var down = InventoryAlerts.Sort(Board, new(column, Descending: true));

        Assert.Equal(Ascending[column](Board).ThenBy(r => r.Id).Select(r => r.Id), up.Select(r => r.Id));
        Assert.Equal(up.Select(r => r.Id).Reverse(), down.Select(r => r.Id));
    }

    [Fact]
    public void The_alerts_export_holds_the_shown_alerts_in_the_boards_order_with_figures_as_numbers_and_translated_kinds()
    {
        var shown = Board.Where(a => a.Kind == InventoryAlertKind.LowStock);
        var sort = new ListSort<AlertColumn>(AlertColumn.Available);

        using var list = new ExportedList(InventoryAlerts.Export(shown, sort, ExportedList.Text("zh-Hans"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

        var zh = ExportedList.Text("zh-Hans");
        Assert.Equal(["BAG-09", "TEE-RED"], list.Texts("SKU"));
        Assert.Equal([zh("Inventory.AlertKind.LowStock"), zh("Inventory.AlertKind.LowStock")], list.Texts(zh("Inventory.Alerts.Kind")));
        var available = list.Cells(zh("Inventory.Available"));
        Assert.All(available, c => Assert.Equal(XLDataType.Number, c.DataType));
        Assert.Equal([8.0, 10.0], available.Select(c => c.GetDouble()));
        Assert.Equal(At.AddHours(8).AddMinutes(-10), list.Cells(zh("Inventory.Alerts.Raised"))[0].GetDateTime());
    }
}
