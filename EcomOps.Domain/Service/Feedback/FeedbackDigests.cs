using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Referrals;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Feedback;

/// <summary>A digest as the list shows it (its workbook is fetched on download).</summary>
public sealed record FeedbackDigestRow(int Id, Team Department, DateOnly Month, int Entries, int Suggestions, int Acknowledged, string Culture, DateTime BuiltAtUtc);

/// <summary>
/// The monthly feedback digest per department (§2.5): a workbook of the month's feedback and suggestions for the
/// department that owns them, built once per department and month (a second run, or a second server, finds it built),
/// kept for download, and announced to the department's heads. Customer text never runs as a formula (<see cref="ListWorkbook"/>).
/// </summary>
public sealed class FeedbackDigests(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock, Time.CompanyTime time)
{
    public static readonly IReadOnlyList<ListColumn<FeedbackRow>> Columns =
    [
        new("Feedback.RecordedAt", (f, _) => ListCell.At(f.RecordedAtUtc)),
        new("Feedback.Ticket", (f, _) => ListCell.Of(f.TicketNumber)),
        new("Feedback.Kind", (f, text) => ListCell.Of(text($"FeedbackKind.{f.Kind}"))),
        new("Feedback.Category", (f, text) => ListCell.Of(text($"FeedbackCategory.{f.Category}"))),
        new("Feedback.Department", (f, text) => ListCell.Of(text($"Team.{f.Department}"))),
        new("Feedback.Text", (f, _) => ListCell.Of(f.Text)),
        new("Feedback.Customer", (f, _) => ListCell.Of(f.CustomerName)),
        new("Feedback.RecordedBy", (f, _) => ListCell.Of(f.RecordedByName)),
        new("Feedback.State", (f, text) => ListCell.Of(text($"FeedbackState.{f.State}"))),
        new("Feedback.Response", (f, _) => ListCell.Of(f.Response)),
        new("Feedback.AcknowledgedBy", (f, _) => ListCell.Of(f.AcknowledgedByName)),
        new("Feedback.AcknowledgedAt", (f, _) => ListCell.At(f.AcknowledgedAtUtc)),
    ];

    /// <summary>The month that ended last (company calendar): what the job on the first of a month sums up.</summary>
    public DateOnly LastMonth
    {
        get
        {
            var today = time.Today;
            return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
    }

    /// <summary>
    /// Builds the digest of <paramref name="month"/> for every department that has none yet, in <paramref name="culture"/>
    /// (<paramref name="text"/> gives its words); a department with no feedback gets one too, saying so by its empty
    /// list. Returns how many were built by this call.
    /// </summary>
    public async Task<int> BuildAsync(DateOnly month, Func<string, string> text, string culture, CancellationToken ct = default)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var fromUtc = time.ToUtc(month.ToDateTime(TimeOnly.MinValue));
        var toUtc = time.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var built = 0;
        foreach (var department in Enum.GetValues<Team>())
        {
            var done = await WriteRetry.RunOrThrowAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.Actor = new Actor(null, "feedback-digest");
                if (await db.Set<FeedbackDigest>().AnyAsync(d => d.Department == department && d.Month == month, ct))
                {
                    return false;
                }
                var rows = await FeedbackDesk.MonthOf(db, department, fromUtc, toUtc).ToListAsync(ct);
                var title = $"{text($"Team.{department}")} {month:yyyy-MM}";
                var file = ListWorkbook.Build(title, Columns, rows, text, time.Zone);
                var now = clock.GetUtcNow().UtcDateTime;
                db.Add(new FeedbackDigest
                {
                    Department = department, Month = month, Entries = rows.Count, Suggestions = rows.Count(r => r.Kind == FeedbackKind.Suggestion),
                    Acknowledged = rows.Count(r => r.State == FeedbackState.Acknowledged), Culture = culture, BuiltAtUtc = now, Content = file.Content,
                });
                var heads = (await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == department && e.UserId != null).ToListAsync(ct))
                    .Where(e => ReferralRules.IsHeadRole(e.Role, department));
                await NotificationCentre.AddAsync(db, heads.Select(e => new NotificationDraft(e.UserId!, NotificationKind.FeedbackDigest,
                    $"feedback-digest:{department}:{month:yyyy-MM}", "Notice.FeedbackDigest", [department.ToString(), $"{month:yyyy-MM}", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                    "/service/feedback")), now, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (!WriteRetry.IsBusy(e))
                {
                    // Built at the same moment by another run: one digest per department and month, whoever finished first.
                    return false;
                }
                return true;
            }, ct);
            built += done ? 1 : 0;
        }
        return built;
    }

    /// <summary>The digests the actor may download, newest month first: their department's, or all for the director and the admin.</summary>
    public async Task<IReadOnlyList<FeedbackDigestRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var digests = db.Set<FeedbackDigest>().AsNoTracking();
        if (!FeedbackRules.MayReadAll(actor))
        {
            if (await FeedbackDesk.MeAsync(db, actor, ct) is not { Active: true } me)
            {
                return [];
            }
            var team = me.Team;
            digests = digests.Where(d => d.Department == team);
        }
        return await digests.OrderByDescending(d => d.Month).ThenBy(d => d.Department)
            .Select(d => new FeedbackDigestRow(d.Id, d.Department, d.Month, d.Entries, d.Suggestions, d.Acknowledged, d.Culture, d.BuiltAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>A digest's workbook for someone who may read it (else null, as for one that does not exist).</summary>
    public async Task<(string FileName, byte[] Content)?> DownloadAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var visible = await ListAsync(actor, ct);
        if (visible.FirstOrDefault(d => d.Id == id) is not { } row)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var content = await db.Set<FeedbackDigest>().AsNoTracking().Where(d => d.Id == id).Select(d => d.Content).SingleAsync(ct);
        return ($"feedback-{row.Department.ToString().ToLowerInvariant()}-{row.Month:yyyy-MM}.xlsx", content);
    }
}
