using System.Diagnostics;
using System.Globalization;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Reports;

/// <summary>What a report is built from: the period, the teams, the language.</summary>
public sealed record ReportRequest(ReportPeriod Period, IReadOnlyList<Team> Teams, string Culture)
{
    public string Key => $"{Period.Kind}|{Period.Start:yyyy-MM-dd}|{Period.End:yyyy-MM-dd}|{string.Join(',', Teams.Order())}|{Culture}";
}

/// <summary>A row of the archive list (without the workbook bytes).</summary>
public sealed record ReportListItem(
    int Id, PeriodKind PeriodKind, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<Team> Teams, string Culture, bool Scheduled,
    ReportStatus Status, int Progress, string? Error, int Attempts, DateTime RequestedAtUtc, string? RequestedBy, string? RequestedByUserId,
    DateTime? BuiltAtUtc, long? BuildMilliseconds, long SizeBytes)
{
    public ReportPeriod Period => new(PeriodKind, PeriodStart, PeriodEnd);

    public string FileName => KpiExport.FileName(Teams, Period);
}

/// <summary>A request the archive took: the stored report, and whether a build has to be started for it.</summary>
public sealed record ReportTaken(int Id, bool NeedsBuild);

/// <summary>How long built reports are kept.</summary>
public sealed record ReportSettings(int RetentionDays = 400);

/// <summary>
/// The report archive: requests (one stored report per set of parameters), builds with progress, lists, downloads
/// and retention. Builds run in jobs; each build can run again without building a ready report twice.
/// </summary>
public sealed class ReportArchive(IDbContextFactory<OpsDb> dbFactory, KpiExport export, ReportSettings settings, TimeProvider clock, Time.CompanyTime time)
{
    public const string TeamNotAllowed = "ReportTeamNotAllowed";
    public const string PeriodInFuture = "ReportPeriodInFuture";

    /// <summary>A build still queued or building this long after it was asked for is stuck and may be retried by hand.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A person asks for a workbook: only teams their role may export (<see cref="KpiAccess"/>), and only a period that
    /// has begun. Then as <see cref="RequestAsync"/>.
    /// </summary>
    public async Task<Outcome<ReportTaken>> AskAsync(Actor by, ReportRequest request, CancellationToken ct = default)
    {
        if (!by.May(Permissions.ExportKpiSheets) || request.Teams.Count == 0
            || (by.Roles is { } roles && !request.Teams.All(KpiAccess.TeamsFor(roles).Contains)))
        {
            return Outcome<ReportTaken>.Invalid([new FieldError("Teams", TeamNotAllowed)]);
        }
        if (request.Period.IsFuture(time.Today))
        {
            return Outcome<ReportTaken>.Invalid([new FieldError("Period", PeriodInFuture)]);
        }
        var (id, needsBuild) = await RequestAsync(request, scheduled: false, by, ct);
        return Outcome<ReportTaken>.Done(new ReportTaken(id, needsBuild));
    }

