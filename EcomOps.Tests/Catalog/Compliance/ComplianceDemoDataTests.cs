using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.DemoData;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog.Compliance;

public sealed class ComplianceDemoDataTests
{
    [Fact]
    public async Task The_demo_has_two_past_audits_open_findings_with_chinese_banned_terms_and_listings_the_audit_paused()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);

        await using var db = harness.NewDb();
        var runs = await db.Set<AuditRun>().AsNoTracking().OrderBy(r => r.StartedAtUtc).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.True(r.Finished && r.ListingsChecked > 0 && r.StartedAtUtc < harness.Clock.GetUtcNow().UtcDateTime));
        Assert.True(runs[1].FindingsClosed > 0, "the second run closes what was fixed");
        Assert.True(runs[1].ListingsPaused > 0, "the second run pauses listings with overdue banned words");
        var open = await db.Set<ListingFinding>().AsNoTracking().Where(f => f.ClosedAtUtc == null && f.Rule == ListingRuleKind.BannedWords).ToListAsync();
        Assert.Contains(open, f => f.HighlightText is { } text && text.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'));
        // Overdue ones (what paused listings) and ones still due in the coming days.
        var now = harness.Clock.GetUtcNow().UtcDateTime;
        Assert.Contains(open, f => f.DueAtUtc < now);
        Assert.Contains(open, f => f.DueAtUtc > now);
        Assert.All(open, f => Assert.NotNull(f.OwnerEmployeeId));
        // What the runs wrote is what the rules say now: checking again changes nothing.
        var paused = await db.Listings.AsNoTracking().Where(l => l.State == ListingState.Paused && db.Set<ListingFinding>().Any(f => f.ListingId == l.Id && f.PausedListingAtUtc != null))
            .Select(l => l.Id).FirstAsync();
        var check = await harness.Get<ComplianceAuditor>().CheckListingAsync(ComplianceAuditor.AuditActor, paused);
        Assert.Equal((0, 0), (check.Value!.Opened, check.Value.Closed));
    }
}
