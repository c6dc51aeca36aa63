using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Referrals;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Referrals;

/// <summary>Referrals on real SQLite with the fake clock: the answer's way back to the ticket, who may answer, the overdue escalation, bad input.</summary>
public sealed class ReferralDeskTests : IAsyncLifetime
{
    private ReferralWorld _world = default!;

    private DomainHarness _harness => _world.Harness;
    private Employee _agent => _world.Agent;
    private Employee _opsHead => _world.OpsHead;
    private Employee _specialist => _world.Specialist;
    private Employee _designer => _world.Designer;
    private int _ticket => _world.Ticket;
    private ReferralDesk Desk => _world.Desk;
    private DateTime Now => _world.Now;

    private static Actor As(Employee e) => ReferralWorld.As(e);

    public async Task InitializeAsync() => _world = await ReferralWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<int> ReferAsync(Employee? to = null, double hours = 4) => _world.ReferAsync(to: to, hours: hours);

    private async Task<List<Notification>> NotificationsAsync(Employee e)
    {
        await using var db = _harness.NewDb();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.RecipientUserId == e.UserId).ToListAsync();
    }

    [Fact]
    public async Task A_referrals_answer_returns_to_its_ticket_as_an_internal_note_and_the_agent_is_told()
    {
        var id = await ReferAsync();
        var row = Assert.Single(await Desk.ForTicketAsync(_ticket));

        var answered = await Desk.AnswerAsync(As(_specialist), id, row.Version, "  周三到货，周四可发。 ");

        Assert.True(answered.Succeeded);
        var ticket = await _harness.Get<TicketQueue>().FindAsync(_ticket);
        var note = ticket!.Entries.Last();
        Assert.Equal(ThreadEntryKind.InternalNote, note.Kind);
        Assert.Equal($"{TicketReferral.NumberOf(id)} · 周三到货，周四可发。", note.Body);
        Assert.Equal(_specialist.FullName, note.AuthorName);
        var after = Assert.Single(await Desk.ForTicketAsync(_ticket));
        Assert.Equal(ReferralState.Answered, after.State);
        Assert.Contains(await NotificationsAsync(_agent), n => n.Kind == NotificationKind.ReferralAnswered && n.Link == $"/service/tickets/{_ticket}");
        // The department's heads were told of the referral when it was made.
        Assert.Contains(await NotificationsAsync(_opsHead), n => n.Kind == NotificationKind.Referral);
    }

    [Fact]
    public async Task An_overdue_referral_escalates_to_the_departments_heads_and_the_agent_once_however_often_the_sweep_runs()
    {
        var id = await ReferAsync(hours: 1);
        Assert.Equal(0, await Desk.EscalateOverdueAsync());

        _harness.Clock.Advance(TimeSpan.FromMinutes(61));
        var first = await Desk.EscalateOverdueAsync();
        var second = await Desk.EscalateOverdueAsync();

        Assert.Equal((1, 0), (first, second));
        Assert.Single(await NotificationsAsync(_opsHead), n => n.Kind == NotificationKind.ReferralOverdue && n.EventKey == $"referral:{id}:overdue");
        Assert.Single(await NotificationsAsync(_agent), n => n.Kind == NotificationKind.ReferralOverdue);
        Assert.DoesNotContain(await NotificationsAsync(_specialist), n => n.Kind == NotificationKind.ReferralOverdue);
        Assert.NotNull(Assert.Single(await Desk.ForTicketAsync(_ticket)).EscalatedAtUtc);
        Assert.Equal(new ReferralCounts(1, 1), await Desk.CountsForAsync(_opsHead.UserId));
    }

    [Fact]
    public async Task Only_the_colleague_named_or_a_department_head_answers_and_a_second_answer_on_a_stale_version_is_refused()
    {
        var id = await ReferAsync(to: _specialist);
        var version = Assert.Single(await Desk.ForTicketAsync(_ticket)).Version;
        var otherSpecialist = await OtherSpecialistAsync();

        var byDesigner = await Desk.AnswerAsync(As(_designer), id, version, "不知道");
        var byOther = otherSpecialist is null ? null : await Desk.AnswerAsync(As(otherSpecialist), id, version, "不知道");
        var byHead = await Desk.AnswerAsync(As(_opsHead), id, version, "周三到货");
        var late = await Desk.AnswerAsync(As(_specialist), id, version, "周五到货");

        Assert.Equal(ReferralRules.NotForYou, Assert.Single(byDesigner.Errors).Code);
        if (byOther is not null)
        {
            Assert.Equal(ReferralRules.NotForYou, Assert.Single(byOther.Errors).Code);
        }
        Assert.True(byHead.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Equal("周三到货", Assert.Single(await Desk.ForTicketAsync(_ticket)).Answer);
        // The named colleague sees it on their home page; the designer's department has nothing waiting.
        Assert.Equal(new ReferralCounts(0, 0), await Desk.CountsForAsync(_designer.UserId));
    }

    private async Task<Employee?> OtherSpecialistAsync()
    {
        await using var db = _harness.NewDb();
        return await db.Employees.AsNoTracking().Where(e => e.Active && e.UserId != null && e.Role == Roles.OperationsSpecialist && e.Id != _specialist.Id).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task A_referral_without_a_question_due_too_soon_or_too_late_or_to_a_colleague_of_another_department_is_refused_field_by_field_and_nothing_is_saved()
    {
        var desk = Desk;
        var empty = await desk.ReferAsync(As(_agent), _ticket, new ReferralForm(Team.Operations, null, "  ", Now.AddMinutes(10)));
        var late = await desk.ReferAsync(As(_agent), _ticket, new ReferralForm(Team.Operations, _designer.Id, new string('问', 2001), Now.AddDays(8)));
        var byDesigner = await desk.ReferAsync(As(_designer), _ticket, new ReferralForm(Team.Operations, null, "?", Now.AddHours(2)));

        Assert.Equal([("Question", ReferralRules.QuestionMissing), ("Due", ReferralRules.DueTooSoon)], empty.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([("Question", ReferralRules.QuestionTooLong), ("Due", ReferralRules.DueTooLate), ("Colleague", ReferralRules.ColleagueInvalid)],
            late.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([Actor.NotPermitted], byDesigner.Errors);
        Assert.Empty(await desk.ForTicketAsync(_ticket));
    }

    [Fact]
    public async Task The_agent_withdraws_an_open_referral_and_it_can_no_longer_be_answered()
    {
        var id = await ReferAsync();
        var row = Assert.Single(await Desk.ForTicketAsync(_ticket));

        Assert.True((await Desk.WithdrawAsync(As(_agent), id, row.Version)).Succeeded);
        var version = Assert.Single(await Desk.ForTicketAsync(_ticket)).Version;

        Assert.Equal(ReferralRules.NotOpen, Assert.Single((await Desk.AnswerAsync(As(_opsHead), id, version, "晚了")).Errors).Code);
        Assert.Equal(0, (await Desk.CountsForAsync(_opsHead.UserId)).Open);
    }
}
