namespace EcomOps.Domain.Service.Sla;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum TicketChannel
{
    OnlineChat,
    Hotline,
    Email,
    PlatformMessage,
}

public enum SlaTargetKind
{
    FirstResponse,
    NextReply,
    Resolution,
}

/// <summary>Whether a target counts only the calendar's opening hours or every hour of the day.</summary>
public enum SlaTimeMode
{
    BusinessHours,
    CalendarHours,
}

/// <summary>How much clock time a target allows, and which time counts.</summary>
public sealed record SlaTarget
{
    public SlaTarget(TimeSpan duration, SlaTimeMode mode = SlaTimeMode.BusinessHours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        Duration = duration;
        Mode = mode;
    }

    public TimeSpan Duration { get; }

    public SlaTimeMode Mode { get; }
}

/// <summary>
/// The targets that apply to tickets matching its criteria; a criterion left null matches anything.
/// A target left null is not tracked for those tickets.
/// </summary>
public sealed record SlaPolicy
{
    private readonly double _warningShare = 0.8;

    public required string Name { get; init; }

    public TicketPriority? Priority { get; init; }

    public TicketChannel? Channel { get; init; }

    /// <summary>Compared ignoring case, since categories are typed by people.</summary>
    public string? Category { get; init; }

    public SlaTarget? FirstResponse { get; init; }

    public SlaTarget? NextReply { get; init; }

    public SlaTarget? Resolution { get; init; }

    /// <summary>The share of a target's time after which it is shown as a warning.</summary>
    public double WarningShare
    {
        get => _warningShare;
        init => _warningShare = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WarningShare), value, "The warning share lies in (0, 1].");
    }

    /// <summary>The hand-over this policy's escalations make, if any.</summary>
    public SlaReassignment? Reassignment { get; init; }

    public bool Matches(TicketPriority priority, TicketChannel channel, string? category) =>
        (Priority is null || Priority == priority)
        && (Channel is null || Channel == channel)
        && (Category is null || string.Equals(Category, category, StringComparison.OrdinalIgnoreCase));

    public SlaTarget? TargetFor(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponse,
        SlaTargetKind.NextReply => NextReply,
        SlaTargetKind.Resolution => Resolution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Policies in priority order: the first one that matches a ticket is its policy.</summary>
public sealed class SlaPolicySet(IEnumerable<SlaPolicy> policies)
{
    public IReadOnlyList<SlaPolicy> Policies { get; } = [.. policies];

    public SlaPolicy? Match(TicketPriority priority, TicketChannel channel, string? category) =>
        Policies.FirstOrDefault(policy => policy.Matches(priority, channel, category));
}
