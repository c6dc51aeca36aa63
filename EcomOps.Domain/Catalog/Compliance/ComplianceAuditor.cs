using System.Globalization;
using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>What a trigger of the audit got: the period's run, and whether this trigger ran it or found it already run (or running).</summary>
public sealed record AuditRunResult(AuditRun Run, bool RanNow);

/// <summary>What a check of one listing did to its findings.</summary>
public sealed record ListingCheckResult(int Opened, int Closed, int StillOpen);

/// <summary>
/// The periodic compliance audit (定期审核) against the database: runs <see cref="ListingAudit"/> over every live or
/// paused listing once per ISO week of the company zone, keeps one open <see cref="ListingFinding"/> per problem (by
/// <see cref="ComplianceFinding.Key"/>: still reported stays as it is, no longer reported is closed, new is opened),
/// pauses a live listing whose finding is past its deadline when the finding's rule says so (through
/// <see cref="ListingDesk.PauseAsync"/>, as a manager's pause), and checks one listing on demand ("check again").
/// Listings are read in batches without tracking and each batch's findings are written in one short transaction.
/// Running the audit and editing its settings take <see cref="Permissions.ApproveListings"/>; checking a listing again
/// takes <see cref="Permissions.EditListings"/>.
/// </summary>
public sealed class ComplianceAuditor(IDbContextFactory<OpsDb> dbFactory, ChangeCapture capture, ListingDesk desk, CompanyTime time, Notifications.NotificationCentre centre)
{
    public const int BatchSize = 1_000;

    /// <summary>A run not finished after this long was cut off (a restart): the next trigger in its period runs it again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Who the audit trail names for the audit's own pauses.</summary>
    public static readonly Actor AuditActor = new(null, "compliance audit");

    /// <summary>Who starts the weekly run.</summary>
    public static readonly Actor Scheduler = new(null, "weekly audit");

    private static readonly JsonSerializerOptions Json = new();

    /// <summary>The audit period a moment belongs to: its ISO week in the company zone, e.g. <c>2026-W48</c>.</summary>
    public string PeriodOf(DateTime utc)
    {
        var local = time.ToLocal(utc);
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
    }

