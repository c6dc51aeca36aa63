using System.Globalization;
using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Notifications;
using EcomOps.Console.Features.People;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Tests.Support;
using MudBlazor;

namespace EcomOps.Tests.People;

/// <summary>The bell and the training pages as bUnit renders them, on the training world.</summary>
public sealed class TrainingPagesTests : IAsyncLifetime
{
    private static readonly DateTime NextWeek = new(2026, 12, 4, 10, 0, 0);
    private TrainingWorld _world = default!;

    public async Task InitializeAsync() => _world = await TrainingWorld.StartAsync();

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

    [Fact]
    public async Task The_bell_counts_the_readers_own_reminder_live_and_ignores_someone_elses()
    {
        var id = await _world.ScheduleAsync(_world.Session(NextWeek));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        await using var ctx = ContextFor(_world.Agent2);
        var others = ctx.Render<NotificationBell>();
        await using var mine = ContextFor(_world.Agent1);
        var bell = mine.Render<NotificationBell>();
        Assert.Empty(bell.FindAll("[role=status].mud-badge"));

        _world.MoveClockTo(new DateTime(2026, 12, 3, 1, 0, 0, DateTimeKind.Utc));
        await _world.Reminders.RunAsync();

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[role=status].mud-badge").TextContent.Trim()));
        Assert.Empty(others.FindAll("[role=status].mud-badge"));
    }

    [Fact]
    public async Task A_notification_reads_in_the_readers_language_with_the_time_in_the_company_zone()
    {
        var id = await _world.ScheduleAsync(_world.Session(NextWeek));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        _world.MoveClockTo(new DateTime(2026, 12, 3, 1, 0, 0, DateTimeKind.Utc));
        await _world.Reminders.RunAsync();
        var row = Assert.Single((await _world.Centre.ListAsync(_world.Agent1.UserId, unreadOnly: true)).Items);

        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
            await using var ctx = ContextFor(_world.Agent1);
            var page = ctx.Render<NotificationsPage>();
            page.WaitForAssertion(() =>
            {
                var text = page.Find($"[data-testid=notifications-row-{row.Id}]").TextContent;
                Assert.Contains("提醒：培训“客服话术 · Calming an upset customer”将于 2026/12/04 10:00", text);
                Assert.Contains("培训提醒", text);
            });
            page.Find($"[data-testid=notifications-read-{row.Id}] button, button[data-testid=notifications-read-{row.Id}]").Click();
            page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=notifications-read-{row.Id}]")));
            Assert.Equal(0, await _world.Centre.UnreadCountAsync(_world.Agent1.UserId));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public async Task An_agent_enrols_on_a_full_session_onto_the_waiting_list_from_its_page()
    {
        var id = await _world.ScheduleAsync(_world.Session(NextWeek, capacity: 1));
        await _world.Desk.EnrolAsync(_world.Agent2, id, _world.IdOf(_world.Agent2));
        await using var ctx = ContextFor(_world.Agent1);
        var page = ctx.Render<SessionPage>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Contains("Full: join the waiting list", page.Find("[data-testid=session-enrol-me]").TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(page.FindAll("[data-testid=session-save-attendance]"));

        page.Find("[data-testid=session-enrol-me]").Click();
        page.WaitForAssertion(() => Assert.Contains("Waiting list", page.Find("[data-testid=session-my-state]").TextContent));
        Assert.Contains("1 waiting", page.Find("[data-testid=session-places]").TextContent);
    }

    [Fact]
    public async Task The_plan_tab_shows_a_month_behind_plan_in_red_and_the_lead_may_edit_only_her_teams_plan()
    {
        await _world.Desk.SavePlanAsync(_world.CsSupervisor, null, new PlanForm
        {
            Team = Team.CustomerService, Year = 2026, Goals = "Everyone passes",
            Items = [new PlanItemForm { Area = TrainingArea.CustomerService, Title = "Calming", Month = 10, PlannedSessions = 2 }],
        });
        await using var ctx = ContextFor(_world.CsSupervisor);
        var page = ctx.Render<TrainingPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-tab")));
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Annual plans")).Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=plan-month-CustomerService-10]")));
        var october = page.Find("[data-testid=plan-month-CustomerService-10]");
        Assert.Equal("true", october.GetAttribute("data-overdue"));
        Assert.Contains("mud-error-text", october.ClassName);
        Assert.Equal("0", page.Find("[data-testid=plan-held-CustomerService-10]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=training-plan-edit-CustomerService]"));
        Assert.Empty(page.FindAll("[data-testid=training-plan-edit-Operations]"));
        Assert.NotEmpty(page.FindAll("[data-testid=training-plan-submit-CustomerService]"));
    }
}
