using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.People;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace EcomOps.Tests.People;

/// <summary>The appraisal pages as bUnit renders them, on the training world's staff.</summary>
public sealed class AppraisalPagesTests : IAsyncLifetime
{
    private TrainingWorld _world = default!;
    private int _cycleId;

    public async Task InitializeAsync()
    {
        _world = await TrainingWorld.StartAsync();
        var opened = await _world.Harness.Get<AppraisalDesk>().OpenCycleAsync(_world.CsSupervisor, Team.CustomerService, AppraisalFrequency.Monthly, new DateOnly(2026, 11, 1));
        Assert.True(opened.Succeeded);
        _cycleId = opened.Value;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BunitContext ContextFor(Actor actor)
    {
        var ctx = ComponentHarness.NewContext(_world.Harness);
        ctx.AddAuthorization().SetAuthorized(actor.Name).SetRoles([.. actor.Roles!])
            .SetPolicies([.. Permissions.All.Where(actor.May)])
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!));
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        return ctx;
    }

    private async Task<int> AppraisalIdAsync(Actor person)
    {
        await using var db = _world.Harness.NewDb();
        var id = _world.IdOf(person);
        return await db.Set<Appraisal>().Where(a => a.CycleId == _cycleId && a.EmployeeId == id).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task An_agent_opening_another_agents_appraisal_is_refused_and_sees_nothing_of_it()
    {
        var other = await AppraisalIdAsync(_world.Agent2);
        await using var ctx = ContextFor(_world.Agent1);

        var page = ctx.Render<AppraisalPage>(p => p.Add(x => x.Id, other));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=appraisal-missing]")));
        Assert.DoesNotContain("李娜", page.Markup);
    }

    [Fact]
    public async Task The_agent_sees_her_self_assessment_form_and_the_supervisor_waits_for_it()
    {
        var mine = await AppraisalIdAsync(_world.Agent1);
        await using var agent = ContextFor(_world.Agent1);
        var page = agent.Render<AppraisalPage>(p => p.Add(x => x.Id, mine));
        page.WaitForAssertion(() => Assert.Contains("Your self-assessment", page.Find("[data-testid=appraisal-step-form]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=appraisal-quantitative] tbody tr"));

        await using var supervisor = ContextFor(_world.CsSupervisor);
        var theirs = supervisor.Render<AppraisalPage>(p => p.Add(x => x.Id, mine));
        theirs.WaitForAssertion(() => Assert.NotNull(theirs.Find("[data-testid=appraisal-waiting]")));
        Assert.Empty(theirs.FindAll("[data-testid=appraisal-step-form]"));
    }

    [Fact]
    public async Task The_cycle_list_shows_an_agent_only_her_row_and_the_supervisor_every_row_with_the_distribution()
    {
        await using var agent = ContextFor(_world.Agent1);
        var mine = agent.Render<AppraisalsPage>();
        mine.WaitForAssertion(() => Assert.Single(mine.FindAll("[data-testid=appraisals-rows] tbody tr")));
        Assert.Empty(mine.FindAll("[data-testid=appraisal-distribution]"));
        Assert.Empty(mine.FindAll("[data-testid=open-cycle]"));

        await using var supervisor = ContextFor(_world.CsSupervisor);
        var team = supervisor.Render<AppraisalsPage>();
        team.WaitForAssertion(() => Assert.Equal(4, team.FindAll("[data-testid=appraisals-rows] tbody tr").Count));
        Assert.NotNull(team.Find("[data-testid=appraisal-distribution]"));
        Assert.NotNull(team.Find("[data-testid=open-cycle]"));
    }

    [Fact]
    public async Task The_setup_page_refuses_weights_that_do_not_sum_to_100_and_saves_nothing()
    {
        await using var ctx = ContextFor(_world.Director);
        var page = ctx.Render<AppraisalSetupPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=setup-weight-total-Operations]")));
        var before = (await _world.Harness.Get<AppraisalQueries>().TemplatesAsync()).Single(t => t.Team == Team.Operations).QuantitativeJson;

        // The first tab is operations: its first KPI weighs 20%.
        var field = page.FindAll("input").First(i => i.GetAttribute("value") == "20");
        await field.ChangeAsync(new() { Value = "25" });
        await page.Find("[data-testid=setup-save-Operations]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The weights must add up to 100%.", page.Markup));
        Assert.Contains("105%", page.Find("[data-testid=setup-weight-total-Operations]").TextContent);
        Assert.Equal(before, (await _world.Harness.Get<AppraisalQueries>().TemplatesAsync()).Single(t => t.Team == Team.Operations).QuantitativeJson);
    }
}
