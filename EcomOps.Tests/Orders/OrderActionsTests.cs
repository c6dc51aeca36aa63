using Bunit;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Orders;

public sealed class OrderActionsTests
{
    private static async Task<IRenderedComponent<OrderActions>> RenderAsync(BunitContext ctx, OrderWorld world, int orderId)
    {
        ctx.Services.AddSingleton(world.Desk);
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.WorkOrders);
        ctx.Render<MudPopoverProvider>();
        var order = await world.OrderAsync(orderId);
        return ctx.Render<OrderActions>(p => p.Add(c => c.Order, order));
    }

    [Fact]
    public async Task A_negative_quantity_typed_on_a_line_is_refused_naming_the_line_and_nothing_is_saved()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-1", ("SKU-2", 3)) with { ShippingAddress = "上海" });
        await using var ctx = ComponentHarness.NewContext(world.Harness);
        var actions = await RenderAsync(ctx, world, held.OrderId);

        actions.FindAll("input").Single(i => i.GetAttribute("value") == "3").Change("-10");
        actions.Find("[data-testid=order-fix-lines]").Click();

        actions.WaitForAssertion(() => Assert.Equal("Line 1: Quantity must be a whole number from 1 up to what is open.",
            actions.Find("[data-testid=order-action-error]").TextContent.Trim()));
        var order = await world.OrderAsync(held.OrderId);
        Assert.Equal(3, order.Lines.Single().Quantity);
        Assert.DoesNotContain(order.Events, e => e.Kind == OrderEventKind.LinesFixed);
    }

    [Fact]
    public async Task A_price_with_more_than_two_decimals_is_refused_with_the_reason_not_rounded_and_saved()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-1") with { ShippingAddress = "上海", PaidAtUtc = null });
        var order = await world.OrderAsync(held.OrderId);
        await using var ctx = ComponentHarness.NewContext(world.Harness);
        var actions = await RenderAsync(ctx, world, held.OrderId);

        // The unit price field of the only line; banker's rounding used to save 1.005 as 1.00.
        actions.FindComponents<MudNumericField<decimal>>()[0].Find("input").Change("1.005");
        actions.Find("[data-testid=order-fix-lines]").Click();

        var error = actions.WaitForElement("[data-testid=order-action-error]").TextContent;
        Assert.Contains("SKU-1", error);
        Assert.True(error.Contains("two decimals", StringComparison.Ordinal) || error.Contains("两位小数", StringComparison.Ordinal), error);
        var after = await world.OrderAsync(held.OrderId);
        Assert.Equal((order.Version, 10_000L), (after.Version, after.Lines.Single().UnitPriceCents));
    }

    [Fact]
    public async Task A_cancel_reason_over_the_limit_is_refused_with_a_message_not_cut_and_a_counter_shows_its_length()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-LONG") with { ShippingAddress = "上海" });
        await using var ctx = ComponentHarness.NewContext(world.Harness);
        var actions = await RenderAsync(ctx, world, held.OrderId);
        var reason = new string('长', OrderRules.MaxNoteLength + 20);

        var field = actions.Find("input[data-testid=order-cancel-reason]");
        Assert.NotEqual(OrderRules.MaxNoteLength.ToString(System.Globalization.CultureInfo.InvariantCulture), field.GetAttribute("maxlength"));
        field.Change(reason);
        actions.Find("[data-testid=order-cancel]").Click();

        actions.WaitForAssertion(() => Assert.Contains($"{reason.Length} / {OrderRules.MaxNoteLength}", actions.Markup));
        actions.WaitForElement("[data-testid=order-action-error]");
        Assert.Equal(OrderStatus.OnHold, (await world.OrderAsync(held.OrderId)).Status);
    }

    [Fact]
    public async Task Releasing_an_unpaid_order_asks_for_a_confirmation_with_a_note_before_anything_happens()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-UNPAID") with { PaidAtUtc = null });
        await using var ctx = ComponentHarness.NewContext(world.Harness);
        var actions = await RenderAsync(ctx, world, held.OrderId);

        actions.Find("[data-testid=order-release]").Click();

        var confirm = actions.WaitForElement("[data-testid=order-release-confirm]");
        Assert.Contains("Payment not confirmed", confirm.TextContent);
        Assert.True(actions.Find("[data-testid=order-release-confirmed]").HasAttribute("disabled"));
        Assert.Equal(OrderStatus.OnHold, (await world.OrderAsync(held.OrderId)).Status);

        actions.Find("input[data-testid=order-release-note]").Input("客户发来付款截图，后台已核实");
        actions.Find("[data-testid=order-release-confirmed]").Click();

        await WaitAsync(async () => (await world.OrderAsync(held.OrderId)).Status == OrderStatus.Accepted);
        Assert.Contains("后台已核实", (await world.OrderAsync(held.OrderId)).Events.Single(e => e.Kind == OrderEventKind.Released).Detail);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not become true within 5 s");
            await Task.Delay(50);
        }
    }
}
