using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

public sealed record SessionRow(
    int Id, string Title, Team Team, TrainingArea Area, TrainingMethod Method, DateTime StartsAtUtc, int DurationMinutes, string Place,
    string? TrainerName, string? ExternalProvider, int Capacity, int Enrolled, int Waiting, bool Cancelled, bool AttendanceTaken, bool ResultsRecorded);

public sealed record EnrolmentRow(
    int Id, int EmployeeId, string Name, string Role, EnrolmentState State, bool Required, bool? Attended, int? Score, bool? Passed, int? FeedbackRating, string? FeedbackComment);

public sealed record SessionDetail(
    SessionRow Row, int? PlanItemId, AssessmentKind Assessment, int PassMark, int? TrainerEmployeeId, string? ProviderContact, IReadOnlyList<string> RequiredRoles,
    IReadOnlyList<EnrolmentRow> Enrolments, long Version, bool MayLead, bool IsTrainer, int? MyEmployeeId);

public sealed record PlanItemRow(int Id, TrainingArea Area, string Title, TrainingMethod Method, int Month, int PlannedSessions, AssessmentKind Assessment);

public sealed record PlanRow(int Id, Team Team, int Year, string Goals, string AssessmentMethod, PlanState State, string? DraftedByName, string? ApprovedByName,
    DateTime? ApprovedAtUtc, IReadOnlyList<PlanItemRow> Items, long Version);

/// <summary>One team-month of a plan against what was done.</summary>
public sealed record PlanMonth(int Month, int Planned, int Held, int PeopleTrained, int Assessed, int Passed, double? AverageFeedback, bool Overdue)
{
    public double? PassRate => Assessed == 0 ? null : (double)Passed / Assessed;
}

public sealed record RecordSession(int SessionId, string Title, TrainingArea Area, DateTime StartsAtUtc, EnrolmentState State, bool Required, bool? Attended, int? Score, bool? Passed, int? FeedbackRating);

public enum TimelineKind
{
    Training,
    Promotion,
    Rotation,
}

/// <summary>One event on an employee's timeline: a training, a promotion (proposed or decided), a rotation.</summary>
public sealed record TimelineEntry(DateTime AtUtc, TimelineKind Kind, string Title, string Detail, string? Link);

