using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service;

/// <summary>The outcome of a claim: either it is yours now, or who beat you to it.</summary>
public sealed record ClaimResult(bool Claimed, string? HeldBy, long Version);

/// <summary>
/// What agents do to tickets: log, reply, note, change status or priority, claim, reassign, merge, reopen. Each
/// operation is one context and one save; the ticket's SLA picture is recomputed before it is saved, and the save
/// publishes the change to the live queue.
/// </summary>
public sealed class TicketDesk(IDbContextFactory<OpsDb> dbFactory, ServiceSla sla, TimeProvider clock, Surveys.SurveySettings surveys)
{
    /// <param name="alongside">
    /// Writes what belongs with the ticket's first message in the same save (a received e-mail's record): both are
    /// saved, or neither.
    /// </param>
    public async Task<Outcome<int>> CreateAsync(Actor actor, TicketForm form, CancellationToken ct = default, Func<OpsDb, Ticket, TicketEntry, Task>? alongside = null)
    {
        var errors = TicketRules.Check(form);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        return await WriteRetry.RunAsync(() => CreateOnceAsync(actor, form, alongside, ct), ct);
    }

    private async Task<Outcome<int>> CreateOnceAsync(Actor actor, TicketForm form, Func<OpsDb, Ticket, TicketEntry, Task>? alongside, CancellationToken ct)
    {
        if (!actor.May(Permissions.WorkTickets))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        var added = await AddNewAsync(db, actor, form, alongside, Now, ct);
        if (added is null)
        {
            return Outcome<int>.Invalid([new FieldError(nameof(form.OrderReference), "OrderReferenceUnknown")]);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Done(added.Id);
    }

    /// <summary>
    /// Several new tickets in one save (a fetch's batch of e-mails, where a save per message would cost more than the
    /// messages): all of them are saved, or none. Ids in the order of the forms.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<int>>> CreateManyAsync(Actor actor, IReadOnlyList<(TicketForm Form, Func<OpsDb, Ticket, TicketEntry, Task> Alongside)> items,
        CancellationToken ct = default)
    {
        if (!actor.May(Permissions.WorkTickets))
        {
            return Outcome<IReadOnlyList<int>>.Invalid([Actor.NotPermitted]);
        }
        if (items.Select(i => TicketRules.Check(i.Form)).FirstOrDefault(e => e.Count > 0) is { } invalid)
        {
            return Outcome<IReadOnlyList<int>>.Invalid(invalid);
        }
        return await WriteRetry.RunAsync(async () =>
        {
            await using var db = await OpenAsync(actor, ct);
            var now = Now;
            var tickets = new List<Ticket>();
            foreach (var (form, alongside) in items)
            {
                if (await AddNewAsync(db, actor, form, alongside, now, ct) is not { } ticket)
                {
                    return Outcome<IReadOnlyList<int>>.Invalid([new FieldError(nameof(form.OrderReference), "OrderReferenceUnknown")]);
                }
                tickets.Add(ticket);
            }
            await db.SaveChangesAsync(ct);
            return Outcome<IReadOnlyList<int>>.Done(tickets.Select(t => t.Id).ToList());
        }, ct);
    }

