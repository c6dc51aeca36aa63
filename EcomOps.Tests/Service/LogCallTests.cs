using Bunit;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Orders;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service;

/// <summary>The hotline: a caller's number finds the customer and their latest orders, and the call is logged against one.</summary>
public sealed class LogCallTests : IAsyncLifetime
{
    private static readonly Actor Agent = Actor.Person("u-agent", "agent@ecomops.local", Roles.CsAgent);

    private OrderWorld _world = default!;

    private CallerLookup Lookup => _world.Harness.Get<CallerLookup>();

    public async Task InitializeAsync()
    {
        _world = await OrderWorld.StartAsync();
        await _world.TakeInAsync(_world.Draft("TB-1001"));
        _world.Harness.Clock.Advance(TimeSpan.FromHours(1));
        await _world.TakeInAsync(_world.Draft("TB-1002", ("SKU-2", 2)));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("0086 13812345678", "13812345678")]
    [InlineData("021-12345678", "02112345678")]
    [InlineData("王喆", null)]
    [InlineData("12", null)]
    public void A_number_is_read_as_the_orders_hold_it(string typed, string? expected) =>
        Assert.Equal(expected, CallerLookup.Normalise(typed));

    [Fact]
    public async Task Looking_up_a_callers_number_finds_their_name_and_latest_orders_newest_first()
    {
        var caller = (await Lookup.LookUpAsync(Agent, "+86 138 1234 5678")).Value!;

        Assert.True(caller.Known);
        Assert.Equal(("13812345678", "王喆", 2), (caller.Phone, caller.Name, caller.Orders));
        Assert.Equal(["TB-1002", "TB-1001"], caller.Latest.Select(o => o.PlatformOrderId));
    }

    [Fact]
    public async Task An_unknown_number_is_a_new_caller_and_text_that_is_no_number_is_refused()
    {
        var unknown = (await Lookup.LookUpAsync(Agent, "13900000000")).Value!;
        var text = await Lookup.LookUpAsync(Agent, "王喆");
        var designer = await Lookup.LookUpAsync(Actor.Person("u-d", "designer@ecomops.local", Roles.Designer), "13812345678");

        Assert.False(unknown.Known);
        Assert.Equal([new FieldError("Number", "ContactFormat")], text.Errors);
        Assert.Equal([Actor.NotPermitted], designer.Errors);
    }

    [Fact]
    public async Task An_agent_logs_a_call_from_the_queue_against_the_order_the_caller_asks_about()
    {
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        ctx.Services.AddSingleton(_world.Harness.Get<TicketDesk>());
        ctx.Services.AddSingleton(Lookup);
        ctx.AddAuthorization().SetAuthorized("agent@ecomops.local").SetRoles(Roles.CsAgent);
        var provider = ctx.Render<MudDialogProvider>();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var shown = await provider.InvokeAsync(() => dialogs.ShowAsync<LogCallDialog>("call"));
        provider.WaitForElement("[data-testid=call-log]");

        provider.Find("input[data-testid=call-number]").Change("138 1234 5678");
        provider.Find("[data-testid=call-lookup]").Click();
        provider.WaitForElement("[data-testid=call-order-TB-1001]");
        Assert.Contains("王喆", provider.Find("[data-testid=call-caller]").TextContent, StringComparison.Ordinal);
        provider.Find("[data-testid=call-order-TB-1001]").Click();
        provider.Find("textarea[data-testid=call-said]").Change("第一单什么时候发货？");
        provider.Find("[data-testid=call-log]").Click();

        var result = await shown.Result;
        var id = Assert.IsType<int>(result!.Data);
        await using var db = _world.Harness.NewDb();
        var ticket = await db.Tickets.Include(t => t.Entries).SingleAsync(t => t.Id == id);
        Assert.Equal((TicketChannel.Hotline, "王喆", "13812345678", "TB-1001"), (ticket.Channel, ticket.CustomerName, ticket.CustomerContact, ticket.OrderReference));
        Assert.Equal("第一单什么时候发货？", Assert.Single(ticket.Entries).Body);
        Assert.Equal("Phone call", ticket.Subject);
    }
}
