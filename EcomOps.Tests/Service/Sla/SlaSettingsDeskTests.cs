using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Sla;

public sealed class SlaSettingsDeskTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    private SlaSettingsDesk Settings => _harness.Get<SlaSettingsDesk>();

    private TicketDesk Desk => _harness.Get<TicketDesk>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> ChatAsync() => (await Desk.CreateAsync(Actor.System, new TicketForm
    {
        Channel = TicketChannel.OnlineChat, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Hello", Category = TicketCategories.Other, Message = "Anyone there?",
    })).Value;

    private async Task<Ticket> TicketAsync(int id)
    {
        await using var db = _harness.NewDb();
        return await db.Tickets.Include(t => t.Entries).SingleAsync(t => t.Id == id);
    }

    private static SlaSettings WithChat(Func<SlaPolicySettings, SlaPolicySettings> change)
    {
        var settings = SlaSettings.Default();
        var chat = settings.Policies.FindIndex(p => p.Name == "Online chat");
        settings.Policies[chat] = change(settings.Policies[chat]);
        return settings;
    }

    [Fact]
    public async Task Saving_a_shorter_target_recomputes_the_open_tickets_at_once()
    {
        var id = await ChatAsync();
        var created = (await TicketAsync(id)).CreatedAtUtc;

        var saved = await Settings.SaveAsync(Actor.System, WithChat(p => p with { FirstResponseMinutes = 5 }), version: 0);

        Assert.True(saved.Succeeded);
        Assert.True(saved.Value!.Recomputed >= 1);
        Assert.True(saved.Value.DeadlinesMoved >= 1);
        Assert.Equal(created.AddMinutes(5), (await TicketAsync(id)).FirstResponseDueUtc);
    }

    [Fact]
    public async Task A_holiday_added_to_the_desk_calendar_moves_todays_deadlines_past_it()
    {
        var id = await ChatAsync();
        var supervisor = await SupervisorAsync();

        var added = await _harness.Get<CalendarDesk>().SaveAsync(supervisor, null, 0,
            new CalendarDayForm { Calendar = WorkCalendar.ServiceDesk, Date = new DateOnly(2026, 11, 27), Kind = CalendarDayKind.Holiday });

        Assert.True(added.Succeeded);
        Assert.True(added.Value!.Recomputed!.DeadlinesMoved >= 1);
        // Friday closed: the 15 business minutes start at Saturday's 09:00 opening in Shanghai (01:00 UTC).
        Assert.Equal(new DateTime(2026, 11, 28, 1, 15, 0, DateTimeKind.Utc), (await TicketAsync(id)).FirstResponseDueUtc);
    }

    private async Task<Actor> SupervisorAsync()
    {
        await using var db = _harness.NewDb();
        var supervisor = await db.Employees.FirstAsync(e => e.Role == Roles.CsSupervisor && e.Active && e.UserId != null);
        return new Actor(supervisor.UserId, supervisor.Email);
    }

    [Fact]
    public async Task Saved_settings_are_what_the_next_start_loads_and_applies()
    {
        var settings = WithChat(p => p with { FirstResponseMinutes = 7 });
        await Settings.SaveAsync(Actor.System, settings, version: 0);

        var loaded = await Settings.LoadAsync();
        var fresh = ServiceSla.Default();
        var otherServer = new SlaSettingsDesk(_harness.Get<IDbContextFactory<OpsDb>>(), fresh, Desk,
            new CalendarDays(_harness.Get<IDbContextFactory<OpsDb>>(), _harness.Get<CompanyTime>()), _harness.Clock);

        Assert.Equal(1, loaded.Version);
        Assert.Equal(7, loaded.Settings.Policies.Single(p => p.Name == "Online chat").FirstResponseMinutes);
        Assert.True(await otherServer.SyncAsync());
        Assert.False(await otherServer.SyncAsync());
        Assert.Equal(TimeSpan.FromMinutes(7), fresh.Policies.Policies.Single(p => p.Name == "Online chat").FirstResponse!.Duration);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused_and_changes_nothing()
    {
        await Settings.SaveAsync(Actor.System, WithChat(p => p with { FirstResponseMinutes = 7 }), version: 0);

        var stale = await Settings.SaveAsync(Actor.System, WithChat(p => p with { FirstResponseMinutes = 3 }), version: 0);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(7, (await Settings.LoadAsync()).Settings.Policies.Single(p => p.Name == "Online chat").FirstResponseMinutes);
        Assert.Equal(TimeSpan.FromMinutes(7), _harness.Get<ServiceSla>().Policies.Policies.Single(p => p.Name == "Online chat").FirstResponse!.Duration);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_and_the_rules_in_use_stay()
    {
        var id = await ChatAsync();
        var before = (await TicketAsync(id)).FirstResponseDueUtc;

        var refused = await Settings.SaveAsync(Actor.System, WithChat(p => p with { FirstResponseMinutes = -5 }), version: 0);

        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal(0, (await Settings.LoadAsync()).Version);
        Assert.Equal(before, (await TicketAsync(id)).FirstResponseDueUtc);
        Assert.Equal(TimeSpan.FromMinutes(15), _harness.Get<ServiceSla>().Policies.Policies.Single(p => p.Name == "Online chat").FirstResponse!.Duration);
    }

    [Fact]
    public async Task A_reassignment_to_someone_outside_customer_service_is_refused()
    {
        await using var db = _harness.NewDb();
        var designer = await db.Employees.FirstAsync(e => e.Team == Team.Design && e.Active);

        var refused = await Settings.SaveAsync(Actor.System,
            WithChat(p => p with { ReassignOn = SlaEscalationTrigger.Breach, ReassignToEmployeeId = designer.Id }), version: 0);

        Assert.Equal([("Policies[2].ReassignTo", "AssigneeNotAgent")], refused.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public async Task A_policy_naming_a_reassignment_hands_a_breached_ticket_over_once_with_a_note_saying_why()
    {
        await using var db = _harness.NewDb();
        var senior = await db.Employees.FirstAsync(e => e.Team == Team.CustomerService && e.Role == Roles.CsSupervisor && e.Active);
        await Settings.SaveAsync(Actor.System, WithChat(p => p with { ReassignOn = SlaEscalationTrigger.Breach, ReassignToEmployeeId = senior.Id }), version: 0);
        var id = await ChatAsync();

        _harness.Clock.Advance(TimeSpan.FromMinutes(13));
        await Desk.RefreshDueSlasAsync();
        var atWarning = await TicketAsync(id);
        _harness.Clock.Advance(TimeSpan.FromMinutes(3));
        await Desk.RefreshDueSlasAsync();
        await Desk.RecomputeOpenAsync();
        var afterBreach = await TicketAsync(id);

        Assert.Null(atWarning.AssigneeId);
        Assert.Equal(senior.Id, afterBreach.AssigneeId);
        var note = Assert.Single(afterBreach.Entries, e => e.Kind == ThreadEntryKind.InternalNote);
        Assert.Contains(senior.FullName, note.Body);
        Assert.Contains("Online chat", note.Body);
    }
}
