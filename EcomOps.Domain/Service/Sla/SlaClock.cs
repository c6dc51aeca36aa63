namespace EcomOps.Domain.Service.Sla;

/// <summary>
/// The one rule that says where each SLA target of a ticket stands at a given instant. Everything is derived from the
/// ticket's status history and thread as of that instant (later entries are ignored), never from stored counters, so
/// evaluating twice gives the same deadlines and breach instants.
/// </summary>
/// <remarks>
/// New and Open run the clock; PendingCustomer pauses it; Solved and Closed stop it. A customer message while the
/// ticket is PendingCustomer or Solved runs the clock again from that message, whether or not the status history has
/// recorded the reopen yet; a Closed ticket stays closed. Solving meets every target still waiting (a solved ticket owes
/// no reply); a reopen resumes each clock from where it stood, counting the solved stretch as paused.
/// First response runs from creation to the first public reply. Next reply runs, once the first response is given,
/// from the oldest customer message with no public reply after it to the reply that follows; it appears only once such
/// a message has come, and reports the latest exchange. Internal notes never count.
/// </remarks>
public static class SlaClock
{
    public static IReadOnlyList<SlaTargetStatus> Evaluate(TicketTimeline ticket, SlaPolicy policy, BusinessCalendar calendar, DateTime nowUtc)
    {
        UtcInstant.Require(nowUtc, nameof(nowUtc));
        if (nowUtc < ticket.CreatedAtUtc)
        {
            throw new ArgumentException("The ticket did not exist yet at that instant.", nameof(nowUtc));
        }
        var thread = ticket.Thread.Where(entry => entry.AtUtc <= nowUtc).ToList();
        var statuses = EffectiveStatuses(ticket, thread, nowUtc);
        var results = new List<SlaTargetStatus>();
        foreach (var kind in Enum.GetValues<SlaTargetKind>())
        {
            if (policy.TargetFor(kind) is { } target && ObligationFor(kind, ticket, thread) is { } obligation)
            {
                var clock = target.Mode == SlaTimeMode.BusinessHours ? calendar : BusinessCalendar.AlwaysOpen(calendar.Zone.Id);
                results.Add(Measure(kind, target, policy.WarningShare, obligation, statuses, clock, nowUtc));
            }
        }
        return results;
    }

    /// <summary>The next instant after <paramref name="nowUtc"/> at which a target warns or breaches, if nothing else happens first.</summary>
    public static DateTime? NextTransitionUtc(TicketTimeline ticket, SlaPolicy policy, BusinessCalendar calendar, DateTime nowUtc) =>
        Evaluate(ticket, policy, calendar, nowUtc)
            .SelectMany(status => new[] { status.WarningAtUtc, status.DueAtUtc })
            .Where(at => at > nowUtc)
            .Min();

    private sealed record Obligation(SlaStartEvent StartedBy, DateTime RequestedAtUtc, DateTime? AnsweredAtUtc);

    private sealed record Stretch(DateTime FromUtc, TicketStatus Status);

    private sealed record Span(DateTime FromUtc, DateTime ToUtc, TicketStatus Status, bool IsCurrent);

    private static bool Runs(TicketStatus status) => status is TicketStatus.New or TicketStatus.Open;

    private static bool Stops(TicketStatus status) => status is TicketStatus.Solved or TicketStatus.Closed;

