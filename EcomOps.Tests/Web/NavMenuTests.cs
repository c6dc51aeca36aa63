using Bunit;
using EcomOps.Console.Components.Layout;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Web;

/// <summary>The menu shows each role what its permissions open, nothing more and nothing less.</summary>
public sealed class NavMenuTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static IRenderedComponent<NavMenu> MenuOf(BunitContext ctx, string role)
    {
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role)
            .SetPolicies([.. Permissions.All.Where(p => Permissions.Allows(role, p))]);
        return ctx.Render<NavMenu>();
    }

    [Fact]
    public async Task The_operations_director_who_supervises_the_service_without_working_tickets_has_a_link_to_the_sla_page()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var menu = MenuOf(ctx, Roles.OperationsDirector);

        Assert.Single(menu.FindAll("[data-testid=nav-sla]"));
        Assert.Empty(menu.FindAll("[data-testid=nav-queue]"));
    }

    [Fact]
    public async Task Stock_counts_are_in_the_menu_of_inventory_managers_only()
    {
        await using var manager = ComponentHarness.NewContext(_harness);
        await using var specialist = ComponentHarness.NewContext(_harness);
        await using var supervisor = ComponentHarness.NewContext(_harness);

        Assert.Single((MenuOf(manager, Roles.OperationsManager)).FindAll("[data-testid=nav-counts]"));
        Assert.Empty((MenuOf(specialist, Roles.OperationsSpecialist)).FindAll("[data-testid=nav-counts]"));
        Assert.Empty((MenuOf(supervisor, Roles.CsSupervisor)).FindAll("[data-testid=nav-counts]"));
    }
}
