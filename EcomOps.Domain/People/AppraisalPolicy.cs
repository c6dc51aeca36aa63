using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.People;

/// <summary>
/// Who does and sees what in appraisal, and the defaults a new console starts with. The head of a team is its active
/// manager or supervisor; the director scores the heads themselves (nobody scores their own work) and calibrates.
/// </summary>
public static class AppraisalPolicy
{
    /// <summary>Days after a cycle opens by which each step is due: self-assessment, head's scoring, calibration, interview.</summary>
    public static readonly int[] DefaultDueDays = [5, 10, 14, 21];

    /// <summary>A step's owner is reminded this many days before its deadline (and on it, if still open).</summary>
    public const int ReminderDaysBefore = 2;

    public static bool IsDirector(Actor actor) => actor.Roles is null || actor.May(Permissions.CalibrateAppraisals);

    /// <summary>Whether the actor heads <paramref name="team"/>: holds the scoring permission and is an active member of it.</summary>
    public static bool Heads(Actor actor, Employee? me, Team team) =>
        actor.Roles is not null && actor.May(Permissions.ScoreAppraisals) && me is { Active: true } && me.Team == team;

    /// <summary>Opens a team's cycles: the director for any team, a head for their own.</summary>
    public static bool MayOpen(Actor actor, Employee? me, Team team) => IsDirector(actor) || Heads(actor, me, team);

    /// <summary>An employee sees their own appraisals; a head their team's; the director everyone's.</summary>
    public static bool MaySee(Actor actor, Employee? me, Employee person) =>
        me?.Id == person.Id || IsDirector(actor) || Heads(actor, me, person.Team);

    /// <summary>Whether the person is a head themselves: their head's steps are the director's.</summary>
    public static bool IsHead(Employee person) => Permissions.Allows(person.Role, Permissions.ScoreAppraisals);

    /// <summary>Whether the actor owns the step <paramref name="stage"/> of <paramref name="person"/>'s appraisal.</summary>
    public static bool OwnsStep(Actor actor, Employee? me, Employee person, AppraisalStage stage) => AppraisalRules.OwnerOf(stage) switch
    {
        AppraisalStepOwner.Employee => actor.Roles is null || me?.Id == person.Id,
        AppraisalStepOwner.Head => actor.Roles is null
            || (IsHead(person) ? IsDirector(actor) && me?.Id != person.Id : Heads(actor, me, person.Team) && me!.Id != person.Id),
        AppraisalStepOwner.Director => IsDirector(actor) && (me is null || me.Id != person.Id),
        _ => false,
    };

    /// <summary>Who in a team is appraised: its active members who earn figures (not the director or the administrator).</summary>
    public static bool IsAppraised(Employee person) => person.Active && Analytics.Kpi.KpiRules.EarnsFigures(person.Role);

    /// <summary>Whether the owner of a step due on <paramref name="dueOn"/> is reminded on <paramref name="today"/>.</summary>
    public static bool ReminderDue(DateOnly dueOn, DateOnly today) => today >= dueOn.AddDays(-ReminderDaysBefore);

    public static readonly IReadOnlyList<QualitativeCriterion> DefaultQualitative =
    [
        new("teamwork", "Teamwork", "团队协作", 10),
        new("attitude", "Work attitude", "工作态度", 10),
        new("innovation", "Innovation", "创新能力", 10),
    ];

    /// <summary>
    /// The templates a new console starts with (70% from the team's KPIs, 30% qualitative): for operations sales,
    /// campaign, shipping and listing indicators; for customer service reply timeliness, resolution, satisfaction and
    /// complaints; for design quality, on-time rate, cooperation and contribution to sales.
    /// </summary>
    public static IReadOnlyList<QuantitativeCriterion> DefaultQuantitative(Team team) => team switch
    {
        Team.Operations =>
        [
            new(OperationsMetricSource.OnTimeShipping, 20, 0.80, 0.98),
            new(SalesMetricSource.Conversion, 15, 0.01, 0.04),
            new(CampaignMetricSource.GoalAttainment, 15, 0.60, 1.00),
            new(OperationsMetricSource.ExceptionRate, 10, 0.15, 0.03),
            new(AuditMetricSource.PassRate, 10, 0.70, 1.00),
        ],
        Team.CustomerService =>
        [
            new(ServiceMetricSource.ReplyTimeliness, 20, 0.70, 0.95),
            new(ServiceMetricSource.ResolutionRate, 15, 0.60, 0.95),
            new(ServiceMetricSource.Csat, 15, 3.0, 4.8),
            new(ServiceMetricSource.ComplaintResolutionRate, 10, 0.60, 1.00),
            new(ServiceMetricSource.ComplaintSatisfaction, 10, 0.60, 0.95),
        ],
        _ =>
        [
            new(DesignMetricSource.Quality, 20, 3.0, 4.8),
            new(DesignMetricSource.OnTime, 20, 0.70, 1.00),
            new(DesignMetricSource.Cooperation, 15, 3.0, 4.8),
            new(DesignMetricSource.SalesContribution, 15, 0.0, 0.10),
        ],
    };
}
