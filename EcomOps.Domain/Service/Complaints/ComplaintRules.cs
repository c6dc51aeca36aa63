using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Domain.Service.Complaints;

/// <summary>The complaint procedure's time targets, in business time on the service desk's calendar.</summary>
public sealed record ComplaintSettings
{
    /// <summary>The rulebook's default: the customer hears from us within 2 business hours.</summary>
    public TimeSpan FirstResponseWithin { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Once every measure of a round is done, the customer is asked how it went within this time.</summary>
    public TimeSpan FollowUpWithin { get; init; } = TimeSpan.FromHours(14);

    /// <summary>A complaint deadline shows as a warning this long before it falls due.</summary>
    public TimeSpan WarnBefore { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>The steps of the procedure a person can take on a case.</summary>
public enum ComplaintStep
{
    Respond,
    Investigate,
    AddMeasure,
    CompleteMeasure,
    FollowUp,
    Close,
}

public sealed record ComplaintForm
{
    public DateTime? ReceivedAtUtc { get; init; }
    public string ComplainantName { get; init; } = "";
    public string Contact { get; init; } = "";
    public TicketChannel Channel { get; init; }
    public string Matter { get; init; } = "";
    public string? Product { get; init; }
    public string? OrderReference { get; init; }
    public int? TicketId { get; init; }
}

public sealed record InvestigationForm(ComplaintRootCause? RootCause, ComplaintDepartment? Department, int? ResponsiblePersonId, string? Note);

public sealed record MeasureForm(string Description, int? OwnerId, DateTime? DeadlineUtc, string ExpectedOutcome);

/// <summary>
/// The complaint procedure as a state machine, without a database: which step is allowed in which stage, what each
/// step does to the case, and what the case's next deadline is.
/// <para>
/// A case closes only after a <em>satisfied</em> follow-up: an unsatisfied customer's case is never closed, it goes
/// into a new solution round instead (the earlier rounds stay in its history). The close is its own step, so a
/// supervisor confirms it after reading the verdict.
/// </para>
/// </summary>
public static class ComplaintRules
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 100;
    public const int MaxShortLength = 64;
    public const int MaxTextLength = 2000;

    /// <summary>Why a step is refused now (an error code), or null when it is allowed.</summary>
    public static string? Refusal(ComplaintCase c, ComplaintStep step)
    {
        if (c.Stage == ComplaintStage.Closed)
        {
            return "CaseClosed";
        }
        var round = c.Round;
        return step switch
        {
            ComplaintStep.Respond => c.FirstResponseAtUtc is null ? null : "AlreadyResponded",
            ComplaintStep.Investigate => c.Stage == ComplaintStage.Investigating ? null
                : c.Stage == ComplaintStage.Recorded ? "RespondFirst" : "AlreadyInvestigated",
            ComplaintStep.AddMeasure or ComplaintStep.CompleteMeasure =>
                c.Stage is ComplaintStage.SolutionInProgress or ComplaintStage.AwaitingFollowUp && round is { Verdict: null } ? null : "NotInSolution",
            ComplaintStep.FollowUp => c.Stage == ComplaintStage.AwaitingFollowUp && round is { Verdict: null } ? null : "MeasuresNotDone",
            ComplaintStep.Close => c.Stage == ComplaintStage.AwaitingFollowUp && round is { Verdict: FollowUpVerdict.Satisfied } ? null : "FollowUpRequired",
            _ => "UnknownStep",
        };
    }

    public static bool Allows(ComplaintCase c, ComplaintStep step) => Refusal(c, step) is null;

    public static bool IsOverdue(ComplaintMeasure m, DateTime nowUtc) => m.DoneAtUtc is null && nowUtc > m.DeadlineUtc;

    /// <summary>Whether the first response came by its deadline (null while nobody has responded).</summary>
    public static bool? RespondedInTime(ComplaintCase c) => c.FirstResponseAtUtc is { } at ? at <= c.FirstResponseDueUtc : null;

    public static List<FieldError> Check(ComplaintForm form, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        Required(errors, "ComplainantName", form.ComplainantName, MaxNameLength);
        Required(errors, "Contact", form.Contact, MaxContactLength);
        Required(errors, "Matter", form.Matter, MaxTextLength);
        Optional(errors, "Product", form.Product, MaxShortLength);
        Optional(errors, "OrderReference", form.OrderReference, MaxShortLength);
        if (!Enum.IsDefined(form.Channel))
        {
            errors.Add(new FieldError("Channel", "Required"));
        }
        if (form.ReceivedAtUtc is { } at && at > nowUtc)
        {
            errors.Add(new FieldError("ReceivedAt", "InTheFuture"));
        }
        TextRules.CheckAll(errors, form);
        return errors;
    }

    public static List<FieldError> Check(InvestigationForm form)
    {
        var errors = new List<FieldError>();
        if (form.RootCause is not { } cause || !Enum.IsDefined(cause))
        {
            errors.Add(new FieldError("RootCause", "Required"));
        }
        if (form.Department is not { } department || !Enum.IsDefined(department))
        {
            errors.Add(new FieldError("Department", "Required"));
        }
        if (form.ResponsiblePersonId is null)
        {
            errors.Add(new FieldError("ResponsiblePerson", "Required"));
        }
        Optional(errors, "Note", form.Note, MaxTextLength);
        TextRules.CheckAll(errors, form);
        return errors;
    }

    public static List<FieldError> Check(MeasureForm form, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        Required(errors, "Description", form.Description, MaxTextLength);
        Required(errors, "ExpectedOutcome", form.ExpectedOutcome, MaxTextLength);
        if (form.OwnerId is null)
        {
            errors.Add(new FieldError("Owner", "Required"));
        }
        if (form.DeadlineUtc is not { } deadline)
        {
            errors.Add(new FieldError("Deadline", "Required"));
        }
        else if (deadline <= nowUtc)
        {
            errors.Add(new FieldError("Deadline", "DeadlinePassed"));
        }
        TextRules.CheckAll(errors, form);
        return errors;
    }

    /// <summary>When a complaint deadline starts to show as a warning.</summary>
    public static DateTime WarningAt(DateTime dueUtc, ComplaintSettings settings) => dueUtc - settings.WarnBefore;

    /// <summary>How a complaint deadline stands now: breached once passed, a warning in its last stretch, else in time.</summary>
    public static SlaBadge BadgeOf(DateTime dueUtc, DateTime nowUtc, ComplaintSettings settings) =>
        nowUtc >= dueUtc ? SlaBadge.Breached : nowUtc >= WarningAt(dueUtc, settings) ? SlaBadge.Warning : SlaBadge.Ok;

    public static void Record(ComplaintCase c, DateTime receivedAtUtc, BusinessCalendar calendar, ComplaintSettings settings)
    {
        c.Stage = ComplaintStage.Recorded;
        c.ReceivedAtUtc = receivedAtUtc;
        c.FirstResponseDueUtc = calendar.Add(receivedAtUtc, settings.FirstResponseWithin);
        Refresh(c);
    }

    public static void Respond(ComplaintCase c, string? note, DateTime nowUtc)
    {
        Require(c, ComplaintStep.Respond);
        c.FirstResponseAtUtc = nowUtc;
        c.FirstResponseNote = Trimmed(note);
        c.Stage = ComplaintStage.Investigating;
        Refresh(c);
    }

    public static void Investigate(ComplaintCase c, InvestigationForm form, DateTime nowUtc)
    {
        Require(c, ComplaintStep.Investigate);
        c.RootCause = form.RootCause;
        c.ResponsibleDepartment = form.Department;
        c.ResponsiblePersonId = form.ResponsiblePersonId;
        c.InvestigationNote = Trimmed(form.Note);
        c.InvestigatedAtUtc = nowUtc;
        StartRound(c, nowUtc);
    }

    public static ComplaintMeasure AddMeasure(ComplaintCase c, MeasureForm form)
    {
        Require(c, ComplaintStep.AddMeasure);
        var measure = new ComplaintMeasure
        {
            Description = form.Description.Trim(),
            ExpectedOutcome = form.ExpectedOutcome.Trim(),
            OwnerId = form.OwnerId!.Value,
            DeadlineUtc = form.DeadlineUtc!.Value,
        };
        c.Round!.Measures.Add(measure);
        c.Round.FollowUpDueUtc = null;
        c.Stage = ComplaintStage.SolutionInProgress;
        Refresh(c);
        return measure;
    }

    /// <summary>Marks a measure of the current round done; when it was the last open one, the case awaits the follow-up.</summary>
    public static void CompleteMeasure(ComplaintCase c, ComplaintMeasure measure, string? result, DateTime nowUtc, BusinessCalendar calendar, ComplaintSettings settings)
    {
        Require(c, ComplaintStep.CompleteMeasure);
        if (!c.Round!.Measures.Contains(measure))
        {
            throw new InvalidOperationException("NotInRound");
        }
        if (measure.DoneAtUtc is not null)
        {
            throw new InvalidOperationException("MeasureDone");
        }
        measure.DoneAtUtc = nowUtc;
        measure.Result = Trimmed(result);
        if (c.Round.Measures.All(m => m.DoneAtUtc is not null))
        {
            c.Stage = ComplaintStage.AwaitingFollowUp;
            c.Round.FollowUpDueUtc = calendar.Add(nowUtc, settings.FollowUpWithin);
        }
        Refresh(c);
    }

    /// <summary>Records the customer's verdict. Not satisfied opens a new solution round; satisfied lets the case close.</summary>
    public static void FollowUp(ComplaintCase c, FollowUpVerdict verdict, string? note, DateTime nowUtc)
    {
        Require(c, ComplaintStep.FollowUp);
        var round = c.Round!;
        round.Verdict = verdict;
        round.VerdictNote = Trimmed(note);
        round.FollowUpAtUtc = nowUtc;
        if (verdict == FollowUpVerdict.NotSatisfied)
        {
            c.ReopenCount++;
            StartRound(c, nowUtc);
            return;
        }
        Refresh(c);
    }

    public static void Close(ComplaintCase c, DateTime nowUtc)
    {
        Require(c, ComplaintStep.Close);
        c.Stage = ComplaintStage.Closed;
        c.ClosedAtUtc = nowUtc;
        Refresh(c);
    }

    /// <summary>The next deadline the stage owes: the first response, the earliest open measure, or the follow-up.</summary>
    public static DateTime? NextDue(ComplaintCase c) => c.Stage switch
    {
        ComplaintStage.Recorded => c.FirstResponseDueUtc,
        ComplaintStage.SolutionInProgress => c.Round?.Measures.Where(m => m.DoneAtUtc is null).Select(m => (DateTime?)m.DeadlineUtc).Min(),
        ComplaintStage.AwaitingFollowUp => c.Round is { Verdict: null } round ? round.FollowUpDueUtc : null,
        _ => null,
    };

    private static void StartRound(ComplaintCase c, DateTime nowUtc)
    {
        c.CurrentRound++;
        c.Rounds.Add(new ComplaintRound { Number = c.CurrentRound, StartedAtUtc = nowUtc });
        c.Stage = ComplaintStage.SolutionInProgress;
        Refresh(c);
    }

    private static void Refresh(ComplaintCase c) => c.NextDueUtc = NextDue(c);

    private static void Require(ComplaintCase c, ComplaintStep step)
    {
        if (Refusal(c, step) is { } code)
        {
            throw new InvalidOperationException(code);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "Required"));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "TooLong"));
        }
    }

    private static void Optional(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "TooLong"));
        }
    }
}
