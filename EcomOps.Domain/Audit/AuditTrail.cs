using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Audit;

public sealed record AuditQuery(
    string? EntityType = null, string? EntityKey = null, string? Actor = null, AuditAction? Action = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, int Skip = 0, int Take = 50,
    AuditSort Sort = AuditSort.When, bool Descending = true);

/// <summary>The columns the trail can be sorted by; ties keep the newest entry first.</summary>
public enum AuditSort
{
    When,
    Who,
    Action,
    Record,
}

/// <summary>Reading and pruning the audit trail. Entries are written only by <see cref="ChangeCapture"/>.</summary>
public sealed class AuditTrail(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    /// <summary>The most rows an export holds; the page says so when the filters match more.</summary>
    public const int ExportCap = 20_000;

    public async Task<Page<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Filtered(db, query);
        var total = await entries.CountAsync(ct);
        var items = await Sorted(entries, query)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        return new Page<AuditEntry>(items, total);
    }

    /// <summary>The records these entries name, read once for all of them (see <see cref="AuditRecords"/>).</summary>
    public async Task<AuditRecords> RecordsAsync(IReadOnlyCollection<AuditEntry> entries, IEnumerable<int> employeeIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AuditRecords.ReadAsync(db, entries, employeeIds, ct);
    }

    /// <summary>Every entry the filters match, in the page's order, up to <see cref="ExportCap"/> (paging ignored).</summary>
    public async Task<Page<AuditEntry>> ExportAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Filtered(db, query);
        var total = await entries.CountAsync(ct);
        var items = await Sorted(entries, query).Take(ExportCap).ToListAsync(ct);
        return new Page<AuditEntry>(items, total);
    }

    private static IQueryable<AuditEntry> Filtered(OpsDb db, AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityKey))
        {
            entries = entries.Where(e => e.EntityKey == query.EntityKey.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            // The screen shows people by name, so a name finds them as well as their sign-in.
            var like = $"%{query.Actor.Trim()}%";
            var signIns = db.Employees.Where(p => EF.Functions.Like(p.FullName, like)).Select(p => p.Email);
            entries = entries.Where(e => EF.Functions.Like(e.ActorName, like) || signIns.Contains(e.ActorName));
        }
        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (query.FromUtc is { } from)
        {
            entries = entries.Where(e => e.AtUtc >= from);
        }
        if (query.ToUtc is { } to)
        {
            entries = entries.Where(e => e.AtUtc < to);
        }
        return entries;
    }

    private static IQueryable<AuditEntry> Sorted(IQueryable<AuditEntry> entries, AuditQuery query)
    {
        var d = query.Descending;
        var sorted = query.Sort switch
        {
            AuditSort.Who => d ? entries.OrderByDescending(e => e.ActorName) : entries.OrderBy(e => e.ActorName),
            AuditSort.Action => d ? entries.OrderByDescending(e => e.Action) : entries.OrderBy(e => e.Action),
            AuditSort.Record => d ? entries.OrderByDescending(e => e.EntityType).ThenByDescending(e => e.EntityKey.Length).ThenByDescending(e => e.EntityKey)
                : entries.OrderBy(e => e.EntityType).ThenBy(e => e.EntityKey.Length).ThenBy(e => e.EntityKey),
            _ => d ? entries.OrderByDescending(e => e.AtUtc) : entries.OrderBy(e => e.AtUtc),
        };
        return query.Sort == AuditSort.When
            ? d ? sorted.ThenByDescending(e => e.Id) : sorted.ThenBy(e => e.Id)
            : sorted.ThenByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
    }

    public async Task<int> CountSinceAsync(DateTime fromUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.CountAsync(e => e.AtUtc >= fromUtc, ct);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>Deletes entries older than <paramref name="retentionDays"/> days. Running it twice deletes nothing more.</summary>
    public async Task<int> PurgeAsync(int retentionDays, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-retentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
