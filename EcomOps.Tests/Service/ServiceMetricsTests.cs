using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Service.Surveys;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service;

public sealed class ServiceMetricsTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private Actor _agent = default!;
    private int _agentId;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        _agent = new Actor(user.Id, user.UserName!);
        _agentId = (await db.Employees.SingleAsync(e => e.UserId == user.Id)).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> TicketAsync(TicketChannel channel = TicketChannel.Email) =>
        (await _harness.Get<TicketDesk>().CreateAsync(_agent, new TicketForm
        {
            Channel = channel, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Question", Category = TicketCategories.Other, Message = "Hello",
        })).Value;

    private async Task<long> VersionAsync(int id) => (await _harness.Get<TicketQueue>().FindAsync(id))!.Version;

    [Fact]
    public async Task Figures_on_a_small_hand_computed_day_match_their_definitions()
    {
        var desk = _harness.Get<TicketDesk>();
        var start = _harness.Clock.GetUtcNow().UtcDateTime;

        // Ticket A: claimed, answered after 30 min, solved after 2 h, rated 4.
        var a = await TicketAsync();
        await desk.ClaimAsync(_agent, a);
        _harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await desk.ReplyAsync(_agent, a, "On it", await VersionAsync(a), TicketStatus.Open);
        _harness.Clock.Advance(TimeSpan.FromMinutes(90));
        await desk.ChangeStatusAsync(_agent, a, TicketStatus.Solved, await VersionAsync(a));
        var token = (await _harness.Get<SurveyDesk>().LatestForTicketAsync(a))!.Token;
        await _harness.Get<SurveyDesk>().AnswerAsync(token, 4, null);

        // Ticket B: an online chat claimed and answered after 20 minutes: its 15-minute first response is breached.
        var b = await TicketAsync(TicketChannel.OnlineChat);
        await desk.ClaimAsync(_agent, b);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await desk.RefreshDueSlasAsync();
        await desk.ReplyAsync(_agent, b, "Sorry for the wait", await VersionAsync(b), TicketStatus.Solved);
        await desk.ReopenAsync(_agent, b, await VersionAsync(b));

        var period = new MetricPeriod(start, start.AddDays(1));
        var mine = (await _harness.Get<ServiceMetrics>().PerAgentAsync(period)).Single(f => f.EmployeeId == _agentId);
        var team = await _harness.Get<ServiceMetrics>().TeamAsync(period);

        await using (var db = _harness.NewDb())
        {
            Assert.Equal([(b, SlaTargetKind.FirstResponse)], (await db.SlaBreaches.ToListAsync()).Select(x => (x.TicketId, x.Target)));
        }
        Assert.Equal(2, mine.TicketsCreated);
        Assert.Equal(2, mine.TicketsSolved);
        Assert.Equal((30 + 20) / 2.0, mine.FirstResponseMinutes);
        Assert.Equal((2 + 20 / 60.0) / 2, mine.ResolutionHours!.Value, 6);
        Assert.Equal(0.5, mine.SlaAchievement);
        Assert.Equal(0.5, mine.ReopenRate);
        Assert.Equal(1, mine.Backlog);
        Assert.Equal((4.0, 1), (mine.Csat, mine.CsatResponses));
        Assert.Equal(mine.FirstResponseMinutes, team.FirstResponseMinutes);
    }

    [Fact]
    public async Task A_period_without_tickets_has_no_rates_rather_than_zeros()
    {
        var start = _harness.Clock.GetUtcNow().UtcDateTime.AddDays(-30);

        var team = await _harness.Get<ServiceMetrics>().TeamAsync(new MetricPeriod(start, start.AddDays(1)));

        Assert.Equal((0, 0), (team.TicketsCreated, team.TicketsSolved));
        Assert.Null(team.FirstResponseMinutes);
        Assert.Null(team.SlaAchievement);
        Assert.Null(team.Csat);
    }
}
