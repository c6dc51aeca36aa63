using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Referrals;

/// <summary>A referral as its lists show it, with the ticket it belongs to.</summary>
public sealed record ReferralRow(int Id, int TicketId, string TicketSubject, Team Department, int? ToEmployeeId, string? ToName,
    string Question, DateTime DueUtc, ReferralState State, string ReferredByName, DateTime CreatedAtUtc, string? Answer, string? AnsweredByName,
    DateTime? AnsweredAtUtc, DateTime? EscalatedAtUtc, long Version)
{
    public string Number => TicketReferral.NumberOf(Id);

    public string TicketNumber => Ticket.NumberOf(TicketId);

    public bool IsOverdue(DateTime now) => State == ReferralState.Open && DueUtc <= now;

    /// <summary>Its countdown turns amber for the last quarter of the time it was given.</summary>
    public DateTime WarnAtUtc => DueUtc - (DueUtc - CreatedAtUtc) / 4;
}

/// <summary>What waits for a person: open referrals they may answer, and how many of those are overdue.</summary>
public sealed record ReferralCounts(int Open, int Overdue);

/// <summary>
/// Referrals (rulebook §4.1.2): an agent passes a customer's question to a department or a named colleague with a time
/// to answer by; the answer comes back into the ticket as an internal note the agent sends on; an overdue referral
/// escalates to the department's heads once (the overdue sweep, a Hangfire job). Every check is here; pages call it.
/// </summary>
public sealed class ReferralDesk(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Outcome<int>> ReferAsync(Actor actor, int ticketId, ReferralForm form, CancellationToken ct = default) =>
        WriteRetry.RunAsync(() => ReferOnceAsync(actor, ticketId, form, ct), ct);

    private async Task<Outcome<int>> ReferOnceAsync(Actor actor, int ticketId, ReferralForm form, CancellationToken ct)
    {
        if (!actor.May(Permissions.WorkTickets))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null)
        {
            return Outcome<int>.NotFound();
        }
        if (ticket.MergedIntoId is not null || ticket.Status == TicketStatus.Closed)
        {
            return Outcome<int>.Invalid([new FieldError("Ticket", ReferralRules.TicketClosed)]);
        }
        var me = await MeAsync(db, actor, ct);
        var colleague = form.ToEmployeeId is { } toId ? await db.Employees.FirstOrDefaultAsync(e => e.Id == toId, ct) : null;
        var now = Now;
        if (ReferralRules.Check(form, colleague, me?.Id, now) is { Count: > 0 } errors)
        {
            return Outcome<int>.Invalid(errors);
        }
        var referral = new TicketReferral
        {
            TicketId = ticket.Id, Department = form.Department, ToEmployeeId = colleague?.Id, Question = form.Question!.Trim(), DueUtc = form.DueUtc!.Value,
            State = ReferralState.Open, ReferredById = me?.Id, ReferredByName = me?.FullName ?? actor.Name, CreatedAtUtc = now,
        };
        db.Add(referral);
        await db.SaveChangesAsync(ct);
        // The colleague named hears of it; a referral to the department reaches its heads (the list shows it to everyone in it).
        var recipients = colleague is not null ? [colleague] : await HeadsAsync(db, form.Department, ct);
        await NotificationCentre.AddAsync(db, recipients.Where(e => e.UserId is not null && e.Id != me?.Id).Select(e => new NotificationDraft(e.UserId!,
            NotificationKind.Referral, $"referral:{referral.Id}:new", "Notice.Referral", [referral.Number, ticket.Number, NotificationDraft.Time(referral.DueUtc)],
            "/service/referrals")), now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Done(referral.Id);
    }

    /// <summary>The department's answer: stored on the referral and added to the ticket as an internal note for the agent to send on.</summary>
    public Task<Outcome<long>> AnswerAsync(Actor actor, int referralId, long version, string? answer, CancellationToken ct = default) =>
        WriteRetry.RunAsync(() => AnswerOnceAsync(actor, referralId, version, answer, ct), ct);

    private async Task<Outcome<long>> AnswerOnceAsync(Actor actor, int referralId, long version, string? answer, CancellationToken ct)
    {
        await using var db = await OpenAsync(actor, ct);
        var referral = await db.Set<TicketReferral>().FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return Outcome<long>.NotFound();
        }
        var me = await MeAsync(db, actor, ct);
        if (!ReferralRules.MayAnswer(referral, me))
        {
            return Outcome<long>.Invalid([new FieldError("Answer", ReferralRules.NotForYou)]);
        }
        if (referral.Version != version)
        {
            return Outcome<long>.Conflict();
        }
        if (referral.State != ReferralState.Open)
        {
            return Outcome<long>.Invalid([new FieldError("Answer", ReferralRules.NotOpen)]);
        }
        var text = answer?.Trim() ?? "";
        if (text.Length == 0 || text.Length > ReferralRules.MaxTextLength)
        {
            return Outcome<long>.Invalid([new FieldError("Answer", text.Length == 0 ? ReferralRules.AnswerMissing : ReferralRules.QuestionTooLong)]);
        }
        var now = Now;
        referral.State = ReferralState.Answered;
        (referral.Answer, referral.AnsweredByName, referral.AnsweredAtUtc) = (text, me!.FullName, now);
        db.Entry(referral).Property(r => r.Version).OriginalValue = version;
        var ticket = await db.Tickets.FirstAsync(t => t.Id == referral.TicketId, ct);
        db.Add(new TicketEntry
        {
            TicketId = ticket.Id, Kind = ThreadEntryKind.InternalNote, Body = $"{referral.Number} · {text}", AuthorName = me.FullName, AuthorEmployeeId = me.Id, AtUtc = now,
        });
        ticket.UpdatedAtUtc = now;
        var referrer = referral.ReferredById is { } by ? await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == by, ct) : null;
        if (referrer?.UserId is { } user && referrer.Id != me.Id)
        {
            await NotificationCentre.AddAsync(db, [new NotificationDraft(user, NotificationKind.ReferralAnswered, $"referral:{referral.Id}:answered",
                "Notice.ReferralAnswered", [referral.Number, ticket.Number, me.FullName], $"/service/tickets/{ticket.Id}")], now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        return Outcome<long>.Done(referral.Version);
    }

    /// <summary>The agent who referred it (or a CS supervisor) withdraws an open referral: the customer was answered another way.</summary>
    public async Task<Outcome<long>> WithdrawAsync(Actor actor, int referralId, long version, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(actor, ct);
        var referral = await db.Set<TicketReferral>().FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return Outcome<long>.NotFound();
        }
        var me = await MeAsync(db, actor, ct);
        if (!actor.May(Permissions.WorkTickets) || (me?.Id != referral.ReferredById && !actor.May(Permissions.SuperviseService)))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        if (referral.State != ReferralState.Open)
        {
            return Outcome<long>.Invalid([new FieldError("Referral", ReferralRules.NotOpen)]);
        }
        referral.State = ReferralState.Withdrawn;
        db.Entry(referral).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        return Outcome<long>.Done(referral.Version);
    }

    /// <summary>
    /// Escalates every open referral past its time that was not escalated before: the department's heads and the agent who
    /// referred it hear of it once (the flag is saved with the notifications, so a second run finds nothing).
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Actor.System, ct);
        var now = Now;
        var overdue = await db.Set<TicketReferral>().Where(r => r.State == ReferralState.Open && r.DueUtc <= now && r.EscalatedAtUtc == null).ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }
        var ticketIds = overdue.Select(r => r.TicketId).Distinct().ToList();
        var numbers = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number, ct);
        var drafts = new List<NotificationDraft>();
        foreach (var referral in overdue.Where(r => ReferralRules.NeedsEscalation(r, now)))
        {
            referral.EscalatedAtUtc = now;
            var people = (await HeadsAsync(db, referral.Department, ct)).Select(e => e.UserId).ToList();
            if (referral.ReferredById is { } by && await db.Employees.AsNoTracking().Where(e => e.Id == by).Select(e => e.UserId).FirstOrDefaultAsync(ct) is { } referrer)
            {
                people.Add(referrer);
            }
            drafts.AddRange(people.OfType<string>().Distinct().Select(user => new NotificationDraft(user, NotificationKind.ReferralOverdue, $"referral:{referral.Id}:overdue",
                "Notice.ReferralOverdue", [referral.Number, numbers.GetValueOrDefault(referral.TicketId) ?? "", NotificationDraft.Time(referral.DueUtc)], "/service/referrals")));
        }
        await NotificationCentre.AddAsync(db, drafts, now, ct);
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    /// <summary>A ticket's referrals, newest first.</summary>
    public async Task<IReadOnlyList<ReferralRow>> ForTicketAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Rows(db, db.Set<TicketReferral>().Where(r => r.TicketId == ticketId)).ToListAsync(ct)).OrderByDescending(r => r.Id).ToList();
    }

    /// <summary>
    /// The referrals for the actor's department (and those naming them): open ones by deadline, then the answered and
    /// withdrawn of the last <paramref name="recentDays"/> days. The operations director and the admin see every department's.
    /// </summary>
    public async Task<IReadOnlyList<ReferralRow>> ForDepartmentAsync(Actor actor, int recentDays = 7, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await MeAsync(db, actor, ct);
        var all = actor.Roles is null || actor.May(Permissions.ReadAuditTrail);
        if (me is null && !all)
        {
            return [];
        }
        var since = Now.AddDays(-recentDays);
        var query = db.Set<TicketReferral>().Where(r => r.State == ReferralState.Open || r.CreatedAtUtc >= since);
        if (!all)
        {
            var (team, id) = (me!.Team, me.Id);
            query = query.Where(r => r.Department == team || r.ToEmployeeId == id);
        }
        return (await Rows(db, query).ToListAsync(ct))
            .OrderBy(r => r.State == ReferralState.Open ? 0 : 1).ThenBy(r => r.State == ReferralState.Open ? r.DueUtc : DateTime.MaxValue)
            .ThenByDescending(r => r.AnsweredAtUtc ?? r.CreatedAtUtc).ToList();
    }

    /// <summary>What waits for a person on their home page: the open referrals they may answer.</summary>
    public async Task<ReferralCounts> CountsForAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = userId is null ? null : await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId, ct);
        if (me is not { Active: true })
        {
            return new ReferralCounts(0, 0);
        }
        var head = ReferralRules.IsHeadRole(me.Role, me.Team);
        var open = db.Set<TicketReferral>().Where(r => r.State == ReferralState.Open && r.Department == me.Team
            && (r.ToEmployeeId == null || r.ToEmployeeId == me.Id || head));
        var now = Now;
        return new ReferralCounts(await open.CountAsync(ct), await open.CountAsync(r => r.DueUtc <= now, ct));
    }

    /// <summary>The active people of a department a question can be referred to by name.</summary>
    public async Task<IReadOnlyList<EmployeePick>> ColleaguesAsync(Team department, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == department).OrderBy(e => e.FullName).ThenBy(e => e.EmployeeNumber)
            .Select(e => new EmployeePick(e.Id, e.FullName, e.EmployeeNumber, e.Team)).ToListAsync(ct);
    }

    private static IQueryable<ReferralRow> Rows(OpsDb db, IQueryable<TicketReferral> referrals) =>
        from r in referrals.AsNoTracking()
        join t in db.Tickets on r.TicketId equals t.Id
        select new ReferralRow(r.Id, r.TicketId, t.Subject, r.Department, r.ToEmployeeId, r.ToEmployee == null ? null : r.ToEmployee.FullName,
            r.Question, r.DueUtc, r.State, r.ReferredByName, r.CreatedAtUtc, r.Answer, r.AnsweredByName, r.AnsweredAtUtc, r.EscalatedAtUtc, r.Version);

    private static async Task<List<Employee>> HeadsAsync(OpsDb db, Team team, CancellationToken ct) =>
        (await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == team && e.UserId != null).ToListAsync(ct))
        .Where(e => ReferralRules.IsHeadRole(e.Role, team)).ToList();

    private static Task<Employee?> MeAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<Employee?>(null) : db.Employees.FirstOrDefaultAsync(e => e.UserId == actor.UserId, ct);

    private async Task<OpsDb> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }
}
