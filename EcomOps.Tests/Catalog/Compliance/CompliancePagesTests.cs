using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Catalog;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Catalog.Compliance;

public sealed class CompliancePagesTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    private ComplianceAuditor Auditor => _world.Catalog.Harness.Get<ComplianceAuditor>();

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>The demo specialist as a signed-in employee (the owner of findings on listings they edited last).</summary>
    private async Task<int> SpecialistEmployeeAsync()
    {
        await using var db = _world.Catalog.Harness.NewDb();
        db.Users.Add(new OpsUser { Id = _world.Specialist.UserId!, UserName = _world.Specialist.Name, Email = _world.Specialist.Name });
        var employee = new Employee
        {
            EmployeeNumber = "E-SPEC", FullName = "陈静", Email = _world.Specialist.Name, Team = Team.Operations, Role = Roles.OperationsSpecialist,
            UserId = _world.Specialist.UserId,
        };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return employee.Id;
    }

    private BunitContext SpecialistContext()
    {
        var ctx = ComponentHarness.NewContext(_world.Catalog.Harness);
        ctx.AddAuthorization().SetAuthorized(_world.Specialist.Name).SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.EditListings)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, _world.Specialist.UserId!));
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        return ctx;
    }

    [Fact]
    public async Task A_specialist_sees_their_own_findings_first_with_the_overdue_one_in_red_and_a_link_to_its_listing()
    {
        var me = await SpecialistEmployeeAsync();
        var colleague = await AuditWorld.EmployeeAsync(_world, "李娜", Roles.OperationsSpecialist);
        var mine = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 顶级面料");
        var theirs = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 至尊");
        await AuditWorld.EditedByAsync(_world, mine, me);
        await AuditWorld.EditedByAsync(_world, theirs, colleague);
        Assert.True((await Auditor.RunAsync(_world.Manager, AuditTrigger.OnDemand)).Succeeded);
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(4));
        await using var ctx = SpecialistContext();

        var page = ctx.Render<FindingsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid^=finding-row-]")), TimeSpan.FromSeconds(10));
        var link = page.Find("[data-testid^=finding-row-]");
        Assert.Equal($"/catalog/listings/{mine}", link.GetAttribute("href"));
        var row = page.Find("[data-testid=findings-table] tbody tr").TextContent;
        Assert.Contains("Banned term “顶级” (Level)", row, StringComparison.Ordinal);
        Assert.Contains("overdue by 1 d 0 h", row, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-testid^=finding-overdue-]"));

        await page.InvokeAsync(() => page.FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(false));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid^=finding-row-]").Count), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_listing_page_marks_the_offending_text_and_check_again_after_the_fix_closes_the_finding()
    {
        await SpecialistEmployeeAsync();
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 销量第一");
        Assert.True((await Auditor.RunAsync(_world.Manager, AuditTrigger.OnDemand)).Succeeded);
        CatalogWorld.Done(await _world.Desk.PauseAsync(_world.Manager, id, (await _world.DetailAsync(id)).Version));
        await using var ctx = SpecialistContext();
        var page = ctx.Render<ListingPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid^=finding-text-]", TimeSpan.FromSeconds(10));
        Assert.Equal("销量第一", page.Find("[data-testid^=finding-text-] mark").TextContent);

        var detail = await _world.DetailAsync(id);
        detail.Form.Title = "云朵纯棉T恤 柔软透气";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, id, detail.Version, detail.Form));
        await page.InvokeAsync(() => page.Find("[data-testid=listing-check-again]").Click());

        page.WaitForElement("[data-testid=listing-findings-none]", TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("[data-testid^=finding-closed-]"));
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal("陈静", await db.Set<ListingFinding>().Where(f => f.ListingId == id).Select(f => f.ClosedByName).SingleAsync());
    }
}