    /// <summary>A new ticket with its first message and SLA picture, added to <paramref name="db"/>; null when its order reference is unknown.</summary>
    private async Task<Ticket?> AddNewAsync(OpsDb db, Actor actor, TicketForm form, Func<OpsDb, Ticket, TicketEntry, Task>? alongside, DateTime now, CancellationToken ct)
    {
        var reference = string.IsNullOrWhiteSpace(form.OrderReference) ? null : form.OrderReference.Trim();
        var orderLanguage = reference is null ? null
            : await db.Orders.Where(o => o.PlatformOrderId == reference).Select(o => o.CustomerLanguage).FirstOrDefaultAsync(ct);
        if (reference is not null && orderLanguage is null)
        {
            return null;
        }
        var ticket = new Ticket
        {
            Channel = form.Channel,
            CustomerName = form.CustomerName.Trim(),
            CustomerContact = form.CustomerContact.Trim(),
            CustomerLanguage = string.IsNullOrWhiteSpace(form.CustomerLanguage) ? orderLanguage ?? "zh-Hans" : form.CustomerLanguage,
            OrderReference = reference,
            Subject = form.Subject.Trim(),
            Category = form.Category,
            Priority = form.Priority,
            Status = TicketStatus.New,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        ticket.StatusHistory.Add(new TicketStatusChange { Status = TicketStatus.New, AtUtc = now, ByName = actor.Name });
        var first = new TicketEntry { Kind = ThreadEntryKind.CustomerMessage, Body = form.Message.Trim(), AuthorName = ticket.CustomerName, AtUtc = now };
        ticket.Entries.Add(first);
        sla.Project(ticket, now);
        db.Tickets.Add(ticket);
        if (alongside is not null)
        {
            await alongside(db, ticket, first);
        }
        return ticket;
    }

    /// <summary>
    /// A public reply to the customer, optionally setting the status it leaves the ticket in. Replying to a ticket
    /// nobody holds takes it: the customer now talks to this agent, and the queue shows who.
    /// </summary>
    public Task<Outcome<long>> ReplyAsync(Actor actor, int ticketId, string body, long version, TicketStatus? then = null, CancellationToken ct = default) =>
        ChangeAsync(actor, ticketId, version, ct, Rules(body), async (db, ticket, now) =>
        {
            if (ticket.AssigneeId is null && await EmployeeOfAsync(db, actor, ct) is { Active: true, Team: Team.CustomerService } me)
            {
                ticket.AssigneeId = me.Id;
                ticket.AssignedAtUtc = now;
            }
            await AddEntryAsync(db, actor, ticket, ThreadEntryKind.PublicReply, body, now, ct);
            if (ticket.Channel == TicketChannel.Email)
            {
                // Saved with the reply: the reply is never on the ticket without its e-mail, nor the e-mail without the reply.
                await Mail.MailReplies.QueueAsync(db, ticket, ticket.Entries[^1], now, ct);
            }
            else if (ticket.Channel == TicketChannel.OnlineChat
                && await db.Set<Contact.WebContact>().AsNoTracking().Where(c => c.TicketId == ticket.Id).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct) is { } contact
                && !await db.OutboxMessages.AnyAsync(m => m.TicketId == ticket.Id && m.Kind == Orders.NotificationKind.ContactReply && m.CreatedAtUtc > now - Contact.ContactReplyNotice.Quiet, ct))
            {
                // A customer from the contact page hears that an answer waits at their conversation's link (by e-mail or SMS).
                ticket.CustomerMessages.Add(Contact.ContactReplyNotice.Compose(ticket, contact, surveys, now));
            }
            var next = then ?? (ticket.Status == TicketStatus.New ? TicketStatus.Open : ticket.Status);
            SetStatus(ticket, next, actor, now);
        });

    /// <summary>A note for colleagues only: the customer never sees it, and it answers no SLA target.</summary>
    public Task<Outcome<long>> AddNoteAsync(Actor actor, int ticketId, string body, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, ticketId, version, ct, Rules(body), (db, ticket, now) => AddEntryAsync(db, actor, ticket, ThreadEntryKind.InternalNote, body, now, ct));

