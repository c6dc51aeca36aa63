using System.Text;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Data;

/// <summary>
/// Every operation asks whether the person doing it may: a job, an endpoint or a future page that calls it cannot skip
/// the check a page makes. A person's roles come with the actor; the console itself (no roles) is trusted.
/// </summary>
public sealed class PermissionTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static Actor As(string role) => Actor.Person($"u-{role}", $"{role}@ecomops.local", role);

    [Fact]
    public async Task A_designer_cannot_log_a_ticket_or_record_a_complaint()
    {
        var designer = As(Roles.Designer);

        var ticket = await _harness.Get<TicketDesk>().CreateAsync(designer, new TicketForm
        {
            CustomerName = "赵喆", CustomerContact = "zhao@example.com", Subject = "Refund", Category = TicketCategories.Payment, Message = "Where is my refund?",
        });
        var complaint = await _harness.Get<ComplaintDesk>().RecordAsync(designer, new ComplaintForm
        {
            ComplainantName = "赵喆", Contact = "13812345678", Matter = "包裹破损", Channel = TicketChannel.Hotline,
        });

        Assert.Equal([Actor.NotPermitted], ticket.Errors);
        Assert.Equal([Actor.NotPermitted], complaint.Errors);
        await using var db = _harness.NewDb();
        Assert.False(await db.Tickets.AnyAsync(t => t.Subject == "Refund"));
    }

    [Fact]
    public async Task An_agent_may_propose_an_answer_but_not_add_one_to_the_library_nor_hire_nor_change_the_sla()
    {
        var agent = As(Roles.CsAgent);
        var form = new AnswerForm { Title = "Refund time", Body = "Refunds take 3 working days.", Category = TicketCategories.Payment, Language = "en" };
        var library = _harness.Get<AnswerLibrary>();
        var sla = _harness.Get<SlaSettingsDesk>();
        var snapshot = await sla.LoadAsync();

        var added = await library.CreateAsync(agent, form);
        var proposed = await library.ProposeAsync(agent, form);
        var hired = await _harness.Get<EmployeeDirectory>().CreateAsync(agent, new EmployeeForm
        {
            EmployeeNumber = "E950", FullName = "New Person", Email = "e950@ecomops.local", Role = Roles.Admin, HireDate = new DateOnly(2026, 11, 2), Password = "welcome123",
        });
        var saved = await sla.SaveAsync(agent, snapshot.Settings, snapshot.Version);

        Assert.Equal([Actor.NotPermitted], added.Errors);
        Assert.True(proposed.Succeeded);
        Assert.Equal([Actor.NotPermitted], hired.Errors);
        Assert.Equal([Actor.NotPermitted], saved.Errors);
    }

    [Fact]
    public async Task A_supervisor_sets_targets_for_their_own_team_only_and_an_agent_imports_no_traffic()
    {
        var supervisor = As(Roles.CsSupervisor);
        var targets = _harness.Get<KpiTargets>();
        var preview = await _harness.Get<TrafficImport>().PreviewAsync("traffic.csv",
            Encoding.UTF8.GetBytes("channel,date,visits,page_views,visitors,new_visitors\nTmall,2026-11-20,1000,4000,700,200\n"));

        var own = await targets.SetAsync(supervisor, Team.CustomerService, PeriodKind.Month, ServiceMetricSource.Csat, 4.6, null);
        var other = await targets.SetAsync(supervisor, Team.Operations, PeriodKind.Month, OperationsMetricSource.OnTimeShipping, 0.95, null);
        var traffic = await _harness.Get<TrafficImport>().CommitAsync(As(Roles.CsAgent), preview, problemsConfirmed: true);

        Assert.DoesNotContain(Actor.NotPermitted, own.Errors); // done, or a conflict with the demo target: either way, allowed
        Assert.Equal([Actor.NotPermitted], other.Errors);
        Assert.Equal([Actor.NotPermitted], traffic.Errors);
    }
}
