using Bunit;
using EcomOps.Console.Components.Shared;
using EcomOps.Domain.Org;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EcomOps.Tests.Org;

public sealed class PermittedLinkTests
{
    [Theory]
    [InlineData("/service/tickets/5", Permissions.WorkTickets)]
    [InlineData("/orders/12", Permissions.WorkOrders)]
    [InlineData("/orders?q=138", Permissions.WorkOrders)]
    [InlineData("/orders/board", Permissions.WatchOperations)]
    [InlineData("/service/complaints/3", Permissions.HandleComplaints)]
    [InlineData("/service/complaints/board", Permissions.WatchOperations)]
    [InlineData("/inventory/stock/1/2", Permissions.ManageInventory)]
    [InlineData("/inventory/alerts", Permissions.WatchOperations)]
    public async Task A_link_is_a_link_only_for_who_may_open_its_page(string href, string policy)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        var auth = ctx.AddAuthorization().SetAuthorized("director@ecomops.local");

        auth.SetPolicies(policy);
        var allowed = ctx.Render<PermittedLink>(p => p.Add(l => l.Href, href).AddChildContent("T000005"));
        Assert.Equal(href, allowed.Find("a").GetAttribute("href"));

        auth.SetPolicies(Permissions.UseConsole);
        var denied = ctx.Render<PermittedLink>(p => p.Add(l => l.Href, href).AddChildContent("T000005"));
        Assert.Empty(denied.FindAll("a"));
        Assert.Contains("T000005", denied.Markup, StringComparison.Ordinal);
    }
}
