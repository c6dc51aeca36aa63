using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>
/// Two past compliance audits, run by the real auditor on the demo listings: last week's Monday 02:00 run and this
/// week's (Monday's, or one started on demand two days ago). Between them a third of the titles with a banned term were fixed (the second run closes their findings) and a
/// few live titles gained one (the second run opens them); the first run's banned-word findings still open at the
/// second were overdue, so the second run paused those listings. What stays open is the work the findings page shows.
/// </summary>
public sealed class ComplianceDemoData(ComplianceAuditor auditor, CompanyTime time) : IDemoDataArea
{
    public int Order => 75;

    public string Name => "compliance audits";

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, ct);

    private async Task SeedAsync(OpsDb db, CancellationToken ct)
    {
        if (!await db.Listings.AnyAsync(l => l.State == ListingState.Live, ct))
        {
            return;
        }
        // This week began at Monday 00:00 company time; its scheduled run is at 02:00. Started before 02:00 on a Monday,
        // the demo has this week's run just after midnight, so the week is audited whenever the console starts.
        var weekStart = time.ToUtc(time.LocalNow.Date.AddDays(-(((int)time.LocalNow.DayOfWeek + 6) % 7)));
        var thisMonday = weekStart.AddHours(2);
        if (thisMonday > time.UtcNow)
        {
            thisMonday = weekStart + (time.UtcNow - weekStart) / 2;
        }
        var lastMonday = weekStart.AddDays(-7).AddHours(2);
        await auditor.RunAsync(ComplianceAuditor.Scheduler, AuditTrigger.Scheduled, lastMonday, ct);

        var flagged = await db.Set<ListingFinding>().AsNoTracking()
            .Where(f => f.ClosedAtUtc == null && f.Rule == ListingRuleKind.BannedWords && f.Field == FindingFields.Title)
            .Select(f => f.ListingId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var fixedOnes = flagged.Where((_, i) => i % 3 == 0).ToList();
        var fixedAt = lastMonday.AddDays(2);
        foreach (var chunk in fixedOnes.Chunk(500))
        {
            var names = await db.Listings.Where(l => chunk.Contains(l.Id))
                .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.Id, p.Name }).ToListAsync(ct);
            foreach (var listing in names)
            {
                await db.Listings.Where(l => l.Id == listing.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(l => l.Title, listing.Name).SetProperty(l => l.LastEditedAtUtc, fixedAt), ct);
            }
        }
        var newlyClaimed = await db.Listings.Where(l => l.State == ListingState.Live && !flagged.Contains(l.Id) && l.Id % 61 == 0).Select(l => l.Id).ToListAsync(ct);
        foreach (var id in newlyClaimed)
        {
            await db.Listings.Where(l => l.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Title, l => l.Title + " 全网第一").SetProperty(l => l.LastEditedAtUtc, fixedAt), ct);
        }
        // This week's run: Monday's, or from Wednesday a manager's run two days ago, so that what it found is due in the
        // coming days (a three-day deadline) and the findings page shows work still to do, beside the paused overdue ones.
        var twoDaysAgo = time.UtcNow.AddDays(-2);
        if (twoDaysAgo >= thisMonday)
        {
            await auditor.RunAsync(ComplianceAuditor.Scheduler, AuditTrigger.OnDemand, twoDaysAgo, ct);
        }
        else
        {
            await auditor.RunAsync(ComplianceAuditor.Scheduler, AuditTrigger.Scheduled, thisMonday, ct);
        }
    }
}
