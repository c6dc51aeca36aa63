using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service;

/// <summary>Where a conversation lives now: a ticket merged into another continues on that one.</summary>
public static class TicketMerges
{
    /// <summary>Merges followed this far at most (a chain longer than that is not followed).</summary>
    public const int MaxHops = 10;

    /// <summary>The ticket <paramref name="ticketId"/> ended up in, merges followed, with its status; null when there is none.</summary>
    public static async Task<(int Id, TicketStatus Status)?> LatestAsync(OpsDb db, int ticketId, CancellationToken ct)
    {
        int? id = ticketId;
        for (var hops = 0; id is { } current && hops < MaxHops; hops++)
        {
            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == current).Select(t => new { t.Status, t.MergedIntoId }).FirstOrDefaultAsync(ct);
            if (ticket is null)
            {
                return null;
            }
            if (ticket.MergedIntoId is not { } into)
            {
                return (current, ticket.Status);
            }
            id = into;
        }
        return null;
    }
}
