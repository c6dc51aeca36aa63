using EcomOps.Domain.Inventory;

namespace EcomOps.Tests.Inventory;

public sealed class ReorderRulesTests
{
    [Theory]
    [InlineData(4.0, 7, 10, 38)]
    [InlineData(2.5, 3, 0, 8)]
    [InlineData(0.0, 10, 5, 5)]
    [InlineData(1.2, 5, 0, 6)]
    public void The_computed_reorder_point_is_demand_over_the_lead_time_plus_safety_stock(double daily, int lead, int safety, int expected) =>
        Assert.Equal(expected, ReorderRules.ComputedReorderPoint(daily, lead, safety));

    [Fact]
    public void Projected_stock_counts_what_is_on_order_and_takes_off_what_is_reserved() =>
        Assert.Equal(25, ReorderRules.Projected(onHand: 20, onOrder: 10, reserved: 5));

    [Fact]
    public void No_order_is_suggested_above_the_reorder_point() =>
        Assert.Null(ReorderRules.SuggestedQuantity(projected: 21, reorderPoint: 20, maxStock: 100, minOrderQuantity: 1, packSize: 1));

    [Fact]
    public void At_the_reorder_point_the_suggestion_fills_up_to_the_maximum_in_whole_packs() =>
        // 100 - 20 = 80 units, in packs of 12: 84.
        Assert.Equal(84, ReorderRules.SuggestedQuantity(projected: 20, reorderPoint: 20, maxStock: 100, minOrderQuantity: 1, packSize: 12));

    [Fact]
    public void The_suppliers_minimum_order_wins_when_the_gap_is_smaller() =>
        Assert.Equal(50, ReorderRules.SuggestedQuantity(projected: 95, reorderPoint: 96, maxStock: 100, minOrderQuantity: 50, packSize: 10));

    [Fact]
    public void A_negative_projection_orders_the_backlog_too() =>
        Assert.Equal(110, ReorderRules.SuggestedQuantity(projected: -10, reorderPoint: 5, maxStock: 100, minOrderQuantity: 1, packSize: 1));
}

public sealed class InventoryAlertRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Available_at_the_reorder_point_is_low_stock()
    {
        var conditions = InventoryAlertRules.Conditions(new StockPosition(OnHand: 12, Reserved: 2, ReorderPoint: 10, MaxStock: 100, Now.AddDays(-1), Now.AddDays(-5)), Now);

        Assert.Equal(1, Assert.Single(conditions, c => c.Key == InventoryAlertKind.LowStock).Value);
        Assert.Single(conditions);
    }

    [Fact]
    public void Nothing_available_is_out_of_stock_not_low()
    {
        var conditions = InventoryAlertRules.Conditions(new StockPosition(OnHand: 3, Reserved: 3, ReorderPoint: 10, MaxStock: 100, Now.AddDays(-1), Now.AddDays(-5)), Now);

        Assert.Equal([InventoryAlertKind.OutOfStock], conditions.Keys);
    }

    [Fact]
    public void Low_stock_gets_worse_as_available_falls()
    {
        var before = InventoryAlertRules.Conditions(new StockPosition(9, 0, 10, 100, Now, Now), Now)[InventoryAlertKind.LowStock];
        var after = InventoryAlertRules.Conditions(new StockPosition(4, 0, 10, 100, Now, Now), Now)[InventoryAlertKind.LowStock];

        Assert.True(InventoryAlertRules.GotWorse(before, after));
        Assert.False(InventoryAlertRules.GotWorse(after, before));
    }

    [Fact]
    public void Over_the_maximum_is_overstock_by_the_excess() =>
        Assert.Equal(30, InventoryAlertRules.Conditions(new StockPosition(130, 0, 10, 100, Now, Now), Now)[InventoryAlertKind.Overstock]);

    [Fact]
    public void Stock_without_a_shipment_for_sixty_days_is_slow_moving()
    {
        var slow = InventoryAlertRules.Conditions(new StockPosition(50, 0, 10, 100, Now.AddDays(-61), Now.AddDays(-80)), Now);
        var selling = InventoryAlertRules.Conditions(new StockPosition(50, 0, 10, 100, Now.AddDays(-3), Now.AddDays(-80)), Now);
        var neverSoldButNew = InventoryAlertRules.Conditions(new StockPosition(50, 0, 10, 100, null, Now.AddDays(-20)), Now);

        Assert.Contains(InventoryAlertKind.SlowMoving, slow.Keys);
        Assert.Empty(selling);
        Assert.Empty(neverSoldButNew);
    }
}