public sealed record TrainingRecord(
    int EmployeeId, string Name, string Role, Team Team, IReadOnlyList<RecordSession> Sessions, IReadOnlyList<TrainingArea> Missing,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>What the training screens read: sessions, plans against done, a person's record — each within what the reader may see.</summary>
public sealed class TrainingQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public async Task<IReadOnlyList<SessionRow>> SessionsAsync(Team? team, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = db.Set<TrainingSession>().AsNoTracking().Where(s => s.StartsAtUtc >= fromUtc && s.StartsAtUtc < toUtc);
        if (team is { } t)
        {
            sessions = sessions.Where(s => s.Team == t);
        }
        return await sessions.OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).Select(RowOf).ToListAsync(ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<TrainingSession, SessionRow>> RowOf = s => new SessionRow(
        s.Id, s.Title, s.Team, s.Area, s.Method, s.StartsAtUtc, s.DurationMinutes, s.Place, s.Trainer == null ? null : s.Trainer.FullName, s.ExternalProvider, s.Capacity,
        s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), s.Enrolments.Count(e => e.State == EnrolmentState.Waiting), s.Cancelled,
        s.AttendanceTakenAtUtc != null, s.ResultsRecordedAtUtc != null);

    public async Task<SessionDetail?> SessionAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.Id == id).Select(RowOf).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var session = await db.Set<TrainingSession>().AsNoTracking().FirstAsync(s => s.Id == id, ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var mayLead = TrainingRules.Leads(actor, me, session.Team);
        var enrolments = await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.SessionId == id && e.State != EnrolmentState.Withdrawn)
            .OrderBy(e => e.State).ThenBy(e => e.EnrolledAtUtc).ThenBy(e => e.Id)
            .Select(e => new EnrolmentRow(e.Id, e.EmployeeId, e.Employee!.FullName, e.Employee.Role, e.State, e.Required, e.Attended, e.Score, e.Passed, e.FeedbackRating, e.FeedbackComment))
            .ToListAsync(ct);
        var isTrainer = me is not null && session.TrainerEmployeeId == me.Id;
        // Results and feedback are the trainer's and the team lead's to read; anyone else sees only their own row's.
        if (!mayLead && !isTrainer)
        {
            enrolments = [.. enrolments.Select(e => e.EmployeeId == me?.Id ? e : e with { Score = null, Passed = null, FeedbackRating = null, FeedbackComment = null })];
        }
        return new SessionDetail(row, session.PlanItemId, session.Assessment, session.PassMark, session.TrainerEmployeeId, session.ProviderContact, session.RequiredRoleList,
            enrolments, session.Version, mayLead, isTrainer, me?.Id);
    }

    public async Task<IReadOnlyList<PlanRow>> PlansAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.Set<TrainingPlan>().AsNoTracking().Include(p => p.Items).Where(p => p.Year == year).OrderBy(p => p.Team).ToListAsync(ct);
        return [.. plans.Select(p => new PlanRow(p.Id, p.Team, p.Year, p.Goals, p.AssessmentMethod, p.State, p.DraftedByName, p.ApprovedByName, p.ApprovedAtUtc,
            [.. p.Items.OrderBy(i => i.Month).ThenBy(i => i.Id).Select(i => new PlanItemRow(i.Id, i.Area, i.Title, i.Method, i.Month, i.PlannedSessions, i.Assessment))], p.Version))];
    }

    /// <summary>
    /// The plan of a team and year against what was done, month by month (company months): sessions held (attendance
    /// taken), people trained (attended, counted once a month), pass rate over those assessed, average feedback.
    /// </summary>
    public async Task<IReadOnlyList<PlanMonth>> ProgressAsync(Team team, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var planned = await db.Set<TrainingPlan>().AsNoTracking().Where(p => p.Team == team && p.Year == year)
            .SelectMany(p => p.Items).Select(i => new { i.Month, i.PlannedSessions }).ToListAsync(ct);
        var from = time.ToUtc(new DateTime(year, 1, 1));
        var to = time.ToUtc(new DateTime(year + 1, 1, 1));
        var held = await db.Set<TrainingSession>().AsNoTracking()
            .Where(s => s.Team == team && !s.Cancelled && s.AttendanceTakenAtUtc != null && s.StartsAtUtc >= from && s.StartsAtUtc < to)
            .Select(s => new
            {
                s.StartsAtUtc,
                Attendees = s.Enrolments.Where(e => e.Attended == true).Select(e => new { e.EmployeeId, e.Passed, e.FeedbackRating }).ToList(),
            })
            .ToListAsync(ct);
        return Progress(year, planned.Select(p => (p.Month, p.PlannedSessions)),
            held.Select(h => (time.ToLocal(h.StartsAtUtc).Month, (IReadOnlyList<(int, bool?, int?)>)[.. h.Attendees.Select(a => (a.EmployeeId, a.Passed, a.FeedbackRating))])),
            time.Today);
    }

    /// <summary>The arithmetic of plan against done, without a database.</summary>
    public static IReadOnlyList<PlanMonth> Progress(int year, IEnumerable<(int Month, int Sessions)> planned,
        IEnumerable<(int Month, IReadOnlyList<(int EmployeeId, bool? Passed, int? Rating)> Attendees)> held, DateOnly today)
    {
        var plannedBy = planned.GroupBy(p => p.Month).ToDictionary(g => g.Key, g => g.Sum(p => p.Sessions));
        var heldBy = held.GroupBy(h => h.Month).ToDictionary(g => g.Key, g => g.ToList());
        return [.. Enumerable.Range(1, 12).Select(month =>
        {
            var sessions = heldBy.GetValueOrDefault(month) ?? [];
            var attendees = sessions.SelectMany(s => s.Attendees).ToList();
            var ratings = attendees.Where(a => a.Rating is not null).Select(a => (double)a.Rating!.Value).ToList();
            var plan = plannedBy.GetValueOrDefault(month);
            return new PlanMonth(month, plan, sessions.Count, attendees.Select(a => a.EmployeeId).Distinct().Count(),
                attendees.Count(a => a.Passed is not null), attendees.Count(a => a.Passed == true), ratings.Count == 0 ? null : ratings.Average(),
                TrainingRules.IsOverdue(year, month, plan, sessions.Count, today));
        })];
    }

    /// <summary>
    /// An employee's training record and career timeline, when the reader may see it (null otherwise): sessions,
    /// results, the required areas of their role not yet passed, promotions and rotations.
    /// </summary>
    public async Task<TrainingRecord?> RecordAsync(Actor actor, int employeeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId, ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        if (person is null || !TrainingRules.MaySee(actor, me, person))
        {
            return null;
        }
        var sessions = await db.Set<TrainingEnrolment>().AsNoTracking().Where(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn && !e.Session!.Cancelled)
            .OrderByDescending(e => e.Session!.StartsAtUtc)
            .Select(e => new RecordSession(e.SessionId, e.Session!.Title, e.Session.Area, e.Session.StartsAtUtc, e.State, e.Required, e.Attended, e.Score, e.Passed, e.FeedbackRating))
            .ToListAsync(ct);
        var required = await db.Set<RequiredTraining>().AsNoTracking().Where(r => r.Role == person.Role).Select(r => r.Area).ToListAsync(ct);
        var passed = sessions.Where(s => s.Passed == true).Select(s => s.Area).ToHashSet();
        var missing = required.Where(a => !passed.Contains(a)).OrderBy(a => a).ToList();

        var promotions = await db.Set<PromotionProposal>().AsNoTracking().Where(p => p.EmployeeId == employeeId).ToListAsync(ct);
        var rotations = await db.Set<Rotation>().AsNoTracking().Where(r => r.EmployeeId == employeeId).ToListAsync(ct);
        var timeline = sessions.Where(s => s.Attended is not null)
            .Select(s => new TimelineEntry(s.StartsAtUtc, TimelineKind.Training, s.Title, s.Passed switch { true => "passed", false => "failed", _ => s.Attended == true ? "attended" : "missed" },
                TrainingDesk.LinkOf(s.SessionId)))
            .Concat(promotions.Select(p => new TimelineEntry(p.DecidedAtUtc ?? p.ProposedAtUtc, TimelineKind.Promotion, $"{p.FromRole}>{p.ToRole}", p.State.ToString(), null)))
            .Concat(rotations.Select(r => new TimelineEntry(time.ToUtc(r.StartsOn.ToDateTime(TimeOnly.MinValue)), TimelineKind.Rotation, $"{r.FromPost}>{r.ToPost}",
                $"{r.StartsOn:yyyy-MM-dd}/{r.EndsOn:yyyy-MM-dd}", null)))
            .OrderByDescending(t => t.AtUtc)
            .ToList();
        return new TrainingRecord(person.Id, person.FullName, person.Role, person.Team, sessions, missing, timeline);
    }

    /// <summary>The people whose records the reader may open: themselves, their team when they lead it, everyone for the director.</summary>
    public async Task<IReadOnlyList<EmployeePick>> VisiblePeopleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Active).OrderBy(e => e.FullName).ToListAsync(ct);
        return [.. people.Where(p => TrainingRules.MaySee(actor, me, p)).Select(p => new EmployeePick(p.Id, p.FullName, p.EmployeeNumber, p.Team))];
    }

    /// <summary>The reader's own employee id (none for a sign-in without an employee record).</summary>
    public async Task<Employee?> MeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TrainingDesk.MeAsync(db, actor, ct);
    }
}
