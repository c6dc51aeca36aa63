using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog.Compliance;

public enum FindingState
{
    Open,
    Closed,
    All,
}

public enum FindingColumn
{
    Due,
    Opened,
    Listing,
    Channel,
    Rule,
    Owner,
}

/// <param name="OwnerEmployeeId">Only this owner's findings ("mine").</param>
/// <param name="OverdueOnly">Only open findings past their deadline.</param>
public sealed record FindingFilter(
    FindingState State = FindingState.Open, ListingRuleKind? Rule = null, int? ChannelId = null, int? OwnerEmployeeId = null, bool OverdueOnly = false);

/// <summary>A finding as the lists and the listing page show it; <see cref="Arguments"/> are invariant strings (money in fen).</summary>
public sealed record FindingRow(
    long Id, int ListingId, string ListingTitle, int ChannelId, string ChannelName, ListingRuleKind Rule, string Field, string? Item,
    string MessageKey, IReadOnlyList<string> Arguments, FindingSeverity Severity, int? HighlightStart, int? HighlightLength, string? HighlightText,
    int? OwnerEmployeeId, string? OwnerName, DateTime OpenedAtUtc, DateTime DueAtUtc, DateTime? ClosedAtUtc, string? ClosedByName,
    DateTime? PausedListingAtUtc)
{
    public bool IsOpen => ClosedAtUtc is null;

    public bool IsOverdue(DateTime nowUtc) => IsOpen && DueAtUtc < nowUtc;
}

public sealed record FindingRows(IReadOnlyList<FindingRow> Rows, int Total);

/// <summary>A pass rate: listings that passed of listings checked.</summary>
public sealed record PassRate(int Key, string Name, int Checked, int Passed)
{
    public double? Rate => Checked == 0 ? null : (double)Passed / Checked;
}

/// <summary>The audit's findings, runs and pass rates as the screens and the metric source read them.</summary>
public sealed class ComplianceQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public static readonly ListSort<FindingColumn> ByDue = new(FindingColumn.Due);

    public async Task<FindingRows> FindingsAsync(FindingFilter filter, ListSort<FindingColumn> sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var findings = db.Set<ListingFinding>().AsNoTracking();
        findings = filter.State switch
        {
            FindingState.Open => findings.Where(f => f.ClosedAtUtc == null),
            FindingState.Closed => findings.Where(f => f.ClosedAtUtc != null),
            _ => findings,
        };
        if (filter.OverdueOnly)
        {
            var now = time.UtcNow;
            findings = findings.Where(f => f.ClosedAtUtc == null && f.DueAtUtc < now);
        }
        if (filter.Rule is { } rule)
        {
            findings = findings.Where(f => f.Rule == rule);
        }
        if (filter.ChannelId is { } channel)
        {
            findings = findings.Where(f => f.ChannelId == channel);
        }
        if (filter.OwnerEmployeeId is { } owner)
        {
            findings = findings.Where(f => f.OwnerEmployeeId == owner);
        }
        var total = await findings.CountAsync(ct);
        var d = sort.Descending;
        var ordered = sort.Column switch
        {
            FindingColumn.Opened => findings.By(f => f.OpenedAtUtc, d),
            FindingColumn.Listing => findings.By(f => f.ListingId, d),
            FindingColumn.Channel => findings.By(f => f.ChannelId, d),
            FindingColumn.Rule => findings.By(f => f.Rule, d),
            FindingColumn.Owner => findings.By(f => f.OwnerName, d),
            _ => findings.By(f => f.DueAtUtc, d),
        };
        var page = await ordered.ThenBy(f => f.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new FindingRows(await RowsAsync(db, page, ct), total);
    }

    /// <summary>A listing's findings, open ones first by deadline, then the last closed ones.</summary>
    public async Task<IReadOnlyList<FindingRow>> ListingFindingsAsync(int listingId, int closedToShow = 5, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<ListingFinding>().AsNoTracking().Where(f => f.ListingId == listingId && f.ClosedAtUtc == null)
            .OrderBy(f => f.DueAtUtc).ThenBy(f => f.Id).ToListAsync(ct);
        var closed = await db.Set<ListingFinding>().AsNoTracking().Where(f => f.ListingId == listingId && f.ClosedAtUtc != null)
            .OrderByDescending(f => f.ClosedAtUtc).ThenByDescending(f => f.Id).Take(closedToShow).ToListAsync(ct);
        return await RowsAsync(db, [.. open, .. closed], ct);
    }

    /// <summary>Whether an open finding paused the listing (it may not go back live until a check closes it).</summary>
    public async Task<bool> PausedByOpenFindingAsync(int listingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ListingFinding>().AnyAsync(f => f.ListingId == listingId && f.ClosedAtUtc == null && f.PausedListingAtUtc != null, ct);
    }

    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<AuditRun>> RunsAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<AuditRun>().AsNoTracking().OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>The employee record of a sign-in: whose findings are "mine".</summary>
    public async Task<int?> EmployeeOfAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.Where(e => e.UserId == userId).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Pass rate per owner over the runs started in [from, to) (UTC): each run's tallies added up.</summary>
    public async Task<IReadOnlyList<PassRate>> PassRateByOwnerAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tallies = await (from t in Tallies(db, fromUtc, toUtc)
                             group t by t.OwnerEmployeeId into g
                             select new { g.Key, Checked = g.Sum(t => t.Checked), Passed = g.Sum(t => t.Passed) }).ToListAsync(ct);
        var ids = tallies.Select(t => t.Key).ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        return [.. tallies.Select(t => new PassRate(t.Key, names.GetValueOrDefault(t.Key) ?? "—", t.Checked, t.Passed)).OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>Pass rate per channel over the runs started in [from, to) (UTC).</summary>
    public async Task<IReadOnlyList<PassRate>> PassRateByChannelAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tallies = await (from t in Tallies(db, fromUtc, toUtc)
                             group t by t.ChannelId into g
                             select new { g.Key, Checked = g.Sum(t => t.Checked), Passed = g.Sum(t => t.Passed) }).ToListAsync(ct);
        var names = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. tallies.Select(t => new PassRate(t.Key, names.GetValueOrDefault(t.Key) ?? "—", t.Checked, t.Passed)).OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static IQueryable<AuditTally> Tallies(OpsDb db, DateTime fromUtc, DateTime toUtc) =>
        from t in db.Set<AuditTally>().AsNoTracking()
        join r in db.Set<AuditRun>() on t.RunId equals r.Id
        where r.FinishedAtUtc != null && r.StartedAtUtc >= fromUtc && r.StartedAtUtc < toUtc
        select t;

    private static async Task<IReadOnlyList<FindingRow>> RowsAsync(OpsDb db, IReadOnlyList<ListingFinding> page, CancellationToken ct)
    {
        var listingIds = page.Select(f => f.ListingId).Distinct().ToList();
        var titles = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Title, ct);
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. page.Select(f => new FindingRow(
            f.Id, f.ListingId, titles.GetValueOrDefault(f.ListingId) ?? "", f.ChannelId, channels.GetValueOrDefault(f.ChannelId) ?? "", f.Rule, f.Field, f.Item,
            f.MessageKey, JsonSerializer.Deserialize<string[]>(f.Arguments) ?? [], f.Severity, f.HighlightStart, f.HighlightLength, f.HighlightText,
            f.OwnerEmployeeId, f.OwnerName, f.OpenedAtUtc, f.DueAtUtc, f.ClosedAtUtc, f.ClosedByName, f.PausedListingAtUtc))];
    }
}