    /// <summary>A message from the customer (a new chat line, an email answer). It re-opens a pending or solved ticket.</summary>
    /// <param name="alongside">Writes what belongs with the message in the same save (a received e-mail's record).</param>
    public Task<Outcome<long>> AddCustomerMessageAsync(Actor actor, int ticketId, string body, CancellationToken ct = default, Func<OpsDb, Ticket, TicketEntry, Task>? alongside = null) =>
        ChangeAsync(actor, ticketId, version: null, ct, Rules(body), async (db, ticket, now) =>
        {
            var entry = new TicketEntry { Kind = ThreadEntryKind.CustomerMessage, Body = body.Trim(), AuthorName = ticket.CustomerName, AtUtc = now };
            ticket.Entries.Add(entry);
            if (ticket.Status is TicketStatus.PendingCustomer or TicketStatus.Solved)
            {
                SetStatus(ticket, TicketStatus.Open, actor, now);
            }
            if (alongside is not null)
            {
                await alongside(db, ticket, entry);
            }
        });

    public Task<Outcome<long>> ChangeStatusAsync(Actor actor, int ticketId, TicketStatus status, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, ticketId, version, ct, [], (_, ticket, now) =>
        {
            SetStatus(ticket, status, actor, now);
            return Task.CompletedTask;
        }, ticket => ticket.MergedIntoId is not null ? [new FieldError("Status", "TicketMerged")] : []);

    public Task<Outcome<long>> ChangePriorityAsync(Actor actor, int ticketId, TicketPriority priority, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, ticketId, version, ct, Enum.IsDefined(priority) ? [] : [new FieldError("Priority", "UnknownPriority")], (_, ticket, _) =>
        {
            ticket.Priority = priority;
            return Task.CompletedTask;
        });

    /// <summary>Reopens a solved or closed ticket (not one merged into another).</summary>
    public Task<Outcome<long>> ReopenAsync(Actor actor, int ticketId, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, ticketId, version, ct, [], (_, ticket, now) =>
        {
            SetStatus(ticket, TicketStatus.Open, actor, now);
            return Task.CompletedTask;
        }, ticket => ticket.MergedIntoId is not null ? [new FieldError("Status", "TicketMerged")]
            : ticket.Status is TicketStatus.Solved or TicketStatus.Closed ? [] : [new FieldError("Status", "NotSolved")]);

    /// <summary>
    /// Takes an unassigned ticket. When several agents claim at the same instant exactly one wins: the save is
    /// guarded by the ticket's version, and the losers are told who holds it.
    /// </summary>
    public Task<Outcome<ClaimResult>> ClaimAsync(Actor actor, int ticketId, CancellationToken ct = default) =>
        WriteRetry.RunAsync(() => ClaimOnceAsync(actor, ticketId, ct), ct);

