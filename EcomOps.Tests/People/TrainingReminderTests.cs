using EcomOps.Domain.Notifications;
using EcomOps.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.People;

/// <summary>Reminders through the notification centre, on real SQLite with the fake clock.</summary>
public sealed class TrainingReminderTests : IAsyncLifetime
{
    private TrainingWorld _world = default!;

    public async Task InitializeAsync() => _world = await TrainingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    // 07:00 on Wednesday 2 Dec in Shanghai is still Tuesday 1 Dec in UTC (23:00): the reminder "the day before at 09:00"
    // is 09:00 on 1 Dec in Shanghai, 01:00 UTC on 1 Dec — not 09:00 UTC on 30 Nov, which a UTC calendar would give.
    private static readonly DateTime EarlyStartLocal = new(2026, 12, 2, 7, 0, 0);
    private static readonly DateTime ReminderDueUtc = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_reminder_falls_at_nine_company_time_on_the_day_before_even_when_the_utc_date_differs()
    {
        var zone = Domain.Time.CompanyTime.FindZone("Asia/Shanghai");
        var start = TimeZoneInfo.ConvertTimeToUtc(EarlyStartLocal, zone);
        Assert.Equal(new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(ReminderDueUtc, TrainingRules.ReminderDueUtc(start, new TrainingSettings(), zone));
        Assert.Equal(new DateTime(2026, 11, 29, 6, 30, 0, DateTimeKind.Utc), TrainingRules.ReminderDueUtc(start, new TrainingSettings(3, new TimeOnly(14, 30)), zone));
        // Set for the same day at a time after the start: an hour before the start instead.
        Assert.Equal(start.AddHours(-1), TrainingRules.ReminderDueUtc(start, new TrainingSettings(0, new TimeOnly(9, 0)), zone));
    }

    [Fact]
    public async Task Attendees_are_reminded_at_the_company_time_instant_once_however_often_the_job_runs()
    {
        var id = await _world.ScheduleAsync(_world.Session(EarlyStartLocal));
        Assert.True((await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1))).Succeeded);
        Assert.True((await _world.Desk.EnrolAsync(_world.Agent2, id, _world.IdOf(_world.Agent2))).Succeeded);

        _world.MoveClockTo(ReminderDueUtc.AddMinutes(-1));
        await _world.Reminders.RunAsync();
        Assert.Empty(await _world.NoticesAsync(_world.Agent1, $"training:{id}:reminder"));

        _world.MoveClockTo(ReminderDueUtc);
        Assert.Equal(2, await _world.Reminders.RunAsync());
        Assert.Equal(0, await _world.Reminders.RunAsync());
        // Two servers (or a job retried while the first is still running) at the same instant: still one each.
        var racing = await Task.WhenAll(_world.Reminders.RunAsync(), _world.Reminders.RunAsync());
        Assert.Equal(0, racing.Sum());

