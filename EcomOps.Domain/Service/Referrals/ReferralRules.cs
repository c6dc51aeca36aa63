using EcomOps.Domain.Data;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Service.Referrals;

/// <summary>What a referral asks: the department, optionally a named colleague, the question and the time to answer by.</summary>
public sealed record ReferralForm(Team Department, int? ToEmployeeId, string? Question, DateTime? DueUtc);

/// <summary>The referral rules, pure: what a referral must say, who may answer it, when it is overdue.</summary>
public static class ReferralRules
{
    public const int MaxTextLength = 2000;

    /// <summary>The longest time an agent may give a department: the customer is waiting.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(7);

    /// <summary>The shortest: a referral due within a quarter of an hour is a phone call, not a referral.</summary>
    public static readonly TimeSpan MinLead = TimeSpan.FromMinutes(15);

    public const string QuestionMissing = "ReferralQuestionMissing";
    public const string QuestionTooLong = "ReferralTextTooLong";
    public const string DueMissing = "ReferralDueMissing";
    public const string DueTooSoon = "ReferralDueTooSoon";
    public const string DueTooLate = "ReferralDueTooLate";
    public const string ColleagueInvalid = "ReferralColleagueInvalid";
    public const string AnswerMissing = "ReferralAnswerMissing";
    public const string NotForYou = "ReferralNotForYou";
    public const string NotOpen = "ReferralNotOpen";
    public const string TicketClosed = "ReferralTicketClosed";

    /// <summary>
    /// The form's errors by field. <paramref name="colleague"/> is the named colleague as stored (null when none was named
    /// or the id is unknown): they must be active, in the chosen department, and not the agent asking.
    /// </summary>
    public static List<FieldError> Check(ReferralForm form, Employee? colleague, int? referrerId, DateTime now)
    {
        var errors = new List<FieldError>();
        var question = form.Question?.Trim() ?? "";
        if (question.Length == 0)
        {
            errors.Add(new FieldError("Question", QuestionMissing));
        }
        else if (question.Length > MaxTextLength)
        {
            errors.Add(new FieldError("Question", QuestionTooLong));
        }
        if (form.DueUtc is not { } due)
        {
            errors.Add(new FieldError("Due", DueMissing));
        }
        else if (due < now + MinLead)
        {
            errors.Add(new FieldError("Due", DueTooSoon));
        }
        else if (due > now + MaxLead)
        {
            errors.Add(new FieldError("Due", DueTooLate));
        }
        if (form.ToEmployeeId is not null && (colleague is null || !colleague.Active || colleague.Team != form.Department || colleague.Id == referrerId))
        {
            errors.Add(new FieldError("Colleague", ColleagueInvalid));
        }
        return errors;
    }

    /// <summary>The roles that head a department: they answer for it and hear of its overdue referrals.</summary>
    public static bool IsHeadRole(string role, Team team) => team switch
    {
        Team.Operations => role is Roles.OperationsManager or Roles.OperationsDirector,
        Team.CustomerService => role == Roles.CsSupervisor,
        _ => role == Roles.DesignSupervisor,
    };

    /// <summary>
    /// Who may answer: the colleague named, or — when nobody was named — anyone active in the department; the department's
    /// heads always (they stand in for an absent colleague).
    /// </summary>
    public static bool MayAnswer(TicketReferral referral, Employee? me) =>
        me is { Active: true } && me.Team == referral.Department
        && (referral.ToEmployeeId is null || referral.ToEmployeeId == me.Id || IsHeadRole(me.Role, referral.Department));

    /// <summary>Open past its time, and not escalated yet.</summary>
    public static bool NeedsEscalation(TicketReferral referral, DateTime now) =>
        referral.State == ReferralState.Open && referral.DueUtc <= now && referral.EscalatedAtUtc is null;
}