    private async Task<Outcome<ClaimResult>> ClaimOnceAsync(Actor actor, int ticketId, CancellationToken ct)
    {
        if (!actor.May(Permissions.WorkTickets))
        {
            return Outcome<ClaimResult>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        var me = await EmployeeOfAsync(db, actor, ct);
        if (me is null || !me.Active || me.Team != Team.CustomerService)
        {
            return Outcome<ClaimResult>.Invalid([new FieldError("Assignee", me is null ? "NotAnEmployee" : "AssigneeNotAgent")]);
        }
        var ticket = await db.Tickets.Include(t => t.Assignee).FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null)
        {
            return Outcome<ClaimResult>.NotFound();
        }
        if (ticket.MergedIntoId is not null || ticket.Status == TicketStatus.Closed)
        {
            return Outcome<ClaimResult>.Invalid([new FieldError("Assignee", "TicketMerged")]);
        }
        if (ticket.AssigneeId is not null)
        {
            return Outcome<ClaimResult>.Done(new ClaimResult(ticket.AssigneeId == me.Id, ticket.Assignee!.FullName, ticket.Version));
        }
        ticket.AssigneeId = me.Id;
        ticket.AssignedAtUtc = ticket.UpdatedAtUtc = Now;
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<ClaimResult>.Done(new ClaimResult(true, me.FullName, ticket.Version));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var holder = await fresh.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
                .Select(t => new { Name = t.Assignee == null ? null : t.Assignee.FullName, t.Version }).FirstAsync(ct);
            return Outcome<ClaimResult>.Done(new ClaimResult(false, holder.Name, holder.Version));
        }
    }

    /// <summary>A supervisor gives a ticket to an agent (or back to the queue with null).</summary>
    public async Task<Outcome<long>> AssignAsync(Actor actor, int ticketId, int? employeeId, long version, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(actor, ct);
        if (employeeId is { } id && !await db.Employees.AnyAsync(e => e.Id == id && e.Active && e.Team == Team.CustomerService, ct))
        {
            return Outcome<long>.Invalid([new FieldError("Assignee", "AssigneeNotAgent")]);
        }
        return await ChangeInAsync(db, ticketId, version, ct, [], (_, ticket, now) =>
        {
            ticket.AssigneeId = employeeId;
            ticket.AssignedAtUtc = employeeId is null ? null : now;
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Merges a duplicate into another ticket: the duplicate's thread is copied over (marked with where it came from),
    /// and the duplicate is closed and points to the ticket it went into. Both keep their history.
    /// </summary>
    public async Task<Outcome<long>> MergeAsync(Actor actor, int duplicateId, int intoId, long duplicateVersion, CancellationToken ct = default)
    {
        if (duplicateId == intoId)
        {
            return Outcome<long>.Invalid([new FieldError("MergeInto", "MergeIntoItself")]);
        }
        await using var db = await OpenAsync(actor, ct);
        var target = await db.Tickets.Include(t => t.Entries).Include(t => t.StatusHistory).FirstOrDefaultAsync(t => t.Id == intoId, ct);
        if (target is null || target.MergedIntoId is not null)
        {
            return Outcome<long>.Invalid([new FieldError("MergeInto", "MergeTargetUnknown")]);
        }
        return await ChangeInAsync(db, duplicateId, duplicateVersion, ct, [], async (_, duplicate, now) =>
        {
            // The duplicate's thread is kept in the target as notes dated now, each naming who wrote it and when: the
            // target's SLA clocks are its own (old messages must not start or stop them), and a duplicate older than the
            // target cannot put entries before the target's creation.
            foreach (var entry in duplicate.Entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            {
                target.Entries.Add(new TicketEntry
                {
                    Kind = ThreadEntryKind.InternalNote,
                    Body = $"[{duplicate.Number} · {entry.Kind} · {entry.AuthorName} · {entry.AtUtc:yyyy-MM-dd HH:mm} UTC] {entry.Body}",
                    AuthorName = entry.AuthorName,
                    AuthorEmployeeId = entry.AuthorEmployeeId,
                    AtUtc = now,
                });
            }
            await AddEntryAsync(db, actor, target, ThreadEntryKind.InternalNote, $"Merged from {duplicate.Number}: {duplicate.Subject}", now, ct);
            await AddEntryAsync(db, actor, duplicate, ThreadEntryKind.InternalNote, $"Merged into {target.Number}", now, ct);
            duplicate.MergedIntoId = target.Id;
            SetStatus(duplicate, TicketStatus.Closed, actor, now);
            target.UpdatedAtUtc = now;
            sla.Project(target, now);
        }, duplicate => duplicate.MergedIntoId is not null ? [new FieldError("MergeInto", "TicketMerged")] : []);
    }

    /// <summary>
    /// Recomputes the SLA picture of every open ticket whose next check has come, and records each breach once.
    /// The in-process scheduler calls it at the exact instant; the minute sweep job calls it as the safety net.
    /// </summary>
    public async Task<int> RefreshDueSlasAsync(CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await OpenAsync(Actor.System, ct);
        var dueIds = await db.Tickets.Where(t => t.SlaNextCheckUtc != null && t.SlaNextCheckUtc <= now)
            .OrderBy(t => t.SlaNextCheckUtc).ThenBy(t => t.Id).Take(500).Select(t => t.Id).ToListAsync(ct);
        var due = await WithTimelinesAsync(db, dueIds, ct);
        foreach (var ticket in due)
        {
            var targets = sla.Project(ticket, now);
            await RecordBreachesAsync(db, ticket, targets, now, ct);
        }
        if (due.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (LostToAnotherServer(e))
            {
                // Another console server reached the same deadlines first and recorded them: nothing of this check is
                // kept, and a ticket that server did not cover is still due at the next check.
                return 0;
            }
        }
        return due.Count;
    }

    /// <summary>
    /// A save that lost to the same save on another server of the cluster: a ticket changed meanwhile (its version), or
    /// a breach, alert or notification with the same key already recorded (unique keys make each one once).
    /// </summary>
    private static bool LostToAnotherServer(DbUpdateException e) => e is DbUpdateConcurrencyException || WriteRetry.IsUniqueViolation(e);

    /// <summary>The earliest instant at which some ticket's SLA picture changes by itself.</summary>
    public async Task<DateTime?> NextSlaCheckAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tickets.Where(t => t.SlaNextCheckUtc != null).MinAsync(t => t.SlaNextCheckUtc, ct);
    }

    /// <summary>
    /// Recomputes every open ticket after the calendar or a policy changed; says how many were recomputed and how
    /// many of them now have a different due time on some target.
    /// </summary>
    public async Task<SlaRecomputation> RecomputeOpenAsync(CancellationToken ct = default)
    {
        // A recomputation that lost to another server's check (see LostToAnotherServer) reads the tickets again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecomputeOpenOnceAsync(ct);
            }
            catch (DbUpdateException e) when (LostToAnotherServer(e) && attempt < 3)
            {
            }
        }
    }

    private async Task<SlaRecomputation> RecomputeOpenOnceAsync(CancellationToken ct)
    {
        var now = Now;
        await using var db = await OpenAsync(Actor.System, ct);
        var openIds = await db.Tickets.Where(t => t.Status != TicketStatus.Closed).Select(t => t.Id).ToListAsync(ct);
        var open = await WithTimelinesAsync(db, openIds, ct);
        var moved = 0;
        foreach (var ticket in open)
        {
            var before = (ticket.FirstResponseDueUtc, ticket.NextReplyDueUtc, ticket.ResolutionDueUtc, ticket.SlaPolicyName);
            var targets = sla.Project(ticket, now);
            if (before != (ticket.FirstResponseDueUtc, ticket.NextReplyDueUtc, ticket.ResolutionDueUtc, ticket.SlaPolicyName))
            {
                moved++;
            }
            await RecordBreachesAsync(db, ticket, targets, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return new SlaRecomputation(open.Count, moved);
    }

    /// <summary>
    /// The tickets of <paramref name="ids"/> with their conversation and status history, chosen first by id. Loading them
    /// in one split query filtered by a column another server may change between its statements (the next check, the
    /// status) could load a ticket without its history, which no SLA clock can read (seen in the cluster's tests).
    /// In the order of <paramref name="ids"/>; a ticket deleted meanwhile is left out.
    /// </summary>
    private static async Task<List<Ticket>> WithTimelinesAsync(OpsDb db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var loaded = await db.Tickets.Include(t => t.Entries).Include(t => t.StatusHistory)
            .Where(t => EF.Parameter(ids).Contains(t.Id)).AsSplitQuery().ToDictionaryAsync(t => t.Id, ct);
        return [.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])];
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static List<FieldError> Rules(string? body) => TicketRules.CheckBody(body);

    private async Task<OpsDb> OpenAsync(Actor actor, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }

    /// <summary>The change, run again from its start while the database is busy (<see cref="WriteRetry"/>).</summary>
    private Task<Outcome<long>> ChangeAsync(
        Actor actor, int ticketId, long? version, CancellationToken ct, List<FieldError> errors,
        Func<OpsDb, Ticket, DateTime, Task> change, Func<Ticket, List<FieldError>>? check = null) =>
        WriteRetry.RunAsync(() => ChangeOnceAsync(actor, ticketId, version, ct, errors, change, check), ct);

    private async Task<Outcome<long>> ChangeOnceAsync(
        Actor actor, int ticketId, long? version, CancellationToken ct, List<FieldError> errors,
        Func<OpsDb, Ticket, DateTime, Task> change, Func<Ticket, List<FieldError>>? check = null)
    {
        if (!actor.May(Permissions.WorkTickets))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await OpenAsync(actor, ct);
        return await ChangeInAsync(db, ticketId, version, ct, errors, change, check);
    }

    private async Task<Outcome<long>> ChangeInAsync(
        OpsDb db, int ticketId, long? version, CancellationToken ct, List<FieldError> errors,
        Func<OpsDb, Ticket, DateTime, Task> change, Func<Ticket, List<FieldError>>? check = null)
    {
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        var ticket = await db.Tickets.Include(t => t.Entries).Include(t => t.StatusHistory).FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null)
        {
            return Outcome<long>.NotFound();
        }
        if (check?.Invoke(ticket) is { Count: > 0 } refused)
        {
            return Outcome<long>.Invalid(refused);
        }
        if (version is { } expected)
        {
            db.Entry(ticket).Property(t => t.Version).OriginalValue = expected;
        }
        var now = Now;
        await change(db, ticket, now);
        ticket.UpdatedAtUtc = now;
        var targets = sla.Project(ticket, now);
        await RecordBreachesAsync(db, ticket, targets, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        return Outcome<long>.Done(ticket.Version);
    }

    private static async Task AddEntryAsync(OpsDb db, Actor actor, Ticket ticket, ThreadEntryKind kind, string body, DateTime now, CancellationToken ct)
    {
        var author = await EmployeeOfAsync(db, actor, ct);
        ticket.Entries.Add(new TicketEntry
        {
            Kind = kind,
            Body = body.Trim(),
            AuthorName = author?.FullName ?? actor.Name,
            AuthorEmployeeId = author?.Id,
            AtUtc = now,
        });
    }

    private void SetStatus(Ticket ticket, TicketStatus status, Actor actor, DateTime now)
    {
        if (ticket.Status == status)
        {
            return;
        }
        ticket.Status = status;
        ticket.StatusHistory.Add(new TicketStatusChange { Status = status, AtUtc = now, ByName = actor.Name });
        if (status == TicketStatus.Solved)
        {
            // Each solve asks the customer once how it went: the link and the message carrying it are saved with the
            // change, and the outbox sends the message afterwards.
            var survey = new Surveys.SatisfactionSurvey
            {
                Token = Surveys.SatisfactionSurvey.NewToken(),
                CreatedAtUtc = now,
                ExpiresAtUtc = now + Surveys.SatisfactionSurvey.Lifetime,
                AgentId = ticket.AssigneeId,
            };
            ticket.Surveys.Add(survey);
            ticket.CustomerMessages.Add(Surveys.SurveyInvitation.Compose(ticket, survey, surveys));
        }
    }

    /// <summary>
    /// Records each breach once and raises each escalation once: a warning when a running target passes its warning
    /// share, a breach alert when it passes its deadline. Their keys include the deadline, so re-running changes nothing.
    /// An escalation the ticket's policy names a reassignment for hands the ticket over, once, with a note saying why.
    /// </summary>
    private async Task RecordBreachesAsync(OpsDb db, Ticket ticket, IReadOnlyList<SlaTargetStatus> targets, DateTime now, CancellationToken ct)
    {
        if (ticket.Id == 0)
        {
            return;
        }
        foreach (var target in targets)
        {
            if (target.BreachedAtUtc is { } breachedAt)
            {
                if (!await db.SlaBreaches.AnyAsync(b => b.TicketId == ticket.Id && b.Target == target.Kind && b.BreachedAtUtc == breachedAt, ct)
                    && !db.SlaBreaches.Local.Any(b => b.TicketId == ticket.Id && b.Target == target.Kind && b.BreachedAtUtc == breachedAt))
                {
                    db.SlaBreaches.Add(new SlaBreach { TicketId = ticket.Id, Target = target.Kind, BreachedAtUtc = breachedAt, RecordedAtUtc = now, PolicyName = ticket.SlaPolicyName });
                }
                if (target.MetAtUtc is null && await RaiseAsync(db, ticket.Id, AlertKind.Breach, target.Kind, breachedAt, now, ct))
                {
                    await ReassignOnEscalationAsync(db, ticket, SlaEscalationTrigger.Breach, target.Kind, now, ct);
                }
            }
            else if (target is { State: SlaState.Active, Level: SlaLevel.Warning, DueAtUtc: { } due }
                && await RaiseAsync(db, ticket.Id, AlertKind.Warning, target.Kind, due, now, ct))
            {
                await ReassignOnEscalationAsync(db, ticket, SlaEscalationTrigger.Warning, target.Kind, now, ct);
            }
        }
    }

    private async Task ReassignOnEscalationAsync(OpsDb db, Ticket ticket, SlaEscalationTrigger trigger, SlaTargetKind target, DateTime now, CancellationToken ct)
    {
        var policy = sla.Policies.Policies.FirstOrDefault(p => p.Name == ticket.SlaPolicyName);
        if (policy?.Reassignment is not { } reassignment || reassignment.When != trigger || ticket.AssigneeId == reassignment.EmployeeId)
        {
            return;
        }
        var to = await db.Employees.Where(e => e.Id == reassignment.EmployeeId && e.Active && e.Team == Team.CustomerService)
            .Select(e => e.FullName).FirstOrDefaultAsync(ct);
        if (to is null)
        {
            return;
        }
        ticket.AssigneeId = reassignment.EmployeeId;
        ticket.AssignedAtUtc = now;
        ticket.Entries.Add(new TicketEntry
        {
            Kind = ThreadEntryKind.InternalNote,
            Body = $"SLA escalation ({trigger}, {target}): reassigned to {to} by policy \"{policy.Name}\".",
            AuthorName = Actor.System.Name,
            AtUtc = now,
        });
    }

    /// <summary>Raises an escalation unless the same one (ticket, target, kind, deadline) exists; true when raised now.</summary>
    private static async Task<bool> RaiseAsync(OpsDb db, int ticketId, AlertKind kind, SlaTargetKind target, DateTime due, DateTime now, CancellationToken ct)
    {
        var alerts = db.Set<ServiceAlert>();
        if (alerts.Local.Any(a => a.TicketId == ticketId && a.Target == target && a.Kind == kind && a.DueAtUtc == due)
            || await alerts.AnyAsync(a => a.TicketId == ticketId && a.Target == target && a.Kind == kind && a.DueAtUtc == due, ct))
        {
            return false;
        }
        alerts.Add(new ServiceAlert { TicketId = ticketId, Kind = kind, Target = target, DueAtUtc = due, RaisedAtUtc = now });
        // The supervisors hear of it in the notification centre, saved with the escalation itself.
        var supervisors = await Notifications.NotificationCentre.UsersWithAsync(db, Permissions.SuperviseService, ct);
        await Notifications.NotificationCentre.AddAsync(db, supervisors.Select(u => new Notifications.NotificationDraft(u, Notifications.NotificationKind.SlaEscalation,
            $"sla:{ticketId}:{target}:{kind}:{due.Ticks}", $"Notice.Sla{kind}", [Ticket.NumberOf(ticketId), "@key:Sla.Target." + target], $"/service/tickets/{ticketId}")), now, ct);
        return true;
    }

    private static Task<Employee?> EmployeeOfAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<Employee?>(null) : db.Employees.FirstOrDefaultAsync(e => e.UserId == actor.UserId, ct);
}
