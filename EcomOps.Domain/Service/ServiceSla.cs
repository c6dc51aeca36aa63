using EcomOps.Domain.Calendars;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Domain.Service;

/// <summary>
/// The customer-service team's SLA: its calendar and its ordered policies. One place, so the queue, the scheduler,
/// the sweep job and the demo data all measure tickets the same way. Supervisors change it at run time
/// (<see cref="SlaSettingsDesk"/>): <see cref="Replace"/> swaps both at once, so a projection never mixes an old
/// calendar with new policies.
/// </summary>
public sealed class ServiceSla(BusinessCalendar calendar, SlaPolicySet policies)
{
    private sealed record Rules(BusinessCalendar Calendar, SlaPolicySet Policies);

    private volatile Rules _rules = new(calendar, policies);

    public BusinessCalendar Calendar => _rules.Calendar;

    public SlaPolicySet Policies => _rules.Policies;

    public static ServiceSla Default()
    {
        var (calendar, policies) = SlaSettings.Default().Build(CalendarDates.Of(CalendarSeeds.ServiceDeskSpringFestival)).Value;
        return new ServiceSla(calendar, policies);
    }

    public void Replace(BusinessCalendar calendar, SlaPolicySet policies) => _rules = new Rules(calendar, policies);

    /// <summary>Puts a ticket's SLA picture on it: due times, the queue's sort key, its badge and next check.</summary>
    public IReadOnlyList<SlaTargetStatus> Project(Ticket ticket, DateTime nowUtc)
    {
        var rules = _rules;
        var policy = rules.Policies.Match(ticket.Priority, ticket.Channel, ticket.Category);
        ticket.SlaPolicyName = policy?.Name;
        if (policy is null)
        {
            ticket.FirstResponseDueUtc = ticket.NextReplyDueUtc = ticket.ResolutionDueUtc = null;
            ticket.NextDeadlineUtc = ticket.NextWarningUtc = ticket.SlaNextCheckUtc = null;
            ticket.SlaBadge = SlaBadge.None;
            return [];
        }

        var timeline = TimelineOf(ticket);
        var targets = SlaClock.Evaluate(timeline, policy, rules.Calendar, nowUtc);
        DateTime? Due(SlaTargetKind kind) => targets.FirstOrDefault(t => t.Kind == kind)?.DueAtUtc;
        ticket.FirstResponseDueUtc = Due(SlaTargetKind.FirstResponse);
        ticket.NextReplyDueUtc = Due(SlaTargetKind.NextReply);
        ticket.ResolutionDueUtc = Due(SlaTargetKind.Resolution);

        // Still owed: running targets and those overdue without an answer yet. An overdue one sorts first.
        var owed = targets.Where(t => t.State == SlaState.Active || (t.State == SlaState.Breached && t.MetAtUtc is null)).ToList();
        ticket.NextDeadlineUtc = owed.Min(t => t.DueAtUtc);
        ticket.NextWarningUtc = owed.Where(t => t.State == SlaState.Active).Min(t => t.WarningAtUtc);
        ticket.SlaNextCheckUtc = SlaClock.NextTransitionUtc(timeline, policy, rules.Calendar, nowUtc);
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
