using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Live;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service;

public enum AlertKind
{
    Warning,
    Breach,
}

/// <summary>
/// An escalation to the customer-service supervisors: a ticket's target reached its warning share, or its deadline.
/// Keyed by (ticket, target, kind, deadline), so each is raised once however often the SLA check runs.
/// </summary>
[LiveBoard(Boards.Alerts)]
public sealed class ServiceAlert
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public AlertKind Kind { get; set; }
    public SlaTargetKind Target { get; set; }
    public DateTime DueAtUtc { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public string? AcknowledgedBy { get; set; }
}

internal sealed class ServiceAlertConfiguration : IEntityTypeConfiguration<ServiceAlert>
{
    public void Configure(EntityTypeBuilder<ServiceAlert> b)
    {
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Target).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.TicketId, a.Target, a.Kind, a.DueAtUtc }).IsUnique();
        b.HasIndex(a => new { a.AcknowledgedAtUtc, a.RaisedAtUtc });
    }
}

/// <summary>An alert as the supervisors' bell lists it.</summary>
public sealed record AlertRow(long Id, int TicketId, string Subject, AlertKind Kind, SlaTargetKind Target, DateTime DueAtUtc, DateTime RaisedAtUtc, string? AssigneeName)
{
    public string TicketNumber => Ticket.NumberOf(TicketId);
}

/// <summary>The supervisors' side of escalations: what is open, and acknowledging it.</summary>
public sealed class ServiceAlerts(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public async Task<(int Open, IReadOnlyList<AlertRow> Latest)> OpenAsync(int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Set<ServiceAlert>().AsNoTracking().Where(a => a.AcknowledgedAtUtc == null);
        var count = await open.CountAsync(ct);
        var latest = await open.OrderByDescending(a => a.RaisedAtUtc).ThenByDescending(a => a.Id).Take(take)
            .Join(db.Tickets, a => a.TicketId, t => t.Id, (a, t) => new AlertRow(a.Id, a.TicketId, t.Subject, a.Kind, a.Target, a.DueAtUtc, a.RaisedAtUtc,
                t.Assignee == null ? null : t.Assignee.FullName))
            .ToListAsync(ct);
        return (count, latest);
    }

    /// <summary>
    /// A supervisor takes an escalation off the bell: done with true when this call acknowledged it, false when someone
    /// already had (or it is gone); refused for a role that does not supervise the service.
    /// </summary>
    public async Task<Outcome<bool>> AcknowledgeAsync(Actor actor, long alertId, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.SuperviseService))
        {
            return Outcome<bool>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var alert = await db.Set<ServiceAlert>().FirstOrDefaultAsync(a => a.Id == alertId && a.AcknowledgedAtUtc == null, ct);
        if (alert is null)
        {
            return Outcome<bool>.Done(false);
        }
        alert.AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime;
        alert.AcknowledgedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Done(true);
    }
}
