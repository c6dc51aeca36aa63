using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Design;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>
/// The board as a few weeks of use leave it, all from the demo's own traffic, stock and complaints: today's scan (new
/// cards), one low-conversion finding turned into a design request by the operations manager (in progress), one whose
/// detail page was delivered three days ago (measuring), and the findings a scan seven weeks ago would have made, whose
/// detail pages were delivered and whose effect was measured on the traffic since (closed, with outcomes), plus one that
/// resolved by itself. After everything it reads: orders, traffic by listing, stock, complaints, segments, forecast.
/// </summary>
public sealed class OptimisationDemoData(OptimisationScan scan, OptimisationDesk desk, CompanyTime time) : IDemoDataArea
{
    public int Order => 98;

    public string Name => "optimisation board";

    /// <summary>How far back the earlier scan ran.</summary>
    private const int HistoryDays = 50;

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var manager = await db.Employees.AsNoTracking().Where(e => e.Role == Roles.OperationsManager && e.Active).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        var actor = manager is null ? Actor.System : Actor.Person(manager.UserId, manager.FullName, Roles.OperationsManager);
        var t = await OptimisationScan.ThresholdsAsync(db, ct);
        var today = time.Today;

        await SeedHistoryAsync(db, actor, t, today, ct);
        await scan.RunAsync(ct);

        var fresh = await db.Set<OptimisationFinding>().AsNoTracking().Where(f => f.State == FindingState.New).OrderBy(f => f.Id).ToListAsync(ct);
        var lowConversion = fresh.Where(f => f.Rule == OptimisationRule.LowConversion).ToList();
        // The first two stay new; the third is being worked; the fourth's page was delivered and its effect is awaited.
        if (lowConversion.Count > 2)
        {
            await desk.ActAsync(actor, lowConversion[2].Id, lowConversion[2].Version, ct);
        }
        if (lowConversion.Count > 3)
        {
            var measuring = lowConversion[3];
            if ((await desk.ActAsync(actor, measuring.Id, measuring.Version, ct)).Succeeded)
            {
                db.ChangeTracker.Clear();
                var finding = await db.Set<OptimisationFinding>().FirstAsync(f => f.Id == measuring.Id, ct);
                var request = await db.Set<DesignRequest>().FirstAsync(r => r.Id == finding.WorkId, ct);
                Deliver(request, today.AddDays(-3), manager);
                OptimisationScan.StartMeasuring(finding, today.AddDays(-3), t);
                // The generator's context does not detect changes by itself.
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
            }
        }
        // A task on the card, done yesterday: its effect is measured in two weeks.
        if (fresh.FirstOrDefault(f => f.Rule is OptimisationRule.NoStock or OptimisationRule.ComplaintRise) is { } task
            && (await desk.ActAsync(actor, task.Id, task.Version, ct)).Succeeded)
        {
            db.ChangeTracker.Clear();
            var finding = await db.Set<OptimisationFinding>().FirstAsync(f => f.Id == task.Id, ct);
            OptimisationScan.StartMeasuring(finding, today.AddDays(-1), t);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The findings of a scan <see cref="HistoryDays"/> days ago: acted on within the week, delivered, measured on the traffic since.</summary>
    private async Task SeedHistoryAsync(OpsDb db, Actor actor, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var then = today.AddDays(-HistoryDays);
        var candidates = (await scan.CandidatesAsync(db, t, then, ct)).Where(c => c.Rule == OptimisationRule.LowConversion).Take(4).ToList();
        var requester = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == actor.UserId && actor.UserId != null, ct);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var finding = new OptimisationFinding
            {
                Rule = c.Rule, SubjectKey = c.SubjectKey, SubjectName = c.SubjectName, ListingId = c.ListingId, State = FindingState.Closed,
                FoundOn = then, LastSeenOn = then, WindowFrom = c.WindowFrom, WindowTo = c.WindowTo,
                Value = c.Evidence.Value, Reference = c.Evidence.Reference, Volume = c.Evidence.Volume,
                Series = OptimisationScan.Join(c.Series), ReferenceSeries = OptimisationScan.Join(c.ReferenceSeries),
            };
            if (i == candidates.Count - 1 && candidates.Count > 1)
            {
                // Nobody acted on the last one before its conversion recovered.
                finding.Outcome = FindingOutcome.ResolvedByItself;
                finding.ClosedAtUtc = time.ToUtc(then.AddDays(3).ToDateTime(new TimeOnly(3, 0)));
                db.Add(finding);
                continue;
            }
            var listing = await db.Listings.AsNoTracking().FirstAsync(l => l.Id == c.ListingId, ct);
            var acted = then.AddDays(1 + i);
            var delivered = acted.AddDays(6);
            var request = new DesignRequest
            {
                Kind = DesignKind.DetailPage, State = DesignState.Delivered, Priority = DesignPriority.High, Title = listing.Title.Length > DesignRequest.MaxTitleLength ? listing.Title[..DesignRequest.MaxTitleLength] : listing.Title,
                Brief = "Optimisation finding: conversion well below its category. Rework the detail page.\n优化发现：转化率明显低于同类目，请优化详情页。",
                DueDate = acted.AddDays(OptimisationDesk.WorkDays), ListingId = listing.Id, ChannelId = listing.ChannelId,
                RequesterEmployeeId = requester?.Id, RequesterUserId = actor.UserId, RequesterName = actor.Name,
                CreatedAtUtc = time.ToUtc(acted.ToDateTime(new TimeOnly(10, 0))), StateChangedAtUtc = time.ToUtc(delivered.ToDateTime(new TimeOnly(16, 0))),
            };
            Deliver(request, delivered, requester);
            db.Add(request);
            await db.SaveChangesAsync(ct);
            (finding.Work, finding.WorkId, finding.OwnerUserId, finding.OwnerName) = (FindingWork.DesignRequest, request.Id, actor.UserId, actor.Name);
            finding.ActedAtUtc = request.CreatedAtUtc;
            finding.DueOn = request.DueDate;
            OptimisationScan.StartMeasuring(finding, delivered, t);
            await scan.MeasureAsync(db, finding, t, ct);
            finding.State = FindingState.Closed;
            finding.ClosedAtUtc = time.ToUtc(finding.MeasureOn!.Value.ToDateTime(new TimeOnly(3, 0)));
            db.Add(finding);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Deliver(DesignRequest request, DateOnly on, Employee? by)
    {
        request.State = DesignState.Delivered;
        request.DeliveredOn = on;
        request.DeliveredAtUtc = time.ToUtc(on.ToDateTime(new TimeOnly(16, 0)));
        request.StateChangedAtUtc = request.DeliveredAtUtc.Value;
        request.DeliveredByName = by?.FullName ?? "system";
        request.CooperationScore = 4;
    }
}
