using EcomOps.Domain.Data;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.People;

public static class TrainingErrors
{
    public const string NotYourTeam = "TrainingNotYourTeam";
    public const string InPast = "TrainingSessionInPast";
    public const string CapacityRange = "TrainingCapacityRange";
    public const string OverCapacity = "TrainingOverCapacity";
    public const string AlreadyEnrolled = "TrainingAlreadyEnrolled";
    public const string SessionStarted = "TrainingSessionStarted";
    public const string SessionCancelled = "TrainingSessionCancelled";
    public const string NotYetHeld = "TrainingNotYetHeld";
    public const string ScoreRange = "TrainingScoreRange";
    public const string PassMissing = "TrainingPassMissing";
    public const string RatingRange = "TrainingRatingRange";
    public const string NotAttended = "TrainingNotAttended";
    public const string FeedbackNotOpen = "TrainingFeedbackNotOpen";
    public const string TrainerNeeded = "TrainingTrainerNeeded";
    public const string TrainerUnknown = "TrainingTrainerUnknown";
    public const string DurationRange = "TrainingDurationRange";
    public const string MonthRange = "TrainingMonthRange";
    public const string PlannedRange = "TrainingPlannedRange";
    public const string YearRange = "TrainingYearRange";
    public const string PlanExists = "TrainingPlanExists";
    public const string PlanNotSubmitted = "TrainingPlanNotSubmitted";
    public const string EmployeeUnknown = "TrainingEmployeeUnknown";
    public const string NotEnrolled = "TrainingNotEnrolled";
    public const string NotTrainer = "TrainingNotTrainer";
    public const string RoleUnknown = "TrainingRoleUnknown";
    public const string NotNextStep = "CareerNotNextStep";
    public const string ProposalOpen = "CareerProposalOpen";
    public const string ProposalDecided = "CareerProposalDecided";
    public const string RotationDates = "CareerRotationDates";
}

/// <summary>When attendees are reminded of a session: <see cref="DaysBefore"/> days before its day, at <see cref="At"/> company time.</summary>
public sealed record TrainingSettings(int DaysBefore = 1, TimeOnly At = default)
{
    public static readonly TimeOnly DefaultAt = new(9, 0);

    public TimeOnly ReminderTime => At == default ? DefaultAt : At;
}

/// <summary>The training rules that need no database: who leads or sees what, limits, and when reminders fall due.</summary>
public static class TrainingRules
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 12 * 60;

    /// <summary>
    /// Whether the actor plans for <paramref name="team"/>: the director (and the console itself) for every team; a
    /// manager or supervisor for their own team.
    /// </summary>
    public static bool Leads(Actor actor, Employee? me, Team team) =>
        actor.Roles is null || actor.May(Permissions.ApproveTrainingPlans)
        || actor.May(Permissions.PlanTraining) && me is not null && me.Active && me.Team == team;

    /// <summary>Whose training record the actor may read: their own; a manager or supervisor their team's; the director everyone's.</summary>
    public static bool MaySee(Actor actor, Employee? me, Employee person) =>
        me?.Id == person.Id || Leads(actor, me, person.Team) || actor.May(Permissions.ReadAuditTrail);

    /// <summary>The instant the attendees' reminder is due: the day <c>DaysBefore</c> before the session's day, at the set time, both in the company zone.</summary>
    public static DateTime ReminderDueUtc(DateTime startsAtUtc, TrainingSettings settings, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(localStart).AddDays(-Math.Max(0, settings.DaysBefore));
        var local = day.ToDateTime(settings.ReminderTime);
        var due = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        // A reminder set for after the session itself (same day, late hour) goes out an hour before it instead.
        return due < startsAtUtc ? due : startsAtUtc.AddHours(-1);
    }

    public static bool ScoreInRange(int score) => score is >= 0 and <= 100;

    public static bool IsPass(AssessmentKind kind, int passMark, int? score, bool? practicalPassed) =>
        kind == AssessmentKind.Score ? score is { } s && s >= passMark : practicalPassed == true;

    /// <summary>A plan month is overdue once it is over with fewer sessions held than planned.</summary>
    public static bool IsOverdue(int year, int month, int planned, int held, DateOnly today) =>
        planned > held && new DateOnly(year, month, 1).AddMonths(1) <= today;
}
