using Bunit;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Service;

public sealed class ServiceAlertTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<Outcome<int>> ChatAsync() => _harness.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
    {
        Channel = TicketChannel.OnlineChat, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Hello", Category = TicketCategories.Other, Message = "Anyone there?",
    });

    [Fact]
    public async Task A_warning_and_then_a_breach_each_escalate_once_however_often_the_check_runs()
    {
        var id = (await ChatAsync()).Value;
        var desk = _harness.Get<TicketDesk>();
        var alerts = _harness.Get<ServiceAlerts>();

        _harness.Clock.Advance(TimeSpan.FromMinutes(13));
        await desk.RefreshDueSlasAsync();
        await desk.RecomputeOpenAsync();
        var afterWarning = await alerts.OpenAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(3));
        await desk.RefreshDueSlasAsync();
        await desk.RecomputeOpenAsync();
        var afterBreach = await alerts.OpenAsync();

        Assert.Equal(AlertKind.Warning, Assert.Single(afterWarning.Latest).Kind);
        Assert.Equal(2, afterBreach.Open);
        Assert.Equal([(AlertKind.Breach, SlaTargetKind.FirstResponse, id), (AlertKind.Warning, SlaTargetKind.FirstResponse, id)],
            afterBreach.Latest.Select(a => (a.Kind, a.Target, a.TicketId)));
    }

    [Fact]
    public async Task An_acknowledged_alert_leaves_the_bell()
    {
        await ChatAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(16));
        await _harness.Get<TicketDesk>().RefreshDueSlasAsync();
        var alerts = _harness.Get<ServiceAlerts>();
        var open = await alerts.OpenAsync();

        foreach (var alert in open.Latest)
        {
            Assert.True((await alerts.AcknowledgeAsync(Actor.Person(null, "cssupervisor@ecomops.local", Roles.CsSupervisor), alert.Id)).Value);
        }

        Assert.True(open.Open > 0);
        Assert.Equal(0, (await alerts.OpenAsync()).Open);
    }

    [Fact]
    public async Task An_agent_cannot_acknowledge_an_escalation_and_it_stays_on_the_bell()
    {
        await ChatAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(16));
        await _harness.Get<TicketDesk>().RefreshDueSlasAsync();
        var alerts = _harness.Get<ServiceAlerts>();
        var open = await alerts.OpenAsync();

        var refused = await alerts.AcknowledgeAsync(Actor.Person(null, "agent@ecomops.local", Roles.CsAgent), open.Latest[0].Id);

        Assert.Equal([Actor.NotPermitted], refused.Errors);
        Assert.Equal(open.Open, (await alerts.OpenAsync()).Open);
    }

    [Fact]
    public async Task The_supervisors_notification_bell_counts_a_new_escalation_live()
    {
        string userId;
        await using (var db = _harness.NewDb())
        {
            userId = db.Employees.Single(e => e.Email == "cssupervisor@ecomops.local").UserId!;
        }
        var centre = _harness.Get<Domain.Notifications.NotificationCentre>();
        var before = await centre.UnreadCountAsync(userId);
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.AddAuthorization().SetAuthorized("cssupervisor@ecomops.local").SetRoles(Roles.CsSupervisor)
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId));
        var bell = ctx.Render<EcomOps.Console.Features.Notifications.NotificationBell>();

        await ChatAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(16));
        await _harness.Get<TicketDesk>().RefreshDueSlasAsync();

        Assert.True(await centre.UnreadCountAsync(userId) > before);
        bell.WaitForAssertion(() => Assert.Equal($"{before + 1}", bell.Find("[role=status].mud-badge").TextContent.Trim()));
    }

    [Fact]
    public async Task A_supervisor_sees_escalations_arrive_live_takes_one_and_a_second_supervisor_is_told_it_was_taken()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.AddAuthorization().SetAuthorized("cssupervisor@ecomops.local").SetRoles(Roles.CsSupervisor).SetPolicies(Permissions.SuperviseService);
        var snackbars = ctx.Render<MudBlazor.MudSnackbarProvider>();
        var panel = ctx.Render<EcomOps.Console.Features.Service.EscalationsPanel>();
        var second = ctx.Render<EcomOps.Console.Features.Service.EscalationsPanel>();
        panel.WaitForElement("[data-testid=escalations-none]");

        await ChatAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(13));
        await _harness.Get<TicketDesk>().RefreshDueSlasAsync();

        panel.WaitForAssertion(() => Assert.Equal("1", panel.Find("[data-testid=escalations-open]").TextContent.Trim()));
        var alert = Assert.Single((await _harness.Get<ServiceAlerts>().OpenAsync()).Latest);
        second.WaitForElement($"[data-testid=escalation-take-{alert.Id}]");
        panel.Find($"[data-testid=escalation-take-{alert.Id}]").Click();

        panel.WaitForElement("[data-testid=escalations-none]");
        snackbars.WaitForAssertion(() => Assert.Contains($"You took the escalation of {alert.TicketNumber}", snackbars.Markup, StringComparison.Ordinal));
        // The second panel may still show it if its live reload has not run yet: its click is answered, not applied twice.
        if (second.FindAll($"[data-testid=escalation-take-{alert.Id}]") is [var stale])
        {
            stale.Click();
            snackbars.WaitForAssertion(() => Assert.Contains($"Another supervisor took the escalation of {alert.TicketNumber} first", snackbars.Markup, StringComparison.Ordinal));
        }
        second.WaitForElement("[data-testid=escalations-none]");
        Assert.Equal(0, (await _harness.Get<ServiceAlerts>().OpenAsync()).Open);
    }
}
