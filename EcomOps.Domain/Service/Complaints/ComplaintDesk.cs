using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Complaints;

/// <summary>An overdue measure whose owner and the owner's supervisor were just alerted.</summary>
public sealed record OverdueMeasureAlert(int CaseId, int MeasureId, int OwnerId, int? SupervisorId, DateTime DeadlineUtc);

/// <summary>
/// What people do to complaint cases. Each operation is one context and one save, guarded by the case's version;
/// the step itself is decided by <see cref="ComplaintRules"/>.
/// </summary>
public sealed class ComplaintDesk(IDbContextFactory<OpsDb> dbFactory, ServiceSla sla, ComplaintSettings settings, LiveFeed feed, TimeProvider clock)
{
    /// <summary>The entity name of the live alert published once per overdue measure (key: the measure id).</summary>
    public const string OverdueAlertEntity = "ComplaintMeasureOverdue";

    public async Task<Outcome<int>> RecordAsync(Actor actor, ComplaintForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.HandleComplaints))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var now = Now;
        var errors = ComplaintRules.Check(form, now);
        await using var db = await OpenAsync(actor, ct);
        if (form.TicketId is { } ticketId && !await db.Tickets.AnyAsync(t => t.Id == ticketId, ct))
        {
            errors.Add(new FieldError("TicketId", "TicketUnknown"));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var c = new ComplaintCase
        {
            ComplainantName = form.ComplainantName.Trim(),
            Contact = form.Contact.Trim(),
            Channel = form.Channel,
            Matter = form.Matter.Trim(),
            Product = Blank(form.Product),
            OrderReference = Blank(form.OrderReference),
            TicketId = form.TicketId,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        ComplaintRules.Record(c, form.ReceivedAtUtc ?? now, sla.Calendar, settings);
        db.ComplaintCases.Add(c);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Done(c.Id);
    }

    public Task<Outcome<long>> RespondAsync(Actor actor, int caseId, string? note, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, version, ComplaintStep.Respond, ct, (_, c, now) =>
        {
            ComplaintRules.Respond(c, note, now);
            return Task.FromResult(new List<FieldError>());
        });

    public Task<Outcome<long>> InvestigateAsync(Actor actor, int caseId, InvestigationForm form, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, version, ComplaintStep.Investigate, ct, async (db, c, now) =>
        {
            var errors = ComplaintRules.Check(form);
            if (form.ResponsiblePersonId is { } person && !await db.Employees.AnyAsync(e => e.Id == person && e.Active, ct))
            {
                errors.Add(new FieldError("ResponsiblePerson", "EmployeeUnknown"));
            }
            if (errors.Count == 0)
            {
                ComplaintRules.Investigate(c, form, now);
            }
            return errors;
        });

    public Task<Outcome<long>> AddMeasureAsync(Actor actor, int caseId, MeasureForm form, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, version, ComplaintStep.AddMeasure, ct, async (db, c, now) =>
        {
            var errors = ComplaintRules.Check(form, now);
            if (form.OwnerId is { } owner && !await db.Employees.AnyAsync(e => e.Id == owner && e.Active, ct))
            {
                errors.Add(new FieldError("Owner", "EmployeeUnknown"));
            }
            if (errors.Count == 0)
            {
                ComplaintRules.AddMeasure(c, form);
            }
            return errors;
        });

    public Task<Outcome<long>> CompleteMeasureAsync(Actor actor, int caseId, int measureId, string? result, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, version, ComplaintStep.CompleteMeasure, ct, (_, c, now) =>
        {
            var measure = c.Round!.Measures.FirstOrDefault(m => m.Id == measureId);
            // A measure is done when it says what came of it: "done" with nothing to show cannot be followed up.
            List<FieldError> errors = measure is null ? [new FieldError("Measure", "NotInRound")]
                : measure.DoneAtUtc is not null ? [new FieldError("Measure", "MeasureDone")]
                : string.IsNullOrWhiteSpace(result) ? [new FieldError("Result", "MeasureResultRequired")]
                : result.Trim().Length > ComplaintRules.MaxTextLength ? [new FieldError("Result", "TooLong")]
                : !TextRules.IsSafe(result) ? [new FieldError("Result", TextRules.UnsafeCharacters)]
                : [];
            if (errors.Count == 0)
            {
                ComplaintRules.CompleteMeasure(c, measure!, result, now, sla.Calendar, settings);
            }
            return Task.FromResult(errors);
        });

    public Task<Outcome<long>> FollowUpAsync(Actor actor, int caseId, FollowUpVerdict? verdict, string? note, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, version, ComplaintStep.FollowUp, ct, (_, c, now) =>
        {
            if (verdict is not { } v || !Enum.IsDefined(v))
            {
                return Task.FromResult<List<FieldError>>([new FieldError("Verdict", "Required")]);
            }
            ComplaintRules.FollowUp(c, v, note, now);
            return Task.FromResult(new List<FieldError>());
        });

    public Task<Outcome<long>> CloseAsync(Actor actor, int caseId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, version, ComplaintStep.Close, ct, (_, c, now) =>
        {
            ComplaintRules.Close(c, now);
            return Task.FromResult(new List<FieldError>());
        });

    /// <summary>
    /// Flags every overdue measure not flagged before, and alerts its owner and the owner's supervisor once: the flag
    /// is saved with the case, so a second run finds nothing new. Each alert is published on the complaints board.
    /// </summary>
    public async Task<IReadOnlyList<OverdueMeasureAlert>> FlagOverdueMeasuresAsync(CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await OpenAsync(Actor.System, ct);
        var caseIds = await db.Set<ComplaintMeasure>()
            .Where(m => m.DoneAtUtc == null && m.OverdueAlertedAtUtc == null && m.DeadlineUtc < now)
            .Join(db.Set<ComplaintRound>(), m => m.RoundId, r => r.Id, (_, r) => r.CaseId)
            .Distinct().ToListAsync(ct);
        if (caseIds.Count == 0)
        {
            return [];
        }
        var cases = await db.ComplaintCases.Include(c => c.Rounds).ThenInclude(r => r.Measures).ThenInclude(m => m.Owner)
            .Where(c => caseIds.Contains(c.Id) && c.Stage != ComplaintStage.Closed).ToListAsync(ct);
        var alerts = new List<OverdueMeasureAlert>();
        foreach (var c in cases)
        {
            foreach (var m in c.Round!.Measures.Where(m => m.OverdueAlertedAtUtc is null && ComplaintRules.IsOverdue(m, now)))
            {
                m.OverdueAlertedAtUtc = now;
                alerts.Add(new OverdueMeasureAlert(c.Id, m.Id, m.OwnerId, m.Owner?.ManagerId, m.DeadlineUtc));
            }
            c.UpdatedAtUtc = now;
        }
        // The owner and their supervisor hear of it in the notification centre, in the same save as the flag.
        var people = alerts.SelectMany(a => new[] { a.OwnerId, a.SupervisorId ?? 0 }).Distinct().ToList();
        var users = await db.Employees.AsNoTracking().Where(e => people.Contains(e.Id) && e.UserId != null).ToDictionaryAsync(e => e.Id, e => e.UserId!, ct);
        await Notifications.NotificationCentre.AddAsync(db, alerts
            .SelectMany(a => new[] { a.OwnerId, a.SupervisorId ?? 0 }.Where(users.ContainsKey).Select(p => new Notifications.NotificationDraft(users[p],
                Notifications.NotificationKind.ComplaintMeasureOverdue, $"complaint-measure:{a.MeasureId}:overdue", "Notice.ComplaintMeasureOverdue",
                [cases.First(c => c.Id == a.CaseId).Number, Notifications.NotificationDraft.Time(a.DeadlineUtc)], $"/service/complaints/{a.CaseId}"))), now, ct);
        await db.SaveChangesAsync(ct);
        feed.Publish(alerts.Select(a => new LiveChange(Boards.Complaints, OverdueAlertEntity, a.MeasureId.ToString(System.Globalization.CultureInfo.InvariantCulture), LiveChangeKind.Updated, now)).ToList());
        return alerts;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<OpsDb> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }

    /// <summary>The change, run again from its start while the database is busy (<see cref="WriteRetry"/>).</summary>
    private Task<Outcome<long>> ChangeAsync(
        Actor actor, int caseId, long version, ComplaintStep step, CancellationToken ct,
        Func<OpsDb, ComplaintCase, DateTime, Task<List<FieldError>>> change) =>
        WriteRetry.RunAsync(() => ChangeOnceAsync(actor, caseId, version, step, ct, change), ct);

    private async Task<Outcome<long>> ChangeOnceAsync(
        Actor actor, int caseId, long version, ComplaintStep step, CancellationToken ct,
        Func<OpsDb, ComplaintCase, DateTime, Task<List<FieldError>>> change)
    {
        if (!actor.May(Permissions.HandleComplaints))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        var c = await db.ComplaintCases.Include(x => x.Rounds).ThenInclude(r => r.Measures).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return Outcome<long>.NotFound();
        }
        if (c.Version != version)
        {
            return Outcome<long>.Conflict();
        }
        if (ComplaintRules.Refusal(c, step) is { } refused)
        {
            return Outcome<long>.Invalid([new FieldError("Stage", refused)]);
        }
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var now = Now;
        var errors = await change(db, c, now);
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        c.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        return Outcome<long>.Done(c.Version);
    }
}
