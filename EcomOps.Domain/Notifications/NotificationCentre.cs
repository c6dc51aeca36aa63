using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Notifications;

/// <summary>
/// Every signed-in person's notifications: what each area sends (training reminders, SLA escalations, overdue complaint
/// measures, audit findings), the unread count of the bell, the list, marking read. A person reads and marks only their own.
/// </summary>
public sealed class NotificationCentre(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Adds to <paramref name="db"/> the drafts whose (recipient, event) is not there yet; the caller saves them with its
    /// own change, in its transaction. Returns how many were added.
    /// </summary>
    public static async Task<int> AddAsync(OpsDb db, IEnumerable<NotificationDraft> drafts, DateTime now, CancellationToken ct = default)
    {
        var wanted = drafts.DistinctBy(d => (d.RecipientUserId, d.EventKey)).ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }
        var keys = wanted.Select(d => d.EventKey).Distinct().ToList();
        var existing = new HashSet<(string, string)>();
        foreach (var chunk in keys.Chunk(500))
        {
            var rows = await db.Set<Notification>().AsNoTracking().Where(n => chunk.Contains(n.EventKey))
                .Select(n => new { n.RecipientUserId, n.EventKey }).ToListAsync(ct);
            existing.UnionWith(rows.Select(r => (r.RecipientUserId, r.EventKey)));
        }
        existing.UnionWith(db.Set<Notification>().Local.Select(n => (n.RecipientUserId, n.EventKey)));
        var added = 0;
        foreach (var draft in wanted.Where(d => !existing.Contains((d.RecipientUserId, d.EventKey))))
        {
            db.Add(draft.ToEntity(now));
            added++;
        }
        return added;
    }

    /// <summary>
    /// Sends the drafts in a transaction of their own, each (recipient, event) once: a draft already sent — by an earlier
    /// run, or by another server at the same instant (the unique index refuses the second) — is left out.
    /// </summary>
    public async Task<int> SendAsync(IReadOnlyCollection<NotificationDraft> drafts, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var added = await AddAsync(db, drafts, clock.GetUtcNow().UtcDateTime, ct);
            if (added == 0)
            {
                return 0;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return added;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Someone sent one of them between the read and the write: read again, send the rest.
            }
        }
    }

    /// <summary>The sign-ins of the active employees whose role holds <paramref name="permission"/>.</summary>
    public static async Task<IReadOnlyList<string>> UsersWithAsync(OpsDb db, string permission, CancellationToken ct = default)
    {
        var roles = Permissions.RolesFor(permission).ToList();
        return await db.Employees.AsNoTracking().Where(e => e.Active && e.UserId != null && roles.Contains(e.Role))
            .Select(e => e.UserId!).ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is null)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().CountAsync(n => n.RecipientUserId == userId && n.ReadAtUtc == null, ct);
    }

    public async Task<Page<NotificationRow>> ListAsync(string? userId, bool unreadOnly, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        if (userId is null)
        {
            return new Page<NotificationRow>([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.RecipientUserId == userId);
        if (unreadOnly)
        {
            mine = mine.Where(n => n.ReadAtUtc == null);
        }
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return new Page<NotificationRow>([.. rows.Select(NotificationRow.Of)], total);
    }

    /// <summary>Marks one of the actor's own notifications read (someone else's is not found).</summary>
    public async Task<Outcome<bool>> MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.RecipientUserId == actor.UserId, ct);
        if (row is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (row.ReadAtUtc is not null)
        {
            return Outcome<bool>.Done(false);
        }
        row.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Done(true);
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.UserId is null)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Set<Notification>().Where(n => n.RecipientUserId == actor.UserId && n.ReadAtUtc == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in unread)
        {
            row.ReadAtUtc = now;
        }
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
