namespace EcomOps.Domain.Service.Sla;

/// <summary>
/// Active: the clock runs (outside opening hours it runs without counting). Paused: the ticket waits for the customer.
/// Met: answered or solved in time. Breached: the deadline passed, whether or not an answer came later.
/// </summary>
public enum SlaState
{
    Active,
    Paused,
    Met,
    Breached,
}

/// <summary>The colour a board shows: Warning once the policy's warning share of an unmet target is used.</summary>
public enum SlaLevel
{
    Ok,
    Warning,
    Breached,
}

public enum SlaStartEvent
{
    TicketCreated,
    CustomerMessage,
}

/// <summary>A stretch during which the clock stood still, and why; <see cref="ToUtc"/> is null while it lasts.</summary>
public sealed record SlaPause(DateTime FromUtc, DateTime? ToUtc, TicketStatus Status);

/// <summary>How a target's figures came about, for a UI to show how the deadline was computed.</summary>
public sealed record SlaExplanation(
    SlaStartEvent StartedBy,
    DateTime RequestedAtUtc,
    DateTime CountedUntilUtc,
    SlaTimeMode Mode,
    double TargetMinutes,
    double WarningShare,
    IReadOnlyList<SlaPause> Pauses);

/// <summary>
/// One target of one ticket as of a given instant. Minutes are open minutes of the calendar for business-hours
/// targets and plain minutes for calendar-hours targets.
/// </summary>
public sealed record SlaTargetStatus
{
    public required SlaTargetKind Kind { get; init; }

    public required SlaState State { get; init; }

    public required SlaLevel Level { get; init; }

    /// <summary>The first instant the clock could count: the request itself, or the next opening after it.</summary>
    public required DateTime StartedAtUtc { get; init; }

    /// <summary>
    /// While active, the instant the target is due if the clock keeps running; once breached, the instant it passed.
    /// Null while paused (a paused ticket has no deadline to sort by) and once met.
    /// </summary>
    public required DateTime? DueAtUtc { get; init; }

    /// <summary>The instant the warning share is (or was) reached; null while paused or met before reaching it.</summary>
    public required DateTime? WarningAtUtc { get; init; }

    /// <summary>When the reply came or the ticket was solved; also set on a target met late.</summary>
    public required DateTime? MetAtUtc { get; init; }

    /// <summary>The exact instant the deadline passed; the same whenever it is evaluated, so a breach can be recorded once.</summary>
    public required DateTime? BreachedAtUtc { get; init; }

    public required double ElapsedOpenMinutes { get; init; }

    /// <summary>Open minutes that passed while the clock was paused.</summary>
    public required double PausedMinutes { get; init; }

    /// <summary>Negative once the target is overrun.</summary>
    public required double RemainingMinutes { get; init; }

    /// <summary>Used time over target time: 1 at the deadline, above 1 once overrun.</summary>
    public required double ShareUsed { get; init; }

    public required SlaExplanation Explanation { get; init; }
}