    private static Obligation? ObligationFor(SlaTargetKind kind, TicketTimeline ticket, List<ThreadEntry> thread)
    {
        var firstReply = thread.FindIndex(entry => entry.Kind == ThreadEntryKind.PublicReply);
        return kind switch
        {
            SlaTargetKind.FirstResponse => new(SlaStartEvent.TicketCreated, ticket.CreatedAtUtc, firstReply < 0 ? null : thread[firstReply].AtUtc),
            SlaTargetKind.Resolution => new(SlaStartEvent.TicketCreated, ticket.CreatedAtUtc, null),
            SlaTargetKind.NextReply => firstReply < 0 ? null : LatestExchange(thread.Skip(firstReply + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>The customer message still waiting for a reply, else the last one that got one (older exchanges were decided when they ended).</summary>
    private static Obligation? LatestExchange(IEnumerable<ThreadEntry> afterFirstReply)
    {
        Obligation? answered = null;
        DateTime? waitingSince = null;
        foreach (var entry in afterFirstReply)
        {
            if (entry.Kind == ThreadEntryKind.CustomerMessage && waitingSince is null)
            {
                waitingSince = entry.AtUtc;
            }
            else if (entry.Kind == ThreadEntryKind.PublicReply && waitingSince is { } since)
            {
                answered = new(SlaStartEvent.CustomerMessage, since, entry.AtUtc);
                waitingSince = null;
            }
        }
        return waitingSince is { } waiting ? new(SlaStartEvent.CustomerMessage, waiting, null) : answered;
    }

    /// <summary>The status in force from each instant on, with customer messages lifting a pending or solved ticket.</summary>
    private static List<Stretch> EffectiveStatuses(TicketTimeline ticket, List<ThreadEntry> thread, DateTime nowUtc)
    {
        // At the same instant a status change is read before a customer message, so the message is never lost.
        var events = ticket.StatusHistory.Skip(1)
            .Where(change => change.AtUtc <= nowUtc)
            .Select(change => (change.AtUtc, Order: 0, Status: (TicketStatus?)change.Status))
            .Concat(thread.Where(entry => entry.Kind == ThreadEntryKind.CustomerMessage)
                .Select(entry => (entry.AtUtc, Order: 1, Status: (TicketStatus?)null)))
            .OrderBy(e => e.AtUtc)
            .ThenBy(e => e.Order);

        var stretches = new List<Stretch> { new(ticket.CreatedAtUtc, ticket.StatusHistory[0].Status) };
        foreach (var (at, _, status) in events)
        {
            var current = stretches[^1].Status;
            var next = status ?? (current is TicketStatus.PendingCustomer or TicketStatus.Solved ? TicketStatus.Open : current);
            if (next == current)
            {
                continue;
            }
            if (stretches[^1].FromUtc == at)
            {
                stretches.RemoveAt(stretches.Count - 1);
            }
            if (stretches.Count == 0 || stretches[^1].Status != next)
            {
                stretches.Add(new(at, next));
            }
        }
        return stretches;
    }

    private static SlaTargetStatus Measure(
        SlaTargetKind kind, SlaTarget target, double warningShare, Obligation obligation, List<Stretch> statuses, BusinessCalendar clock, DateTime nowUtc)
    {
        var requestedAt = obligation.RequestedAtUtc;
        var solvedAt = SolvedSince(statuses);
        // Solving meets whatever still waits; a message to an already closed ticket is met on arrival, as a closed
        // ticket owes no reply.
        DateTime? metAt = (obligation.AnsweredAtUtc, solvedAt) switch
        {
            ({ } answered, { } solved) => answered < solved ? answered : Max(solved, requestedAt),
            ({ } answered, null) => answered,
            (null, { } solved) => Max(solved, requestedAt),
            _ => null,
        };
        var countedUntil = metAt ?? nowUtc;
        var spans = Spans(statuses, requestedAt, countedUntil, open: metAt is null);
        var running = spans.Where(span => Runs(span.Status)).ToList();
        var runningNow = metAt is null && Runs(statuses[^1].Status);

        var used = Sum(running, clock);
        var deadline = ReachedAt(target.Duration, running, runningNow, clock);
        var warningAt = ReachedAt(TimeSpan.FromTicks((long)Math.Round(target.Duration.Ticks * warningShare)), running, runningNow, clock);
        var breached = deadline is { } due && (metAt is { } met ? due < met : due <= nowUtc);
        var state = breached ? SlaState.Breached : metAt is not null ? SlaState.Met : runningNow ? SlaState.Active : SlaState.Paused;
        var pauses = spans.Where(span => !Runs(span.Status)).ToList();

        return new SlaTargetStatus
        {
            Kind = kind,
            State = state,
            Level = breached ? SlaLevel.Breached
                : state is SlaState.Active or SlaState.Paused && warningAt <= nowUtc ? SlaLevel.Warning
                : SlaLevel.Ok,
            StartedAtUtc = clock.NextOpening(requestedAt),
            DueAtUtc = state is SlaState.Active or SlaState.Breached ? deadline : null,
            WarningAtUtc = warningAt,
            MetAtUtc = metAt,
            BreachedAtUtc = breached ? deadline : null,
            ElapsedOpenMinutes = used.TotalMinutes,
            PausedMinutes = Sum(pauses, clock).TotalMinutes,
            RemainingMinutes = (target.Duration - used).TotalMinutes,
            ShareUsed = (double)used.Ticks / target.Duration.Ticks,
            Explanation = new SlaExplanation(
                obligation.StartedBy,
                requestedAt,
                countedUntil,
                target.Mode,
                target.Duration.TotalMinutes,
                warningShare,
                [.. pauses.Select(pause => new SlaPause(pause.FromUtc, pause.IsCurrent ? null : pause.ToUtc, pause.Status))]),
        };
    }

    /// <summary>The start of the solved (or closed) stretch the ticket is in now, if it is in one.</summary>
    private static DateTime? SolvedSince(List<Stretch> statuses)
    {
        var first = statuses.Count;
        while (first > 0 && Stops(statuses[first - 1].Status))
        {
            first--;
        }
        return first < statuses.Count ? statuses[first].FromUtc : null;
    }

    /// <summary>
    /// The status stretches clipped to [from, until]. Empty spans are dropped, except, while the target is open, the
    /// current one: that is where a running clock continues and a pause that began just now shows.
    /// </summary>
    private static List<Span> Spans(List<Stretch> statuses, DateTime fromUtc, DateTime untilUtc, bool open)
    {
        var spans = new List<Span>();
        for (var i = 0; i < statuses.Count; i++)
        {
            var isCurrent = open && i == statuses.Count - 1;
            var from = Max(statuses[i].FromUtc, fromUtc);
            var to = i + 1 < statuses.Count && statuses[i + 1].FromUtc < untilUtc ? statuses[i + 1].FromUtc : untilUtc;
            if (to > from || isCurrent)
            {
                spans.Add(new(from, to, statuses[i].Status, isCurrent));
            }
        }
        return spans;
    }

    /// <summary>
    /// The instant at which the running spans have counted <paramref name="amount"/>, if they have; while the clock runs
    /// now, the current span is taken as open-ended, which projects the instant into the future.
    /// </summary>
    private static DateTime? ReachedAt(TimeSpan amount, List<Span> running, bool runningNow, BusinessCalendar clock)
    {
        var counted = TimeSpan.Zero;
        foreach (var span in running)
        {
            var left = amount - counted;
            var openEnded = runningNow && span.IsCurrent;
            var length = clock.Between(span.FromUtc, span.ToUtc);
            if (openEnded || left <= length)
            {
                return clock.Add(span.FromUtc, left);
            }
            counted += length;
        }
        return null;
    }

    private static TimeSpan Sum(IEnumerable<Span> spans, BusinessCalendar clock) =>
        spans.Aggregate(TimeSpan.Zero, (sum, span) => sum + clock.Between(span.FromUtc, span.ToUtc));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
