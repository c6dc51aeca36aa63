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
    [Fact]
    public async Task A_price_with_more_than_two_decimals_is_refused_with_the_reason_not_rounded_and_saved()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-1") with { ShippingAddress = "上海", PaidAtUtc = null });
        var order = await world.OrderAsync(held.OrderId);
        await using var ctx = ComponentHarness.NewContext(world.Harness);
        ctx.Services.AddSingleton(world.Desk);
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist);
        ctx.Render<MudPopoverProvider>();
        var actions = ctx.Render<OrderActions>(p => p.Add(c => c.Order, order));

        // The unit price field of the only line; banker's rounding used to save 1.005 as 1.00.
        actions.FindComponents<MudNumericField<decimal>>()[0].Find("input").Change("1.005");
        actions.Find("[data-testid=order-fix-lines]").Click();

        var error = actions.WaitForElement("[data-testid=order-action-error]").TextContent;
        Assert.Contains("SKU-1", error);
        Assert.True(error.Contains("two decimals", StringComparison.Ordinal) || error.Contains("两位小数", StringComparison.Ordinal), error);
        var after = await world.OrderAsync(held.OrderId);
        Assert.Equal((order.Version, 10_000L), (after.Version, after.Lines.Single().UnitPriceCents));
    }
}
