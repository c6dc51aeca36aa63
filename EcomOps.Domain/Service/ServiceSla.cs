using EcomOps.Domain.Service.Sla;

namespace EcomOps.Domain.Service;

/// <summary>
/// The customer-service team's SLA settings: its calendar and its ordered policies. One place, so the queue, the
/// scheduler, the sweep job and the demo data all measure tickets the same way.
/// </summary>
public sealed class ServiceSla(BusinessCalendar calendar, SlaPolicySet policies)
{
    public BusinessCalendar Calendar { get; } = calendar;

    public SlaPolicySet Policies { get; } = policies;

    /// <summary>
    /// The service desk's hours: every day 09:00–23:00 in Shanghai, when online shoppers write most; closed on the
    /// eve and first day of the Spring Festival.
    /// </summary>
    public static ServiceSla Default()
    {
        IReadOnlyList<OpeningInterval> day = [new(new TimeOnly(9, 0), new TimeOnly(23, 0))];
        var calendar = new BusinessCalendar(
            "Asia/Shanghai",
            Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => day),
            holidays: [new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17)]);
        var policies = new SlaPolicySet(
        [
            new SlaPolicy
            {
                Name = "Urgent",
                Priority = TicketPriority.Urgent,
                FirstResponse = new SlaTarget(TimeSpan.FromMinutes(30)),
                NextReply = new SlaTarget(TimeSpan.FromHours(1)),
                Resolution = new SlaTarget(TimeSpan.FromHours(8)),
            },
            new SlaPolicy
            {
                Name = "Complaint",
                Category = TicketCategories.Complaint,
                FirstResponse = new SlaTarget(TimeSpan.FromHours(2)),
                NextReply = new SlaTarget(TimeSpan.FromHours(4)),
                Resolution = new SlaTarget(TimeSpan.FromHours(42)),
            },
            new SlaPolicy
            {
                Name = "Online chat",
                Channel = TicketChannel.OnlineChat,
                FirstResponse = new SlaTarget(TimeSpan.FromMinutes(15)),
                NextReply = new SlaTarget(TimeSpan.FromMinutes(30)),
                Resolution = new SlaTarget(TimeSpan.FromHours(14)),
            },
            new SlaPolicy
            {
                Name = "Hotline",
                Channel = TicketChannel.Hotline,
                FirstResponse = new SlaTarget(TimeSpan.FromHours(1)),
                NextReply = new SlaTarget(TimeSpan.FromHours(2)),
                Resolution = new SlaTarget(TimeSpan.FromHours(28)),
            },
            new SlaPolicy
            {
                Name = "Standard",
                FirstResponse = new SlaTarget(TimeSpan.FromHours(4)),
                NextReply = new SlaTarget(TimeSpan.FromHours(8)),
                Resolution = new SlaTarget(TimeSpan.FromHours(42)),
            },
        ]);
        return new ServiceSla(calendar, policies);
    }

    /// <summary>Puts a ticket's SLA picture on it: due times, the queue's sort key, its badge and next check.</summary>
    public IReadOnlyList<SlaTargetStatus> Project(Ticket ticket, DateTime nowUtc)
    {
        var policy = Policies.Match(ticket.Priority, ticket.Channel, ticket.Category);
        ticket.SlaPolicyName = policy?.Name;
        if (policy is null)
        {
            ticket.FirstResponseDueUtc = ticket.NextReplyDueUtc = ticket.ResolutionDueUtc = null;
            ticket.NextDeadlineUtc = ticket.NextWarningUtc = ticket.SlaNextCheckUtc = null;
            ticket.SlaBadge = SlaBadge.None;
            return [];
        }

        var timeline = TimelineOf(ticket);
        var targets = SlaClock.Evaluate(timeline, policy, Calendar, nowUtc);
        DateTime? Due(SlaTargetKind kind) => targets.FirstOrDefault(t => t.Kind == kind)?.DueAtUtc;
        ticket.FirstResponseDueUtc = Due(SlaTargetKind.FirstResponse);
        ticket.NextReplyDueUtc = Due(SlaTargetKind.NextReply);
        ticket.ResolutionDueUtc = Due(SlaTargetKind.Resolution);

        // Still owed: running targets and those overdue without an answer yet. An overdue one sorts first.
        var owed = targets.Where(t => t.State == SlaState.Active || (t.State == SlaState.Breached && t.MetAtUtc is null)).ToList();
        ticket.NextDeadlineUtc = owed.Min(t => t.DueAtUtc);
        ticket.NextWarningUtc = owed.Where(t => t.State == SlaState.Active).Min(t => t.WarningAtUtc);
        ticket.SlaNextCheckUtc = SlaClock.NextTransitionUtc(timeline, policy, Calendar, nowUtc);
        ticket.SlaBadge = owed.Any(t => t.State == SlaState.Breached) ? SlaBadge.Breached
            : owed.Any(t => t.Level == SlaLevel.Warning) ? SlaBadge.Warning
            : owed.Count > 0 ? SlaBadge.Ok
            : targets.Any(t => t.State == SlaState.Paused) ? SlaBadge.Paused
            : targets.Count > 0 ? SlaBadge.Met
            : SlaBadge.None;
        return targets;
    }

    /// <summary>The badge of one target, as the ticket page shows it beside each deadline.</summary>
    public static SlaBadge BadgeOf(SlaTargetStatus target) => target.State switch
    {
        SlaState.Breached => SlaBadge.Breached,
        SlaState.Met => SlaBadge.Met,
        SlaState.Paused => SlaBadge.Paused,
        _ => target.Level == SlaLevel.Warning ? SlaBadge.Warning : SlaBadge.Ok,
    };

    public static TicketTimeline TimelineOf(Ticket ticket) => new(
        ticket.CreatedAtUtc,
        ticket.StatusHistory.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).Select(s => new StatusChange(s.Status, s.AtUtc)).ToList(),
        ticket.Entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new ThreadEntry(e.Kind, e.AtUtc)).ToList());
}
