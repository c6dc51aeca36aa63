using Bunit;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Orders;

public sealed class OrderBoardPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IRenderedComponent<OrderBoardPage> Render(BunitContext ctx, string role, params string[] policies)
    {
        ctx.Services.AddSingleton(_harness.Get<OrderQueries>());
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role).SetPolicies(policies);
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<OrderBoardPage>();
    }

    [Fact]
    public async Task An_operations_specialist_opens_the_list_behind_each_count()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, Roles.OperationsSpecialist, Permissions.WatchOperations, Permissions.WorkOrders);

        page.WaitForElement("[data-testid=board-late]");
        Assert.Equal("a", page.Find("[data-testid=board-late]").TagName.ToLowerInvariant());
        Assert.Contains("/orders?promise=Late", page.Find("[data-testid=board-late]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_customer_service_supervisor_watches_the_counts_without_links_to_pages_they_cannot_open()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, Roles.CsSupervisor, Permissions.WatchOperations);

        page.WaitForElement("[data-testid=board-late]");
        Assert.Equal("div", page.Find("[data-testid=board-late]").TagName.ToLowerInvariant());
        Assert.Empty(page.FindAll("a[href^='/orders']"));
    }
}
