using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

public sealed class PlanItemForm
{
    public TrainingArea Area { get; set; }
    public string Title { get; set; } = "";
    public TrainingMethod Method { get; set; }
    public int Month { get; set; } = 1;
    public int PlannedSessions { get; set; } = 1;
    public AssessmentKind Assessment { get; set; }
}

public sealed class PlanForm
{
    public Team Team { get; set; }
    public int Year { get; set; }
    public string Goals { get; set; } = "";
    public string AssessmentMethod { get; set; } = "";
    public List<PlanItemForm> Items { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>What the person scheduling a session fills in. The start is in the company zone.</summary>
public sealed class SessionForm
{
    public int? PlanItemId { get; set; }
    public Team Team { get; set; }
    public TrainingArea Area { get; set; }
    public TrainingMethod Method { get; set; }
    public AssessmentKind Assessment { get; set; }
    public int PassMark { get; set; } = 60;
    public string Title { get; set; } = "";
    public int? TrainerEmployeeId { get; set; }
    public string? ExternalProvider { get; set; }
    public string? ProviderContact { get; set; }
    public DateTime? StartsAtLocal { get; set; }
    public int DurationMinutes { get; set; } = 90;
    public string Place { get; set; } = "";
    public int Capacity { get; set; } = 20;
    public List<string> RequiredRoles { get; set; } = [];
    public List<int> RequiredPeople { get; set; } = [];
}

/// <summary>One attendee's result: a score (scored assessment) or passed/not (practical check).</summary>
public sealed record AttendeeResult(int EnrolmentId, int? Score, bool? Passed);

/// <summary>
/// Training's operations: annual plans (drafted by a team's manager or supervisor, approved by the director), sessions
/// (scheduled, moved, cancelled), enrolment with a waiting list, attendance and results by the trainer, feedback by the
/// attendees. Each checks the actor's permission and team, and writes all or nothing.
/// </summary>
public sealed class TrainingDesk(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public Task<Outcome<int>> SavePlanAsync(Actor actor, int? id, PlanForm form, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await MeAsync(db, actor, ct);
            if (!actor.May(Permissions.PlanTraining))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            if (!TrainingRules.Leads(actor, me, form.Team))
            {
                return Outcome<int>.Invalid([new FieldError(nameof(form.Team), TrainingErrors.NotYourTeam)]);
            }
            var errors = new List<FieldError>();
            if (form.Year < time.Today.Year - 1 || form.Year > time.Today.Year + 2)
            {
                errors.Add(new FieldError(nameof(form.Year), TrainingErrors.YearRange));
            }
            CatalogRules.Optional(errors, nameof(form.Goals), form.Goals, TrainingPlan.MaxTextLength);
            CatalogRules.Optional(errors, nameof(form.AssessmentMethod), form.AssessmentMethod, TrainingPlan.MaxTextLength);
            for (var i = 0; i < form.Items.Count; i++)
            {
                var item = form.Items[i];
                var field = $"Items[{i}]";
                if (string.IsNullOrWhiteSpace(item.Title))
                {
                    errors.Add(new FieldError(field + ".Title", "Required"));
                }
                CatalogRules.Optional(errors, field + ".Title", item.Title, TrainingPlanItem.MaxTitleLength);
                if (item.Month is < 1 or > 12)
                {
                    errors.Add(new FieldError(field + ".Month", TrainingErrors.MonthRange));
                }
                if (item.PlannedSessions is < 1 or > 50)
                {
                    errors.Add(new FieldError(field + ".PlannedSessions", TrainingErrors.PlannedRange));
                }
            }
            TrainingPlan? plan = null;
            if (id is { } planId)
            {
                plan = await db.Set<TrainingPlan>().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == planId, ct);
                if (plan is null)
                {
                    return Outcome<int>.NotFound();
                }
                if (plan.Team != form.Team && !TrainingRules.Leads(actor, me, plan.Team))
                {
                    return Outcome<int>.Invalid([new FieldError(nameof(form.Team), TrainingErrors.NotYourTeam)]);
                }
            }
            if (await db.Set<TrainingPlan>().AnyAsync(p => p.Team == form.Team && p.Year == form.Year && p.Id != (id ?? 0), ct))
            {
                errors.Add(new FieldError(nameof(form.Year), TrainingErrors.PlanExists));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            if (plan is null)
            {
                plan = new TrainingPlan();
                db.Add(plan);
            }
            else
            {
                db.Entry(plan).Property(p => p.Version).OriginalValue = form.Version;
            }
            plan.Team = form.Team;
            plan.Year = form.Year;
            plan.Goals = form.Goals.Trim();
            plan.AssessmentMethod = form.AssessmentMethod.Trim();
            // A changed plan is a draft again: the director approves what is planned, not what was.
            plan.State = PlanState.Draft;
            plan.ApprovedByName = null;
            plan.ApprovedAtUtc = null;
            plan.DraftedByName = me?.FullName ?? actor.Name;
            // Items already scheduled keep their rows (sessions point at them); the rest are replaced by the form's.
            var kept = plan.Items.Take(form.Items.Count).ToList();
            foreach (var gone in plan.Items.Skip(form.Items.Count).ToList())
            {
                plan.Items.Remove(gone);
            }
            for (var i = 0; i < form.Items.Count; i++)
            {
                var item = i < kept.Count ? kept[i] : new TrainingPlanItem();
                var f = form.Items[i];
                (item.Area, item.Title, item.Method, item.Month, item.PlannedSessions, item.Assessment) =
                    (f.Area, f.Title.Trim(), f.Method, f.Month, f.PlannedSessions, f.Assessment);
                if (i >= kept.Count)
                {
                    plan.Items.Add(item);
                }
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<int>.Conflict();
            }
            return Outcome<int>.Done(plan.Id);
        }, ct);

    /// <summary>The plan's author hands it to the director, who is told in the notification centre.</summary>
    public Task<Outcome<int>> SubmitPlanAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        PlanMoveAsync(actor, id, version, Permissions.PlanTraining, async (db, plan, me) =>
        {
            if (!TrainingRules.Leads(actor, me, plan.Team))
            {
                return TrainingErrors.NotYourTeam;
            }
            plan.State = PlanState.Submitted;
            var directors = await NotificationCentre.UsersWithAsync(db, Permissions.ApproveTrainingPlans, ct);
            await NotificationCentre.AddAsync(db, directors.Select(u => new NotificationDraft(u, NotificationKind.TrainingPlan,
                $"training-plan:{plan.Id}:submitted:{plan.Version}", "Notice.TrainingPlanSubmitted", [plan.Team.ToString(), plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                $"/people/training?year={plan.Year}")), time.UtcNow, ct);
            return null;
        }, ct);

    public Task<Outcome<int>> ApprovePlanAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        PlanMoveAsync(actor, id, version, Permissions.ApproveTrainingPlans, (_, plan, me) =>
        {
            if (plan.State != PlanState.Submitted)
            {
                return Task.FromResult<string?>(TrainingErrors.PlanNotSubmitted);
            }
            plan.State = PlanState.Approved;
            plan.ApprovedByName = me?.FullName ?? actor.Name;
            plan.ApprovedAtUtc = time.UtcNow;
            return Task.FromResult<string?>(null);
        }, ct);

    private Task<Outcome<int>> PlanMoveAsync(Actor actor, int id, long version, string permission, Func<OpsDb, TrainingPlan, Employee?, Task<string?>> move, CancellationToken ct) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(permission))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var plan = await db.Set<TrainingPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null)
            {
                return Outcome<int>.NotFound();
            }
            if (plan.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            if (await move(db, plan, await MeAsync(db, actor, ct)) is { } refusal)
            {
                return Outcome<int>.Invalid([new FieldError("Plan", refusal)]);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<int>.Conflict();
            }
            return Outcome<int>.Done(plan.Id);
        }, ct);

    /// <summary>
    /// Schedules a session for a team the actor leads. The members of its required roles and the required people are
    /// enrolled at once as required; more of them than the capacity is refused.
    /// </summary>
    public Task<Outcome<int>> ScheduleAsync(Actor actor, SessionForm form, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.PlanTraining))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await MeAsync(db, actor, ct);
            if (!TrainingRules.Leads(actor, me, form.Team))
            {
                return Outcome<int>.Invalid([new FieldError(nameof(form.Team), TrainingErrors.NotYourTeam)]);
            }
            var errors = await CheckSessionAsync(db, form, ct);
            var roles = form.RequiredRoles.Distinct().ToList();
            if (roles.Any(r => !Roles.IsKnown(r)))
            {
                errors.Add(new FieldError(nameof(form.RequiredRoles), TrainingErrors.RoleUnknown));
            }
            var required = await db.Employees.AsNoTracking()
                .Where(e => e.Active && (e.Team == form.Team && roles.Contains(e.Role) || form.RequiredPeople.Contains(e.Id)))
                .Select(e => e.Id).ToListAsync(ct);
            if (form.RequiredPeople.Any(p => !required.Contains(p)))
            {
                errors.Add(new FieldError(nameof(form.RequiredPeople), TrainingErrors.EmployeeUnknown));
            }
            if (errors.Count == 0 && required.Count > form.Capacity)
            {
                errors.Add(new FieldError(nameof(form.Capacity), TrainingErrors.OverCapacity));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var now = time.UtcNow;
            var session = new TrainingSession
            {
                PlanItemId = form.PlanItemId, Team = form.Team, Area = form.Area, Method = form.Method, Assessment = form.Assessment, PassMark = form.PassMark,
                Title = form.Title.Trim(), TrainerEmployeeId = form.TrainerEmployeeId, ExternalProvider = CatalogRules.Blank(form.ExternalProvider),
                ProviderContact = CatalogRules.Blank(form.ProviderContact), StartsAtUtc = time.ToUtc(form.StartsAtLocal!.Value), DurationMinutes = form.DurationMinutes,
                Place = form.Place.Trim(), Capacity = form.Capacity, RequiredRoles = string.Join(',', roles),
            };
            session.Enrolments.AddRange(required.Select(e => new TrainingEnrolment { EmployeeId = e, State = EnrolmentState.Enrolled, Required = true, EnrolledAtUtc = now }));
            db.Add(session);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(session.Id);
        }, ct);

    /// <summary>
    /// Moves a session to another start. Everyone on it gets one "moved" notice for the new time, and the reminder is
    /// armed again for it (a reminder is keyed by the start it announces).
    /// </summary>
    public Task<Outcome<int>> MoveAsync(Actor actor, int id, long version, DateTime? startsAtLocal, CancellationToken ct = default) =>
        SessionMoveAsync(actor, id, version, leaderOnly: true, async (db, session) =>
        {
            if (startsAtLocal is null)
            {
                return [new FieldError("StartsAtLocal", "Required")];
            }
            var start = time.ToUtc(startsAtLocal.Value);
            if (start <= time.UtcNow)
            {
                return [new FieldError("StartsAtLocal", TrainingErrors.InPast)];
            }
            if (session.AttendanceTakenAtUtc is not null)
            {
                return [new FieldError("Session", TrainingErrors.SessionStarted)];
            }
            if (start == session.StartsAtUtc)
            {
                return null;
            }
            session.StartsAtUtc = start;
            var people = session.Enrolments.Where(e => e.State != EnrolmentState.Withdrawn && e.Employee?.UserId is not null).ToList();
            await NotificationCentre.AddAsync(db, people.Select(e => new NotificationDraft(e.Employee!.UserId!, NotificationKind.TrainingMoved,
                $"training:{session.Id}:moved:{start.Ticks}", "Notice.TrainingMoved", [session.Title, NotificationDraft.Time(start)], LinkOf(session.Id))), time.UtcNow, ct);
            return null;
        }, ct);

    public Task<Outcome<int>> CancelAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        SessionMoveAsync(actor, id, version, leaderOnly: true, (_, session) =>
        {
            if (session.AttendanceTakenAtUtc is not null)
            {
                return Task.FromResult<List<FieldError>?>([new FieldError("Session", TrainingErrors.SessionStarted)]);
            }
            session.Cancelled = true;
            return Task.FromResult<List<FieldError>?>(null);
        }, ct);

    /// <summary>
    /// Enrols a person: oneself, or someone of a team the actor leads. Up to the capacity they are enrolled, past it they
    /// wait (first come, first in when a place frees). Enrolling twice, or after the start, is refused.
    /// </summary>
    public Task<Outcome<EnrolmentState>> EnrolAsync(Actor actor, int sessionId, int employeeId, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await MeAsync(db, actor, ct);
            var person = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId && e.Active, ct);
            if (person is null)
            {
                return Outcome<EnrolmentState>.Invalid([new FieldError("EmployeeId", TrainingErrors.EmployeeUnknown)]);
            }
            if (me?.Id != employeeId && !TrainingRules.Leads(actor, me, person.Team))
            {
                return Outcome<EnrolmentState>.Invalid([Actor.NotPermitted]);
            }
            var session = await db.Set<TrainingSession>().Include(s => s.Enrolments).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return Outcome<EnrolmentState>.NotFound();
            }
            var refusal = session.Cancelled ? TrainingErrors.SessionCancelled
                : session.StartsAtUtc <= time.UtcNow ? TrainingErrors.SessionStarted
                : session.Enrolments.Any(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn) ? TrainingErrors.AlreadyEnrolled
                : null;
            if (refusal is not null)
            {
                return Outcome<EnrolmentState>.Invalid([new FieldError("EmployeeId", refusal)]);
            }
            var state = session.Enrolments.Count(e => e.State == EnrolmentState.Enrolled) < session.Capacity ? EnrolmentState.Enrolled : EnrolmentState.Waiting;
            var existing = session.Enrolments.FirstOrDefault(e => e.EmployeeId == employeeId);
            if (existing is null)
            {
                session.Enrolments.Add(new TrainingEnrolment { EmployeeId = employeeId, State = state, EnrolledAtUtc = time.UtcNow });
            }
            else
            {
                (existing.State, existing.EnrolledAtUtc) = (state, time.UtcNow);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same person enrolled at the same instant from another tab: the unique index kept one.
                return Outcome<EnrolmentState>.Invalid([new FieldError("EmployeeId", TrainingErrors.AlreadyEnrolled)]);
            }
            return Outcome<EnrolmentState>.Done(state);
        }, ct);

    /// <summary>Takes a person off a session; the first on the waiting list takes the freed place.</summary>
    public Task<Outcome<int>> WithdrawAsync(Actor actor, int sessionId, int employeeId, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await MeAsync(db, actor, ct);
            var session = await db.Set<TrainingSession>().Include(s => s.Enrolments).ThenInclude(e => e.Employee).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            var enrolment = session?.Enrolments.FirstOrDefault(e => e.EmployeeId == employeeId && e.State != EnrolmentState.Withdrawn);
            if (session is null || enrolment is null)
            {
                return Outcome<int>.Invalid([new FieldError("EmployeeId", TrainingErrors.NotEnrolled)]);
            }
            if (me?.Id != employeeId && !TrainingRules.Leads(actor, me, enrolment.Employee!.Team))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            if (session.StartsAtUtc <= time.UtcNow)
            {
                return Outcome<int>.Invalid([new FieldError("EmployeeId", TrainingErrors.SessionStarted)]);
            }
            var freed = enrolment.State == EnrolmentState.Enrolled;
            enrolment.State = EnrolmentState.Withdrawn;
            enrolment.Required = false;
            if (freed && session.Enrolments.Where(e => e.State == EnrolmentState.Waiting).OrderBy(e => e.EnrolledAtUtc).ThenBy(e => e.Id).FirstOrDefault() is { } next)
            {
                next.State = EnrolmentState.Enrolled;
            }
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(session.Id);
        }, ct);

    /// <summary>The trainer (or the team's lead) records who came, once the session has started.</summary>
    public Task<Outcome<int>> RecordAttendanceAsync(Actor actor, int sessionId, long version, IReadOnlyDictionary<int, bool> attended, CancellationToken ct = default) =>
        SessionMoveAsync(actor, sessionId, version, leaderOnly: false, (_, session) =>
        {
            if (session.StartsAtUtc > time.UtcNow)
            {
                return Task.FromResult<List<FieldError>?>([new FieldError("Session", TrainingErrors.NotYetHeld)]);
            }
            foreach (var enrolment in session.Enrolments.Where(e => e.State == EnrolmentState.Enrolled))
            {
                enrolment.Attended = attended.GetValueOrDefault(enrolment.Id);
            }
            session.AttendanceTakenAtUtc ??= time.UtcNow;
            return Task.FromResult<List<FieldError>?>(null);
        }, ct);

    /// <summary>
    /// The trainer records each attendee's result: a score of 0–100 (passed at the pass mark) or a practical check. A
    /// row out of range refuses the whole save, naming the row.
    /// </summary>
    public Task<Outcome<int>> RecordResultsAsync(Actor actor, int sessionId, long version, IReadOnlyList<AttendeeResult> results, CancellationToken ct = default) =>
        SessionMoveAsync(actor, sessionId, version, leaderOnly: false, (_, session) =>
        {
            if (session.AttendanceTakenAtUtc is null)
            {
                return Task.FromResult<List<FieldError>?>([new FieldError("Session", TrainingErrors.NotYetHeld)]);
            }
            var errors = new List<FieldError>();
            foreach (var result in results)
            {
                var enrolment = session.Enrolments.FirstOrDefault(e => e.Id == result.EnrolmentId && e.Attended == true);
                var field = $"Result[{result.EnrolmentId}]";
                if (enrolment is null)
                {
                    errors.Add(new FieldError(field, TrainingErrors.NotAttended));
                }
                else if (session.Assessment == AssessmentKind.Score && result.Score is not { } s)
                {
                    errors.Add(new FieldError(field, TrainingErrors.ScoreRange));
                }
                else if (session.Assessment == AssessmentKind.Score && !TrainingRules.ScoreInRange(result.Score!.Value))
                {
                    errors.Add(new FieldError(field, TrainingErrors.ScoreRange));
                }
                else if (session.Assessment == AssessmentKind.Practical && result.Passed is null)
                {
                    errors.Add(new FieldError(field, TrainingErrors.PassMissing));
                }
            }
            if (errors.Count > 0)
            {
                return Task.FromResult<List<FieldError>?>(errors);
            }
            foreach (var result in results)
            {
                var enrolment = session.Enrolments.First(e => e.Id == result.EnrolmentId);
                enrolment.Score = session.Assessment == AssessmentKind.Score ? result.Score : null;
                enrolment.Passed = TrainingRules.IsPass(session.Assessment, session.PassMark, result.Score, result.Passed);
            }
            if (session.Enrolments.Where(e => e.Attended == true).All(e => e.Passed is not null))
            {
                session.ResultsRecordedAtUtc ??= time.UtcNow;
            }
            return Task.FromResult<List<FieldError>?>(null);
        }, ct);

    /// <summary>An attendee rates the session (1–5) and comments, once attendance is taken; a second time replaces the first.</summary>
    public Task<Outcome<int>> GiveFeedbackAsync(Actor actor, int sessionId, int rating, string? comment, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await MeAsync(db, actor, ct);
            var enrolment = me is null ? null : await db.Set<TrainingEnrolment>().Include(e => e.Session)
                .FirstOrDefaultAsync(e => e.SessionId == sessionId && e.EmployeeId == me.Id, ct);
            if (enrolment is null || enrolment.Attended != true)
            {
                var notOpen = enrolment?.Session is { AttendanceTakenAtUtc: null };
                return Outcome<int>.Invalid([new FieldError("Rating", notOpen ? TrainingErrors.FeedbackNotOpen : TrainingErrors.NotAttended)]);
            }
            var errors = new List<FieldError>();
            if (rating is < 1 or > 5)
            {
                errors.Add(new FieldError("Rating", TrainingErrors.RatingRange));
            }
            CatalogRules.Optional(errors, "Comment", comment, TrainingEnrolment.MaxCommentLength);
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            enrolment.FeedbackRating = rating;
            enrolment.FeedbackComment = CatalogRules.Blank(comment);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(sessionId);
        }, ct);

    public static string LinkOf(int sessionId) => $"/people/training/sessions/{sessionId}";

    internal static Task<Employee?> MeAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<Employee?>(null) : db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == actor.UserId, ct);

    private async Task<List<FieldError>> CheckSessionAsync(OpsDb db, SessionForm form, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors.Add(new FieldError(nameof(form.Title), "Required"));
        }
        CatalogRules.Optional(errors, nameof(form.Title), form.Title, TrainingSession.MaxTitleLength);
        if (string.IsNullOrWhiteSpace(form.Place))
        {
            errors.Add(new FieldError(nameof(form.Place), "Required"));
        }
        CatalogRules.Optional(errors, nameof(form.Place), form.Place, TrainingSession.MaxPlaceLength);
        CatalogRules.Optional(errors, nameof(form.ExternalProvider), form.ExternalProvider, 200);
        CatalogRules.Optional(errors, nameof(form.ProviderContact), form.ProviderContact, 200);
        if (form.StartsAtLocal is null)
        {
            errors.Add(new FieldError(nameof(form.StartsAtLocal), "Required"));
        }
        else if (time.ToUtc(form.StartsAtLocal.Value) <= time.UtcNow)
        {
            errors.Add(new FieldError(nameof(form.StartsAtLocal), TrainingErrors.InPast));
        }
        if (form.DurationMinutes is < TrainingRules.MinDurationMinutes or > TrainingRules.MaxDurationMinutes)
        {
            errors.Add(new FieldError(nameof(form.DurationMinutes), TrainingErrors.DurationRange));
        }
        if (form.Capacity is < 1 or > TrainingSession.MaxCapacity)
        {
            errors.Add(new FieldError(nameof(form.Capacity), TrainingErrors.CapacityRange));
        }
        if (form.Assessment == AssessmentKind.Score && !TrainingRules.ScoreInRange(form.PassMark))
        {
            errors.Add(new FieldError(nameof(form.PassMark), TrainingErrors.ScoreRange));
        }
        if (form.TrainerEmployeeId is null && string.IsNullOrWhiteSpace(form.ExternalProvider))
        {
            errors.Add(new FieldError(nameof(form.TrainerEmployeeId), TrainingErrors.TrainerNeeded));
        }
        else if (form.TrainerEmployeeId is { } trainer && !await db.Employees.AnyAsync(e => e.Id == trainer && e.Active, ct))
        {
            errors.Add(new FieldError(nameof(form.TrainerEmployeeId), TrainingErrors.TrainerUnknown));
        }
        if (form.PlanItemId is { } itemId)
        {
            var planTeam = await db.Set<TrainingPlan>().Where(p => p.Items.Any(i => i.Id == itemId)).Select(p => (Team?)p.Team).FirstOrDefaultAsync(ct);
            if (planTeam != form.Team)
            {
                errors.Add(new FieldError(nameof(form.PlanItemId), TrainingErrors.NotYourTeam));
            }
        }
        return errors;
    }

    private Task<Outcome<int>> SessionMoveAsync(Actor actor, int id, long version, bool leaderOnly, Func<OpsDb, TrainingSession, Task<List<FieldError>?>> move, CancellationToken ct) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var me = await MeAsync(db, actor, ct);
            var session = await db.Set<TrainingSession>().Include(s => s.Enrolments).ThenInclude(e => e.Employee).FirstOrDefaultAsync(s => s.Id == id, ct);
            if (session is null)
            {
                return Outcome<int>.NotFound();
            }
            var trainer = me is not null && session.TrainerEmployeeId == me.Id;
            if (!TrainingRules.Leads(actor, me, session.Team) && (leaderOnly || !trainer))
            {
                return Outcome<int>.Invalid([new FieldError("Session", leaderOnly ? TrainingErrors.NotYourTeam : TrainingErrors.NotTrainer)]);
            }
            if (session.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            if (session.Cancelled)
            {
                return Outcome<int>.Invalid([new FieldError("Session", TrainingErrors.SessionCancelled)]);
            }
            if (await move(db, session) is { Count: > 0 } errors)
            {
                return Outcome<int>.Invalid(errors);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<int>.Conflict();
            }
            return Outcome<int>.Done(session.Id);
        }, ct);
}