    /// <summary>
    /// Builds a failed or stuck report again, for someone who may see it: back to Queued, and <c>true</c> when a build
    /// must be started. A report that is ready, or building normally, is left alone (<c>false</c>).
    /// </summary>
    public async Task<Outcome<bool>> RetryAsync(Actor by, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.StoredReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return Outcome<bool>.NotFound();
        }
        if (!by.May(Permissions.ExportKpiSheets) || (by.Roles is { } roles && !ParseTeams(report.Teams).All(KpiAccess.TeamsFor(roles).Contains)))
        {
            return Outcome<bool>.Invalid([new FieldError("Teams", TeamNotAllowed)]);
        }
        if (!CanRetry(report.Status, report.RequestedAtUtc, clock.GetUtcNow().UtcDateTime))
        {
            return Outcome<bool>.Done(false);
        }
        report.Status = ReportStatus.Queued;
        report.Progress = 0;
        report.Error = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Conflict();
        }
        return Outcome<bool>.Done(true);
    }

    /// <summary>A failed build, or one still not ready long after it was asked for, may be started again by hand.</summary>
    public static bool CanRetry(ReportStatus status, DateTime requestedAtUtc, DateTime nowUtc) =>
        status == ReportStatus.Failed || (status is ReportStatus.Queued or ReportStatus.Building && nowUtc - requestedAtUtc > StuckAfter);

    /// <summary>
    /// Reports left queued or half-built when the console stopped: their builds lived in the in-memory job store,
    /// which forgot them. They go back to Queued; the caller starts a build for each id returned.
    /// </summary>
    public async Task<IReadOnlyList<int>> RequeueUnfinishedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unfinished = await db.StoredReports.Where(r => r.Status == ReportStatus.Queued || r.Status == ReportStatus.Building).ToListAsync(ct);
        foreach (var report in unfinished)
        {
            report.Status = ReportStatus.Queued;
            report.Progress = 0;
        }
        await db.SaveChangesAsync(ct);
        return [.. unfinished.Select(r => r.Id)];
    }

    /// <summary>
    /// The report for these parameters: the existing one (a failed one is queued again), or a new queued one.
    /// <c>NeedsBuild</c> says whether a build should be started.
    /// </summary>
    public async Task<(int Id, bool NeedsBuild)> RequestAsync(ReportRequest request, bool scheduled, Actor? by, CancellationToken ct = default)
    {
        var key = request.Key;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var existing = await db.StoredReports.Where(r => r.ParametersKey == key)
                .Select(r => new { r.Id, r.Status }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                return (existing.Id, existing.Status == ReportStatus.Failed);
            }
            var report = new StoredReport
            {
                PeriodKind = request.Period.Kind,
                PeriodStart = request.Period.Start,
                PeriodEnd = request.Period.End,
                Teams = string.Join(',', request.Teams.Order()),
                Culture = request.Culture,
                ParametersKey = key,
                Scheduled = scheduled,
                Status = ReportStatus.Queued,
                RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
                RequestedBy = by?.Name,
                RequestedByUserId = by?.UserId,
            };
            db.StoredReports.Add(report);
            try
            {
                await db.SaveChangesAsync(ct);
                return (report.Id, true);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same request arrived at the same moment: the other one is the report; read it on the next pass.
            }
        }
    }

    /// <summary>
    /// Builds the report unless it is ready already; records progress as it goes. A failure is stored on the report
    /// (status, error, attempts) and rethrown so the job is retried.
    /// </summary>
    /// <param name="textFor">The UI texts in a culture (the report's language).</param>
    public async Task BuildAsync(int id, Func<CultureInfo, Func<string, string>> textFor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.StoredReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || report.Status == ReportStatus.Ready)
        {
            return;
        }
        report.Status = ReportStatus.Building;
        report.Progress = 0;
        report.Error = null;
        report.Attempts++;
        await db.SaveChangesAsync(ct);

        var watch = Stopwatch.StartNew();
        try
        {
            var culture = CultureInfo.GetCultureInfo(report.Culture);
            var teams = ParseTeams(report.Teams);
            // Each step's progress is saved, so the archive page's bar moves live (Reports board).
            var bytes = await export.BuildAsync(teams, new ReportPeriod(report.PeriodKind, report.PeriodStart, report.PeriodEnd),
                textFor(culture), culture, progress: async p =>
                {
                    report.Progress = p;
                    await db.SaveChangesAsync(ct);
                }, ct: ct);
            report.Content = bytes;
            report.SizeBytes = bytes.LongLength;
            report.Status = ReportStatus.Ready;
            report.Progress = 100;
            report.BuiltAtUtc = clock.GetUtcNow().UtcDateTime;
            report.BuildMilliseconds = watch.ElapsedMilliseconds;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = await db.StoredReports.FirstAsync(r => r.Id == id, CancellationToken.None);
            failed.Status = ReportStatus.Failed;
            failed.Error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyList<ReportListItem>> ListAsync(IReadOnlyList<Team> visibleTeams, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.StoredReports.AsNoTracking().OrderByDescending(r => r.RequestedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.PeriodKind, r.PeriodStart, r.PeriodEnd, r.Teams, r.Culture, r.Scheduled, r.Status, r.Progress, r.Error, r.Attempts,
                r.RequestedAtUtc, r.RequestedBy, r.RequestedByUserId, r.BuiltAtUtc, r.BuildMilliseconds, r.SizeBytes })
            .Take(take * 4).ToListAsync(ct);
        return rows
            .Select(r => new ReportListItem(r.Id, r.PeriodKind, r.PeriodStart, r.PeriodEnd, ParseTeams(r.Teams), r.Culture, r.Scheduled, r.Status, r.Progress,
                r.Error, r.Attempts, r.RequestedAtUtc, r.RequestedBy, r.RequestedByUserId, r.BuiltAtUtc, r.BuildMilliseconds, r.SizeBytes))
            // A supervisor sees the reports of their own team only.
            .Where(r => r.Teams.All(visibleTeams.Contains))
            .Take(take)
            .ToList();
    }

    public async Task<(ReportListItem Report, byte[] Content)?> DownloadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.StoredReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Status == ReportStatus.Ready, ct);
        return r?.Content is null ? null : (new ReportListItem(r.Id, r.PeriodKind, r.PeriodStart, r.PeriodEnd, ParseTeams(r.Teams), r.Culture, r.Scheduled,
            r.Status, r.Progress, r.Error, r.Attempts, r.RequestedAtUtc, r.RequestedBy, r.RequestedByUserId, r.BuiltAtUtc, r.BuildMilliseconds, r.SizeBytes), r.Content);
    }

    /// <summary>Removes reports requested longer ago than the retention; returns how many.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.StoredReports.Where(r => r.RequestedAtUtc < cutoff && r.Status != ReportStatus.Building)
            .Select(r => new StoredReport { Id = r.Id, Teams = r.Teams, Culture = r.Culture, ParametersKey = r.ParametersKey, Version = r.Version })
            .ToListAsync(ct);
        db.StoredReports.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }

    public static IReadOnlyList<Team> ParseTeams(string teams) =>
        teams.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Enum.Parse<Team>(t)).ToList();
}