    public async Task<AuditSettingsSnapshot> SettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Set<AuditSettingsRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == AuditSettingsRecord.SingletonId, ct);
        return record is null
            ? new AuditSettingsSnapshot(AuditSettings.Default(), 0, null, null)
            : new AuditSettingsSnapshot(AuditSettings.Read(record.Document), record.Version, record.UpdatedAtUtc, record.UpdatedByName);
    }

    /// <summary>Saves the settings edited from <paramref name="version"/> (0: the defaults, never saved). Returns the new version.</summary>
    public Task<Outcome<long>> SaveSettingsAsync(Actor actor, AuditSettings settings, long version, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ApproveListings))
            {
                return Outcome<long>.Invalid([Actor.NotPermitted]);
            }
            var errors = settings.Check();
            if (errors.Count > 0)
            {
                return Outcome<long>.Invalid(errors);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var record = await db.Set<AuditSettingsRecord>().FirstOrDefaultAsync(r => r.Id == AuditSettingsRecord.SingletonId, ct);
            if ((record?.Version ?? 0) != version)
            {
                return Outcome<long>.Conflict();
            }
            if (record is null)
            {
                record = new AuditSettingsRecord { Document = settings.Write(), Version = 1 };
                db.Add(record);
            }
            else
            {
                db.Entry(record).Property(r => r.Version).OriginalValue = version;
                record.Document = settings.Write();
            }
            record.UpdatedAtUtc = time.UtcNow;
            record.UpdatedByName = await NameOfAsync(db, actor, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!WriteRetry.IsBusy(e))
            {
                // Stale, or a first save racing another first save on the same key: either way the other won.
                return Outcome<long>.Conflict();
            }
            return Outcome<long>.Done(record.Version);
        }, ct);

    /// <summary>
    /// Runs the audit of the current period, once: a second trigger in the same period gets the period's run back
    /// (finished, or under way) without checking anything again.
    /// </summary>
    public Task<Outcome<AuditRunResult>> RunAsync(Actor actor, AuditTrigger trigger, CancellationToken ct = default) =>
        RunAsync(actor, trigger, time.UtcNow, ct);

    /// <summary>The run of the period of <paramref name="now"/>, as if it were then (the demo data's past runs).</summary>
    internal async Task<Outcome<AuditRunResult>> RunAsync(Actor actor, AuditTrigger trigger, DateTime now, CancellationToken ct)
    {
        if (!actor.May(Permissions.ApproveListings))
        {
            return Outcome<AuditRunResult>.Invalid([Actor.NotPermitted]);
        }
        var wall = time.UtcNow;
        var claimed = await ClaimAsync(actor, trigger, PeriodOf(now), now, ct);
        if (!claimed.RanNow)
        {
            return Outcome<AuditRunResult>.Done(claimed);
        }
        var run = claimed.Run;
        var work = await LoadWorkAsync(ct);
        var tallies = new Dictionary<(int Channel, int Owner), AuditTally>();
        var lastId = 0;
        while (true)
        {
            List<Listing> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                batch = await db.Listings.AsNoTracking().Include(l => l.Prices)
                    .Where(l => l.Id > lastId && (l.State == ListingState.Live || l.State == ListingState.Paused))
                    .OrderBy(l => l.Id).Take(BatchSize).ToListAsync(ct);
            }
            if (batch.Count == 0)
            {
                break;
            }
            lastId = batch[^1].Id;
            var plan = await PlanAsync(work, batch, now, ct);
            var (opened, closed) = await WriteAsync(plan, now, run.Id, null, ct);
            run.ListingsChecked += batch.Count;
            run.ListingsPassed += plan.Passed.Count;
            run.FindingsOpened += opened;
            run.FindingsClosed += closed;
            foreach (var listing in batch)
            {
                var owner = work.OwnerOf(listing);
                var key = (listing.ChannelId, owner?.Id ?? 0);
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tallies[key] = tally = new AuditTally { RunId = run.Id, ChannelId = listing.ChannelId, OwnerEmployeeId = owner?.Id ?? 0 };
                }
                tally.Checked++;
                tally.Passed += plan.Passed.Contains(listing.Id) ? 1 : 0;
            }
        }
        run.FindingsClosed += await CloseUncheckedAsync(now, run.Id, ct);
        run.ListingsPaused = await PauseOverdueAsync(now, ct);
        await FinishAsync(run, tallies.Values, now + (time.UtcNow - wall), ct);
        await NotifyOwnersAsync(run.Id, ct);
        return Outcome<AuditRunResult>.Done(new AuditRunResult(run, true));
    }

    /// <summary>
    /// Checks one live or paused listing now and opens or closes its findings as a run would: the next check after a
    /// fix, for the person who fixed it.
    /// </summary>
    public async Task<Outcome<ListingCheckResult>> CheckListingAsync(Actor actor, int listingId, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.EditListings))
        {
            return Outcome<ListingCheckResult>.Invalid([Actor.NotPermitted]);
        }
        Listing? listing;
        string closer;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            listing = await db.Listings.AsNoTracking().Include(l => l.Prices).FirstOrDefaultAsync(l => l.Id == listingId, ct);
            closer = await NameOfAsync(db, actor, ct);
        }
        if (listing is null)
        {
            return Outcome<ListingCheckResult>.NotFound();
        }
        if (listing.State is not (ListingState.Live or ListingState.Paused))
        {
            return Outcome<ListingCheckResult>.Invalid([new FieldError(ListingErrors.StateField, ListingErrors.StateRefused)]);
        }
        var now = time.UtcNow;
        var work = await LoadWorkAsync(ct);
        var plan = await PlanAsync(work, [listing], now, ct);
        var (opened, closed) = await WriteAsync(plan, now, null, closer, ct);
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var open = await read.Set<ListingFinding>().CountAsync(f => f.ListingId == listingId && f.ClosedAtUtc == null, ct);
        return Outcome<ListingCheckResult>.Done(new ListingCheckResult(opened, closed, open));
    }

    /// <summary>
    /// Pauses every live listing with an open finding past its deadline whose rule pauses (as the settings say now), the
    /// way a manager pauses one; returns how many were paused. The audit runs it, and an hourly job between audits.
    /// </summary>
    public Task<int> PauseOverdueAsync(CancellationToken ct = default) => PauseOverdueAsync(time.UtcNow, ct);

    private async Task<int> PauseOverdueAsync(DateTime now, CancellationToken ct)
    {
        var settings = (await SettingsAsync(ct)).Settings;
        var pausing = settings.Rules.Where(r => r.Enabled && r.PausesListingWhenOverdue).Select(r => r.Kind).ToList();
        List<(int Id, long Version)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = (await db.Listings.AsNoTracking()
                .Where(l => l.State == ListingState.Live && db.Set<ListingFinding>().Any(f =>
                    f.ListingId == l.Id && f.ClosedAtUtc == null && f.DueAtUtc < now && pausing.Contains(f.Rule)))
                .Select(l => new { l.Id, l.Version }).ToListAsync(ct)).Select(l => (l.Id, l.Version)).ToList();
        }
        var paused = 0;
        foreach (var (id, version) in due)
        {
            var outcome = await WriteRetry.RunAsync(() => desk.PauseAsync(AuditActor, id, version, ct), ct);
            if (!outcome.Succeeded)
            {
                continue;
            }
            paused++;
            await WriteRetry.RunOrThrowAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await db.Set<ListingFinding>()
                    .Where(f => f.ListingId == id && f.ClosedAtUtc == null && f.DueAtUtc < now && pausing.Contains(f.Rule) && f.PausedListingAtUtc == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.PausedListingAtUtc, now), ct);
            }, ct);
        }
        return paused;
    }

    /// <summary>The period's run to do now (RanNow), or the period's run that was already done or is under way.</summary>
    private Task<AuditRunResult> ClaimAsync(Actor actor, AuditTrigger trigger, string period, DateTime now, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var name = await NameOfAsync(db, actor, ct);
            var run = await db.Set<AuditRun>().FirstOrDefaultAsync(r => r.PeriodKey == period, ct);
            if (run is not null && (run.Finished || now - run.StartedAtUtc < StaleAfter))
            {
                return new AuditRunResult(run, false);
            }
            if (run is null)
            {
                run = new AuditRun { PeriodKey = period, ByName = name };
                db.Add(run);
            }
            // A run cut off by a restart starts again from nothing: reconciling by key makes a second pass harmless.
            (run.Trigger, run.ByUserId, run.ByName, run.StartedAtUtc) = (trigger, actor.UserId, name, now);
            (run.ListingsChecked, run.ListingsPassed, run.FindingsOpened, run.FindingsClosed, run.FindingsStillOpen, run.ListingsPaused) = (0, 0, 0, 0, 0, 0);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!WriteRetry.IsBusy(e))
            {
                // Another trigger claimed the period first.
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                return new AuditRunResult(await again.Set<AuditRun>().AsNoTracking().FirstAsync(r => r.PeriodKey == period, ct), false);
            }
            await db.Set<AuditTally>().Where(t => t.RunId == run.Id).ExecuteDeleteAsync(ct);
            return new AuditRunResult(run, true);
        }, ct);

    private sealed record Owner(int Id, string Name);

    /// <summary>What every batch needs, read once: the rules, the deadlines, the reference data and who may own findings.</summary>
    private sealed record Work(AuditConfig Config, AuditSettings Settings, ListingFactsReader.AuditReference Reference,
        Dictionary<int, Owner> Owners, Owner? Fallback)
    {
        /// <summary>The listing's last editor while an active operations employee, else the operations manager.</summary>
        public Owner? OwnerOf(Listing listing) =>
            listing.LastEditorEmployeeId is { } id && Owners.TryGetValue(id, out var editor) ? editor : Fallback;
    }

    private async Task<Work> LoadWorkAsync(CancellationToken ct)
    {
        var settings = (await SettingsAsync(ct)).Settings;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reference = await ListingFactsReader.AuditReferenceAsync(db, ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == Team.Operations)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.FullName, e.Role }).ToListAsync(ct);
        var fallback = people.FirstOrDefault(p => p.Role == Roles.OperationsManager) ?? people.FirstOrDefault(p => p.Role == Roles.OperationsDirector);
        return new Work(settings.ToConfig(), settings, reference, people.ToDictionary(p => p.Id, p => new Owner(p.Id, p.FullName)),
            fallback is null ? null : new Owner(fallback.Id, fallback.FullName));
    }

    private sealed record Plan(List<ListingFinding> Open, List<long> Close, HashSet<int> Passed);

    /// <summary>Checks a batch and compares with its open findings: what to open, what to close, which listings passed.</summary>
    private async Task<Plan> PlanAsync(Work work, IReadOnlyList<Listing> batch, DateTime now, CancellationToken ct)
    {
        Dictionary<Listing, ListingFacts> facts;
        ILookup<int, (long Id, string Key)> open;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            facts = await ListingFactsReader.AuditFactsAsync(db, work.Reference, batch, ct);
            var ids = batch.Select(l => l.Id).ToList();
            open = (await db.Set<ListingFinding>().AsNoTracking().Where(f => f.ClosedAtUtc == null && ids.Contains(f.ListingId))
                .Select(f => new { f.Id, f.ListingId, f.Key }).ToListAsync(ct)).ToLookup(f => f.ListingId, f => (f.Id, f.Key));
        }
        var plan = new Plan([], [], []);
        foreach (var listing in batch)
        {
            // The same term twice in one field is one problem: one finding, highlighted where it first stands.
            var found = ListingAudit.Check(facts[listing], work.Config).DistinctBy(f => f.Key).ToList();
            var stored = open[listing.Id].ToList();
            var storedKeys = stored.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var foundKeys = found.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            if (found.Count == 0)
            {
                plan.Passed.Add(listing.Id);
            }
            plan.Close.AddRange(stored.Where(s => !foundKeys.Contains(s.Key)).Select(s => s.Id));
            var owner = work.OwnerOf(listing);
            plan.Open.AddRange(found.Where(f => !storedKeys.Contains(f.Key)).Select(f => Stored(f, listing, facts[listing], owner, work.Settings, now)));
        }
        return plan;
    }

    private static ListingFinding Stored(ComplianceFinding finding, Listing listing, ListingFacts facts, Owner? owner, AuditSettings settings, DateTime now)
    {
        var text = finding.Text is { } hit ? HighlightedText(finding, facts, hit) : null;
        return new ListingFinding
        {
            ListingId = listing.Id,
            ChannelId = listing.ChannelId,
            Rule = finding.Rule,
            Field = finding.Field,
            Item = finding.Item,
            Key = finding.Key.Length > ListingFinding.MaxKeyLength ? finding.Key[..ListingFinding.MaxKeyLength] : finding.Key,
            MessageKey = finding.MessageKey,
            Arguments = JsonSerializer.Serialize(finding.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray(), Json),
            Severity = finding.Severity,
            HighlightStart = finding.Text?.Start,
            HighlightLength = finding.Text?.Length,
            HighlightTerm = finding.Text?.Term,
            HighlightText = text,
            OwnerEmployeeId = owner?.Id,
            OwnerName = owner?.Name,
            OpenedAtUtc = now,
            DueAtUtc = now.AddDays(settings.Rule(finding.Rule).DeadlineDays),
        };
    }

    /// <summary>The offending text as it stands in the field the finding names.</summary>
    private static string HighlightedText(ComplianceFinding finding, ListingFacts facts, BannedTermHit hit)
    {
        var text = finding.Field switch
        {
            FindingFields.Title => facts.Title,
            FindingFields.Description => facts.Description,
            FindingFields.SellingPoints when int.TryParse(finding.Item, CultureInfo.InvariantCulture, out var i) && i < facts.SellingPoints.Count => facts.SellingPoints[i],
            _ => "",
        };
        return hit.Start + hit.Length <= text.Length ? text.Substring(hit.Start, hit.Length) : hit.Term;
    }

    /// <summary>Writes one batch's findings in one short transaction: the new ones inserted at once, the fixed ones closed.</summary>
    /// <summary>
    /// Writes a plan and returns how many findings it opened and closed. The plan was made outside the transaction, so
    /// another check of the same listing (a specialist's "check again" during the weekly run) may have written the
    /// same change first: a finding already open is not opened twice, one already closed keeps who closed it.
    /// </summary>
    private async Task<(int Opened, int Closed)> WriteAsync(Plan plan, DateTime now, int? runId, string? closer, CancellationToken ct)
    {
        if (plan.Open.Count == 0 && plan.Close.Count == 0)
        {
            return (0, 0);
        }
        return await WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var closed = plan.Close.Count == 0 ? 0 : await db.Set<ListingFinding>().Where(f => plan.Close.Contains(f.Id) && f.ClosedAtUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.ClosedAtUtc, now).SetProperty(f => f.ClosedByRunId, runId).SetProperty(f => f.ClosedByName, closer), ct);
            var listings = plan.Open.Select(f => f.ListingId).Distinct().ToList();
            var alreadyOpen = (await db.Set<ListingFinding>().Where(f => f.ClosedAtUtc == null && listings.Contains(f.ListingId))
                .Select(f => new { f.ListingId, f.Key }).ToListAsync(ct)).Select(f => (f.ListingId, f.Key)).ToHashSet();
            var open = plan.Open.Where(f => !alreadyOpen.Contains((f.ListingId, f.Key))).ToList();
            foreach (var row in open)
            {
                (row.Id, row.OpenedByRunId) = (0, runId);
            }
            capture.Insert(db, open);
            await transaction.CommitAsync(ct);
            return (open.Count, closed);
        }, ct);
    }

    /// <summary>
    /// Tells each owner of findings the run opened, once per run, in the notification centre: how many, and a link to
    /// their findings (one notice a run, not one per finding, so a first audit of a large store does not bury them).
    /// </summary>
    private async Task NotifyOwnersAsync(int runId, CancellationToken ct)
    {
        List<Notifications.NotificationDraft> drafts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var opened = await db.Set<ListingFinding>().AsNoTracking().Where(f => f.OpenedByRunId == runId && f.OwnerEmployeeId != null)
                .GroupBy(f => f.OwnerEmployeeId).Select(g => new { Owner = g.Key, Count = g.Count() }).ToListAsync(ct);
            var owners = opened.Select(o => o.Owner).ToList();
            var users = await db.Employees.AsNoTracking().Where(e => owners.Contains(e.Id) && e.UserId != null).ToDictionaryAsync(e => e.Id, e => e.UserId!, ct);
            drafts = [.. opened.Where(o => users.ContainsKey(o.Owner!.Value)).Select(o => new Notifications.NotificationDraft(users[o.Owner!.Value],
                Notifications.NotificationKind.AuditFinding, $"audit-run:{runId}:findings", "Notice.AuditFindings",
                [o.Count.ToString(CultureInfo.InvariantCulture)], "/catalog/findings"))];
        }
        await centre.SendAsync(drafts, ct);
    }

    /// <summary>Findings of listings the audit no longer checks (retired) close with the run: their problem left the store with them.</summary>
    private Task<int> CloseUncheckedAsync(DateTime now, int runId, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Set<ListingFinding>()
                .Where(f => f.ClosedAtUtc == null && db.Listings.Any(l => l.Id == f.ListingId && l.State != ListingState.Live && l.State != ListingState.Paused))
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.ClosedAtUtc, now).SetProperty(f => f.ClosedByRunId, runId), ct);
        }, ct);

    private Task FinishAsync(AuditRun run, IEnumerable<AuditTally> tallies, DateTime finished, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            run.FindingsStillOpen = await db.Set<ListingFinding>().CountAsync(f => f.ClosedAtUtc == null, ct);
            run.FinishedAtUtc = finished;
            db.Update(run);
            db.AddRange(tallies);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, ct);

    private static async Task<string> NameOfAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        (actor.UserId is null ? null : await db.Employees.Where(e => e.UserId == actor.UserId).Select(e => e.FullName).FirstOrDefaultAsync(ct))
        ?? actor.Name;
}