        var notice = Assert.Single(await _world.NoticesAsync(_world.Agent1, $"training:{id}:reminder"));
        Assert.Equal(NotificationKind.TrainingReminder, notice.Kind);
        Assert.Equal(TrainingDesk.LinkOf(id), notice.Link);
        Assert.Single(await _world.NoticesAsync(_world.Agent2, $"training:{id}:reminder"));
        Assert.Empty(await _world.NoticesAsync(_world.Agent3, $"training:{id}:reminder"));
    }

    [Fact]
    public async Task A_second_reminder_service_after_a_restart_sends_nothing_already_sent()
    {
        var id = await _world.ScheduleAsync(_world.Session(EarlyStartLocal));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        _world.MoveClockTo(ReminderDueUtc.AddHours(2));
        Assert.Equal(1, await _world.Reminders.RunAsync());

        // What a restarted server has: nothing in memory, the same database.
        var restarted = new TrainingReminders(_world.Harness.Get<IDbContextFactory<Domain.Data.OpsDb>>(), _world.Centre,
            _world.Harness.Get<Domain.Time.CompanyTime>(), new TrainingSettings());
        Assert.Equal(0, await restarted.RunAsync());
        Assert.Single(await _world.NoticesAsync(_world.Agent1, $"training:{id}:reminder"));
    }

    [Fact]
    public async Task A_moved_session_sends_one_moved_notice_and_reminds_again_of_its_new_time_once()
    {
        var id = await _world.ScheduleAsync(_world.Session(EarlyStartLocal));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        _world.MoveClockTo(ReminderDueUtc.AddHours(1));
        await _world.Reminders.RunAsync();

        var later = new DateTime(2026, 12, 4, 10, 0, 0);
        Assert.True((await _world.Desk.MoveAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), later)).Succeeded);
        // Saving the same time again is no move.
        Assert.True((await _world.Desk.MoveAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), later)).Succeeded);
        var moved = Assert.Single(await _world.NoticesAsync(_world.Agent1, $"training:{id}:moved"));
        Assert.Equal(NotificationKind.TrainingMoved, moved.Kind);

        await _world.Reminders.RunAsync();
        Assert.Single(await _world.NoticesAsync(_world.Agent1, $"training:{id}:reminder"));

        // 09:00 on 3 Dec in Shanghai: the reminder of the new time, once.
        _world.MoveClockTo(new DateTime(2026, 12, 3, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, await _world.Reminders.RunAsync());
        Assert.Equal(0, await _world.Reminders.RunAsync());
        Assert.Equal(2, (await _world.NoticesAsync(_world.Agent1, $"training:{id}:reminder")).Count);
    }

    [Fact]
    public async Task After_the_session_the_trainer_is_asked_for_attendance_then_results_and_managers_hear_of_misses_and_failures()
    {
        var start = new DateTime(2026, 11, 30, 14, 0, 0);
        var id = await _world.ScheduleAsync(_world.Session(start, 10, Domain.Org.Roles.CsAgent));
        _world.MoveClockTo(new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc));
        await _world.Reminders.RunAsync();
        var attendanceDue = Assert.Single(await _world.NoticesAsync(_world.CsSupervisor, $"training:{id}:attendance-due"));
        Assert.Equal(NotificationKind.TrainingDue, attendanceDue.Kind);

        var detail = (await _world.Queries.SessionAsync(_world.CsSupervisor, id))!;
        var byPerson = detail.Enrolments.ToDictionary(e => e.EmployeeId, e => e.Id);
        Assert.Equal(3, byPerson.Count);
        var attended = new Dictionary<int, bool>
        {
            [byPerson[_world.IdOf(_world.Agent1)]] = true, [byPerson[_world.IdOf(_world.Agent2)]] = true, [byPerson[_world.IdOf(_world.Agent3)]] = false,
        };
        Assert.True((await _world.Desk.RecordAttendanceAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), attended)).Succeeded);
        await _world.Reminders.RunAsync();
        Assert.Single(await _world.NoticesAsync(_world.CsSupervisor, $"training:{id}:results-due"));
        Assert.Single(await _world.NoticesAsync(_world.Agent1, $"training:{id}:feedback-open"));
        Assert.Empty(await _world.NoticesAsync(_world.Agent3, $"training:{id}:feedback-open"));
        Assert.Single(await _world.NoticesAsync(_world.CsSupervisor, $"training:{id}:missed:{_world.IdOf(_world.Agent3)}"));

        var results = new[] { new AttendeeResult(byPerson[_world.IdOf(_world.Agent1)], 85, null), new AttendeeResult(byPerson[_world.IdOf(_world.Agent2)], 40, null) };
        Assert.True((await _world.Desk.RecordResultsAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), results)).Succeeded);
        await _world.Reminders.RunAsync();
        await _world.Reminders.RunAsync();
        Assert.Single(await _world.NoticesAsync(_world.CsSupervisor, $"training:{id}:failed:{_world.IdOf(_world.Agent2)}"));
        Assert.Empty(await _world.NoticesAsync(_world.CsSupervisor, $"training:{id}:failed:{_world.IdOf(_world.Agent1)}"));
    }

    [Fact]
    public async Task A_person_reads_and_marks_only_their_own_notifications()
    {
        var id = await _world.ScheduleAsync(_world.Session(EarlyStartLocal));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        _world.MoveClockTo(ReminderDueUtc);
        await _world.Reminders.RunAsync();

        Assert.Equal(1, await _world.Centre.UnreadCountAsync(_world.Agent1.UserId));
        var row = Assert.Single((await _world.Centre.ListAsync(_world.Agent1.UserId, unreadOnly: true)).Items);
        Assert.Equal("Notice.TrainingReminder", row.TextKey);
        Assert.StartsWith("@utc:2026-12-01T23:00:00", row.Args[1]);
        Assert.Equal(Domain.Data.OutcomeKind.NotFound, (await _world.Centre.MarkReadAsync(_world.Agent2, row.Id)).Kind);
        Assert.Equal(1, await _world.Centre.UnreadCountAsync(_world.Agent1.UserId));
        Assert.True((await _world.Centre.MarkReadAsync(_world.Agent1, row.Id)).Value);
        Assert.Equal(0, await _world.Centre.UnreadCountAsync(_world.Agent1.UserId));
        Assert.Empty((await _world.Centre.ListAsync(_world.Agent1.UserId, unreadOnly: true)).Items);
    }
}
