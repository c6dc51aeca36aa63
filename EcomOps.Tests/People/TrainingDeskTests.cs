using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.People;

/// <summary>Plans, sessions, enrolment and assessment on real SQLite with the fake clock (27 Nov 2026, 10:00 Shanghai).</summary>
public sealed class TrainingDeskTests : IAsyncLifetime
{
    private static readonly DateTime NextWeek = new(2026, 12, 4, 10, 0, 0);
    private TrainingWorld _world = default!;

    public async Task InitializeAsync() => _world = await TrainingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = _world.Harness.NewDb();
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task Past_the_capacity_people_wait_and_the_first_waiting_takes_a_freed_place()
    {
        var id = await _world.ScheduleAsync(_world.Session(NextWeek, capacity: 2));
        Assert.Equal(EnrolmentState.Enrolled, (await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1))).Value);
        Assert.Equal(EnrolmentState.Enrolled, (await _world.Desk.EnrolAsync(_world.Agent2, id, _world.IdOf(_world.Agent2))).Value);
        Assert.Equal(EnrolmentState.Waiting, (await _world.Desk.EnrolAsync(_world.Agent3, id, _world.IdOf(_world.Agent3))).Value);
        // The supervisor enrols the specialist? Not her team: refused.
        Assert.Equal([Actor.NotPermitted], (await _world.Desk.EnrolAsync(_world.CsSupervisor, id, _world.IdOf(_world.Specialist))).Errors);

        Assert.True((await _world.Desk.WithdrawAsync(_world.Agent1, id, _world.IdOf(_world.Agent1))).Succeeded);
        var detail = (await _world.Queries.SessionAsync(_world.CsSupervisor, id))!;
        Assert.Equal(2, detail.Row.Enrolled);
        Assert.Equal(0, detail.Row.Waiting);
        Assert.Equal(EnrolmentState.Enrolled, detail.Enrolments.Single(e => e.EmployeeId == _world.IdOf(_world.Agent3)).State);
        Assert.DoesNotContain(detail.Enrolments, e => e.EmployeeId == _world.IdOf(_world.Agent1));
    }

    [Fact]
    public async Task Enrolling_the_same_person_twice_or_after_the_start_is_refused_and_changes_nothing()
    {
        var id = await _world.ScheduleAsync(_world.Session(NextWeek));
        Assert.True((await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1))).Succeeded);
        var twice = await _world.Desk.EnrolAsync(_world.CsSupervisor, id, _world.IdOf(_world.Agent1));
        Assert.Equal(TrainingErrors.AlreadyEnrolled, Assert.Single(twice.Errors).Code);

        _world.MoveClockTo(new DateTime(2026, 12, 4, 3, 0, 0, DateTimeKind.Utc));
        var late = await _world.Desk.EnrolAsync(_world.Agent2, id, _world.IdOf(_world.Agent2));
        Assert.Equal(TrainingErrors.SessionStarted, Assert.Single(late.Errors).Code);
        Assert.Equal(1, await CountAsync<TrainingEnrolment>());
    }

    [Fact]
    public async Task A_session_in_the_past_or_with_more_required_people_than_places_is_refused_and_nothing_is_saved()
    {
        var past = await _world.Desk.ScheduleAsync(_world.CsSupervisor, _world.Session(new DateTime(2026, 11, 27, 9, 59, 0)));
        Assert.Contains(past.Errors, e => e is { Field: nameof(SessionForm.StartsAtLocal), Code: TrainingErrors.InPast });

        var over = await _world.Desk.ScheduleAsync(_world.CsSupervisor, _world.Session(NextWeek, capacity: 2, Roles.CsAgent));
        Assert.Contains(over.Errors, e => e is { Field: nameof(SessionForm.Capacity), Code: TrainingErrors.OverCapacity });

        var zero = await _world.Desk.ScheduleAsync(_world.CsSupervisor, _world.Session(NextWeek, capacity: 0));
        Assert.Contains(zero.Errors, e => e.Code == TrainingErrors.CapacityRange);

        var notHers = _world.Session(NextWeek);
        notHers.Team = Team.Operations;
        Assert.Equal(TrainingErrors.NotYourTeam, Assert.Single((await _world.Desk.ScheduleAsync(_world.CsSupervisor, notHers)).Errors).Code);
        Assert.Equal([Actor.NotPermitted], (await _world.Desk.ScheduleAsync(_world.Agent1, _world.Session(NextWeek))).Errors);

        Assert.Equal(0, await CountAsync<TrainingSession>());
        Assert.Equal(0, await CountAsync<TrainingEnrolment>());
    }

    [Fact]
    public async Task Required_roles_are_enrolled_as_required_when_the_session_is_scheduled()
    {
        var id = await _world.ScheduleAsync(_world.Session(NextWeek, capacity: 3, Roles.CsAgent));
        var detail = (await _world.Queries.SessionAsync(_world.CsSupervisor, id))!;
        Assert.Equal(3, detail.Enrolments.Count);
        Assert.All(detail.Enrolments, e => Assert.True(e.Required));
        Assert.Equal([Roles.CsAgent], detail.RequiredRoles);
    }

    [Fact]
    public async Task A_score_out_of_range_refuses_every_result_naming_its_row()
    {
        var id = await _world.ScheduleAsync(_world.Session(new DateTime(2026, 11, 28, 10, 0, 0)));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        await _world.Desk.EnrolAsync(_world.Agent2, id, _world.IdOf(_world.Agent2));

        var early = await _world.Desk.RecordAttendanceAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), new Dictionary<int, bool>());
        Assert.Equal(TrainingErrors.NotYetHeld, Assert.Single(early.Errors).Code);

        _world.MoveClockTo(new DateTime(2026, 11, 28, 4, 0, 0, DateTimeKind.Utc));
        var rows = (await _world.Queries.SessionAsync(_world.CsSupervisor, id))!.Enrolments;
        // An agent is not the trainer: refused.
        Assert.Equal(TrainingErrors.NotTrainer, Assert.Single((await _world.Desk.RecordAttendanceAsync(_world.Agent1, id, await _world.VersionOfAsync(id), rows.ToDictionary(r => r.Id, _ => true))).Errors).Code);
        Assert.True((await _world.Desk.RecordAttendanceAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), rows.ToDictionary(r => r.Id, _ => true))).Succeeded);

        var bad = await _world.Desk.RecordResultsAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), [new AttendeeResult(rows[0].Id, 90, null), new AttendeeResult(rows[1].Id, 101, null)]);
        Assert.Equal(new FieldError($"Result[{rows[1].Id}]", TrainingErrors.ScoreRange), Assert.Single(bad.Errors));
        Assert.All((await _world.Queries.SessionAsync(_world.CsSupervisor, id))!.Enrolments, e => Assert.Null(e.Score));

        var stale = await _world.Desk.RecordResultsAsync(_world.CsSupervisor, id, 0, [new AttendeeResult(rows[0].Id, 90, null)]);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);

        Assert.True((await _world.Desk.RecordResultsAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), [new AttendeeResult(rows[0].Id, 90, null), new AttendeeResult(rows[1].Id, 59, null)])).Succeeded);
        var done = (await _world.Queries.SessionAsync(_world.CsSupervisor, id))!;
        Assert.True(done.Row.ResultsRecorded);
        Assert.Equal([true, false], done.Enrolments.OrderBy(e => e.Id).Select(e => e.Passed));

        Assert.Equal(TrainingErrors.RatingRange, Assert.Single((await _world.Desk.GiveFeedbackAsync(_world.Agent1, id, 6, null)).Errors).Code);
        Assert.True((await _world.Desk.GiveFeedbackAsync(_world.Agent1, id, 4, "useful")).Succeeded);
        Assert.Equal(TrainingErrors.NotAttended, Assert.Single((await _world.Desk.GiveFeedbackAsync(_world.Agent3, id, 4, null)).Errors).Code);
    }

    [Fact]
    public async Task A_plan_is_drafted_by_the_teams_lead_only_and_approved_by_the_director_after_submission()
    {
        var form = new PlanForm
        {
            Team = Team.CustomerService, Year = 2026, Goals = "Everyone passes", AssessmentMethod = "Test",
            Items = [new PlanItemForm { Area = TrainingArea.CustomerService, Title = "Calming", Month = 12, PlannedSessions = 2 }],
        };
        var notMine = await _world.Desk.SavePlanAsync(_world.OpsManager, null, form);
        Assert.Equal(TrainingErrors.NotYourTeam, Assert.Single(notMine.Errors).Code);
        Assert.Equal([Actor.NotPermitted], (await _world.Desk.SavePlanAsync(_world.Agent1, null, form)).Errors);
        var badMonth = new PlanForm { Team = Team.CustomerService, Year = 2026, Items = [new PlanItemForm { Title = "x", Month = 13 }] };
        Assert.Contains((await _world.Desk.SavePlanAsync(_world.CsSupervisor, null, badMonth)).Errors, e => e.Code == TrainingErrors.MonthRange);
        Assert.Equal(0, await CountAsync<TrainingPlan>());

        var id = (await _world.Desk.SavePlanAsync(_world.CsSupervisor, null, form)).Value;
        var plan = Assert.Single(await _world.Queries.PlansAsync(2026));
        Assert.Equal(TrainingErrors.PlanNotSubmitted, Assert.Single((await _world.Desk.ApprovePlanAsync(_world.Director, id, plan.Version)).Errors).Code);
        Assert.True((await _world.Desk.SubmitPlanAsync(_world.CsSupervisor, id, plan.Version)).Succeeded);
        Assert.Single(await _world.NoticesAsync(_world.Director, $"training-plan:{id}:submitted"));
        plan = Assert.Single(await _world.Queries.PlansAsync(2026));
        Assert.Equal([Actor.NotPermitted], (await _world.Desk.ApprovePlanAsync(_world.CsSupervisor, id, plan.Version)).Errors);
        Assert.True((await _world.Desk.ApprovePlanAsync(_world.Director, id, plan.Version)).Succeeded);
        Assert.Equal(PlanState.Approved, Assert.Single(await _world.Queries.PlansAsync(2026)).State);
        Assert.Equal(TrainingErrors.PlanExists, Assert.Single((await _world.Desk.SavePlanAsync(_world.Director, null, form)).Errors).Code);
    }

    [Fact]
    public void Plan_against_done_counts_sessions_people_pass_rate_and_feedback_per_month_and_flags_months_behind()
    {
        var months = TrainingQueries.Progress(2026,
            [(3, 2), (3, 1), (5, 1), (12, 1)],
            [
                (3, [(1, true, 5), (2, false, 4), (3, null, null)]),
                (3, [(1, true, 3)]),
                (4, [(4, true, null)]),
            ],
            new DateOnly(2026, 11, 27));
        var march = months[2];
        Assert.Equal((3, 2), (march.Planned, march.Held));
        Assert.Equal(3, march.PeopleTrained);
        Assert.Equal(3, march.Assessed);
        Assert.Equal(2, march.Passed);
        Assert.Equal(2.0 / 3, march.PassRate!.Value, 6);
        Assert.Equal(4.0, march.AverageFeedback!.Value, 6);
        Assert.True(march.Overdue);
        Assert.False(months[3].Overdue);
        Assert.Equal(1, months[3].Held);
        Assert.True(months[4].Overdue);
        Assert.Null(months[4].PassRate);
        Assert.False(months[11].Overdue);
        Assert.Equal(12, months.Count);
    }

    [Fact]
    public async Task Plan_against_done_counts_only_sessions_whose_attendance_was_taken_in_the_company_month()
    {
        await _world.Desk.SavePlanAsync(_world.CsSupervisor, null, new PlanForm
        {
            Team = Team.CustomerService, Year = 2026, Items = [new PlanItemForm { Area = TrainingArea.CustomerService, Title = "Calming", Month = 12, PlannedSessions = 1 }],
        });
        // 1 Dec 07:00 in Shanghai is 30 Nov in UTC: it counts for December.
        var id = await _world.ScheduleAsync(_world.Session(new DateTime(2026, 12, 1, 7, 0, 0)));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        Assert.Equal(0, (await _world.Queries.ProgressAsync(Team.CustomerService, 2026))[11].Held);

        _world.MoveClockTo(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));
        var row = Assert.Single((await _world.Queries.SessionAsync(_world.CsSupervisor, id))!.Enrolments);
        await _world.Desk.RecordAttendanceAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), new Dictionary<int, bool> { [row.Id] = true });
        var december = (await _world.Queries.ProgressAsync(Team.CustomerService, 2026))[11];
        Assert.Equal((1, 1, 1), (december.Planned, december.Held, december.PeopleTrained));
        Assert.Equal(0, (await _world.Queries.ProgressAsync(Team.CustomerService, 2026))[10].Held);
    }

    [Fact]
    public async Task An_agent_sees_their_own_record_a_supervisor_her_team_and_the_director_everyone()
    {
        var agent1 = _world.IdOf(_world.Agent1);
        var agent2 = _world.IdOf(_world.Agent2);
        var specialist = _world.IdOf(_world.Specialist);
        Assert.NotNull(await _world.Queries.RecordAsync(_world.Agent1, agent1));
        Assert.Null(await _world.Queries.RecordAsync(_world.Agent1, agent2));
        Assert.NotNull(await _world.Queries.RecordAsync(_world.CsSupervisor, agent2));
        Assert.Null(await _world.Queries.RecordAsync(_world.CsSupervisor, specialist));
        Assert.NotNull(await _world.Queries.RecordAsync(_world.Director, specialist));
        Assert.NotNull(await _world.Queries.RecordAsync(_world.OpsManager, specialist));

        Assert.Equal([agent1], (await _world.Queries.VisiblePeopleAsync(_world.Agent1)).Select(p => p.Id));
        Assert.Equal(7, (await _world.Queries.VisiblePeopleAsync(_world.Director)).Count);
        Assert.DoesNotContain(specialist, (await _world.Queries.VisiblePeopleAsync(_world.CsSupervisor)).Select(p => p.Id));

        var record = (await _world.Queries.RecordAsync(_world.Agent1, agent1))!;
        Assert.Equal([TrainingArea.EcommerceBasics, TrainingArea.CustomerService], record.Missing);
    }

    [Fact]
    public async Task Another_agent_sees_a_session_without_the_others_results()
    {
        var id = await _world.ScheduleAsync(_world.Session(new DateTime(2026, 11, 28, 10, 0, 0)));
        await _world.Desk.EnrolAsync(_world.Agent1, id, _world.IdOf(_world.Agent1));
        await _world.Desk.EnrolAsync(_world.Agent2, id, _world.IdOf(_world.Agent2));
        _world.MoveClockTo(new DateTime(2026, 11, 28, 4, 0, 0, DateTimeKind.Utc));
        var rows = (await _world.Queries.SessionAsync(_world.CsSupervisor, id))!.Enrolments;
        await _world.Desk.RecordAttendanceAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), rows.ToDictionary(r => r.Id, _ => true));
        await _world.Desk.RecordResultsAsync(_world.CsSupervisor, id, await _world.VersionOfAsync(id), [.. rows.Select(r => new AttendeeResult(r.Id, 70, null))]);

        var seen = (await _world.Queries.SessionAsync(_world.Agent1, id))!;
        Assert.Equal(70, seen.Enrolments.Single(e => e.EmployeeId == _world.IdOf(_world.Agent1)).Score);
        Assert.Null(seen.Enrolments.Single(e => e.EmployeeId == _world.IdOf(_world.Agent2)).Score);
    }
}
