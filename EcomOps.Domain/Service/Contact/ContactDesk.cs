using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Contact;

/// <summary>What a customer sends on the public contact page.</summary>
public sealed record ContactMessage
{
    public string? Name { get; init; }

    /// <summary>A phone or an e-mail address.</summary>
    public string? Contact { get; init; }

    public string? OrderNumber { get; init; }

    /// <summary>One of <see cref="TicketCategories.All"/>; empty is "other".</summary>
    public string? Topic { get; init; }

    public string? Message { get; init; }

    /// <summary>The reference of an earlier message, to add this one to it (the contact must be the same).</summary>
    public string? Reference { get; init; }

    /// <summary>The page's language, "zh-Hans" or "en": the ticket is answered in it.</summary>
    public string? Language { get; init; }
}

/// <param name="Reference">The reference to keep (a new one when the earlier conversation was closed).</param>
/// <param name="Joined">Added to the open conversation of the reference given.</param>
/// <param name="Reopened">The reference given belonged to a closed conversation: this message opened a new one.</param>
/// <param name="OrderLinked">The order number named an order the console holds.</param>
public sealed record ContactSent(string Reference, string TicketNumber, bool Joined, bool Reopened, bool OrderLinked);

/// <summary>One line of a conversation as the customer sees it: theirs or the company's (never an internal note).</summary>
public sealed record ContactLine(DateTime AtUtc, bool FromCustomer, string Body);

public sealed record ContactConversation(string Reference, string TicketNumber, string CustomerName, TicketStatus Status, IReadOnlyList<ContactLine> Lines)
{
    /// <summary>A closed conversation takes no more messages here: a new message opens a new one.</summary>
    public bool Closed => Status == TicketStatus.Closed;
}

/// <summary>How a form submission looks to the bot check.</summary>
public enum ContactCheck
{
    Person,

    /// <summary>The hidden field was filled: nothing is written, and the sender is told what a person would be.</summary>
    Bot,

    /// <summary>Sent sooner after the page was shown than a person types a message.</summary>
    TooFast,

    /// <summary>The page was shown too long ago (or its stamp is not ours): send again.</summary>
    Expired,
}

/// <summary>
/// The public contact page and chat entry (§4.1.1): a customer with no account leaves a message that becomes a ticket on
/// the online-chat channel and gets a reference; a follow-up with that reference (and the same contact) joins the
/// same ticket while it is open, re-opening it and restarting its clock as any customer message does.
/// </summary>
public sealed class ContactDesk(IDbContextFactory<OpsDb> dbFactory, TicketDesk desk, TimeProvider clock)
{
    /// <summary>Faster than this from page to send is a program, not a person.</summary>
    public static readonly TimeSpan MinFillTime = TimeSpan.FromSeconds(3);

    /// <summary>A page older than this is sent again (its stamp protects against replaying one old form for ever).</summary>
    public static readonly TimeSpan MaxFormAge = TimeSpan.FromHours(12);

    public const string ReferenceNotMatched = "ContactReferenceNotMatched";
    public const string SentTooFast = "ContactSentTooFast";
    public const string FormExpired = "ContactFormExpired";

    /// <summary>The page's name for the desk's actor: the audit trail says the contact page wrote it.</summary>
    private static readonly Actor Page = new(null, "contact-page");

    /// <param name="honeypot">The hidden field a person never sees, so never fills.</param>
    /// <param name="shownAtUtc">When the page with the form was shown, as its protected stamp says (null: no valid stamp).</param>
    public static ContactCheck Judge(string? honeypot, DateTime? shownAtUtc, DateTime nowUtc) =>
        !string.IsNullOrEmpty(honeypot) ? ContactCheck.Bot
        : shownAtUtc is not { } shown || shown > nowUtc + TimeSpan.FromMinutes(1) || nowUtc - shown > MaxFormAge ? ContactCheck.Expired
        : nowUtc - shown < MinFillTime ? ContactCheck.TooFast
        : ContactCheck.Person;

    public static List<FieldError> Check(ContactMessage form)
    {
        var asTicket = TicketRules.Check(Form(form, PlatformInbox.SubjectOf(form.Message ?? "") is { Length: > 0 } s ? s : "-", orderReference: form.OrderNumber));
        var errors = asTicket.Select(e => e with { Field = FieldOf(e.Field) }).ToList();
        if (!string.IsNullOrWhiteSpace(form.Reference) && ContactReference.Parse(form.Reference) is null)
        {
            errors.Add(new FieldError(nameof(ContactMessage.Reference), ReferenceNotMatched));
        }
        return errors;
    }

    /// <summary>Files a message from the form: a new conversation, or the next message of the one its reference names.</summary>
    public async Task<Outcome<ContactSent>> SendAsync(ContactMessage form, CancellationToken ct = default)
    {
        var errors = Check(form);
        if (errors.Count > 0)
        {
            return Outcome<ContactSent>.Invalid(errors);
        }
        if (ContactReference.Parse(form.Reference) is { } reference)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var known = await db.Set<WebContact>().AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, ct);
            // One answer for an unknown reference and for someone else's: the form tells nobody whose references exist.
            if (known is null || known.ContactKey != ContactReference.KeyOf(form.Contact!))
            {
                return Outcome<ContactSent>.Invalid([new FieldError(nameof(ContactMessage.Reference), ReferenceNotMatched)]);
            }
            return await FollowUpAsync(known, form.Message!, form, ct);
        }
        return await OpenAsync(form, ct);
    }

    /// <summary>The next message from the conversation page, whose reference the customer holds.</summary>
    public async Task<Outcome<ContactSent>> ReplyAsync(string? reference, string? message, CancellationToken ct = default)
    {
        var errors = TicketRules.CheckBody(message).Select(e => e with { Field = nameof(ContactMessage.Message) }).ToList();
        if (errors.Count > 0)
        {
            return Outcome<ContactSent>.Invalid(errors);
        }
        var known = await FindAsync(reference, ct);
        if (known is null)
        {
            return Outcome<ContactSent>.Invalid([new FieldError(nameof(ContactMessage.Reference), ReferenceNotMatched)]);
        }
        return await FollowUpAsync(known, message!, form: null, ct);
    }

    /// <summary>The conversation as its customer sees it; null for a reference that is not one.</summary>
    public async Task<ContactConversation?> ConversationAsync(string? reference, CancellationToken ct = default)
    {
        if (await FindAsync(reference, ct) is not { } contact)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticketId = await LatestOfAsync(db, contact.TicketId, ct);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Id, t.CustomerName, t.Status }).SingleAsync(ct);
        var lines = await db.Set<TicketEntry>().AsNoTracking()
            .Where(e => e.TicketId == ticketId && (e.Kind == ThreadEntryKind.CustomerMessage || e.Kind == ThreadEntryKind.PublicReply))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new ContactLine(e.AtUtc, e.Kind == ThreadEntryKind.CustomerMessage, e.Body)).ToListAsync(ct);
        return new ContactConversation(contact.Reference, Ticket.NumberOf(ticket.Id), ticket.CustomerName, ticket.Status, lines);
    }

    /// <summary>What the agent sees of the page's conversation on the ticket (null when the ticket did not come from the page).</summary>
    public async Task<WebContact?> OfTicketAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WebContact>().AsNoTracking().Where(c => c.TicketId == ticketId).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<WebContact?> FindAsync(string? reference, CancellationToken ct)
    {
        if (ContactReference.Parse(reference) is not { } parsed)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WebContact>().AsNoTracking().FirstOrDefaultAsync(c => c.Reference == parsed, ct);
    }

    private async Task<Outcome<ContactSent>> OpenAsync(ContactMessage form, CancellationToken ct, bool reopened = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var typedOrder = string.IsNullOrWhiteSpace(form.OrderNumber) ? null : form.OrderNumber.Trim();
        string? linked = null;
        if (typedOrder is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            linked = await db.Orders.AsNoTracking().Where(o => o.PlatformOrderId == typedOrder).Select(o => o.PlatformOrderId).FirstOrDefaultAsync(ct);
        }
        var message = form.Message!.Trim();
        WebContact? contact = null;
        var created = await desk.CreateAsync(Page, Form(form, PlatformInbox.SubjectOf(message), linked), ct, (db, ticket, _) =>
        {
            contact = new WebContact
            {
                Reference = ContactReference.New(),
                Ticket = ticket,
                ContactKey = ContactReference.KeyOf(form.Contact!),
                OrderNumberGiven = linked is null ? typedOrder : null,
                CreatedAtUtc = now,
                LastMessageAtUtc = now,
                Messages = 1,
            };
            db.Add(contact);
            return Task.CompletedTask;
        });
        if (!created.Succeeded)
        {
            return Outcome<ContactSent>.Invalid([.. created.Errors.Select(e => e with { Field = FieldOf(e.Field) })]);
        }
        return Outcome<ContactSent>.Done(new ContactSent(contact!.Reference, Ticket.NumberOf(created.Value), Joined: false, reopened, linked is not null));
    }

    /// <summary>
    /// Adds the message to the conversation's ticket (the one it was merged into, if it was); a closed conversation takes
    /// no more: the message opens a new one with the same name and contact, and the customer gets its new reference.
    /// </summary>
    private async Task<Outcome<ContactSent>> FollowUpAsync(WebContact known, string message, ContactMessage? form, CancellationToken ct)
    {
        int ticketId;
        Ticket? ticket;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ticketId = await LatestOfAsync(db, known.TicketId, ct);
            ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId, ct);
        }
        if (ticket.Status == TicketStatus.Closed)
        {
            return await OpenAsync(new ContactMessage
            {
                Name = ticket.CustomerName,
                Contact = ticket.CustomerContact,
                OrderNumber = form?.OrderNumber ?? ticket.OrderReference ?? known.OrderNumberGiven,
                Topic = form?.Topic ?? ticket.Category,
                Message = message,
                Language = ticket.CustomerLanguage,
            }, ct, reopened: true);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var added = await desk.AddCustomerMessageAsync(Page, ticketId, message.Trim(), ct, async (db, _, _) =>
        {
            // Tracked, so it is saved with the message or not at all.
            var contact = await db.Set<WebContact>().SingleAsync(c => c.Id == known.Id, ct);
            contact.LastMessageAtUtc = now;
            contact.Messages++;
        });
        if (!added.Succeeded)
        {
            return Outcome<ContactSent>.Invalid([.. added.Errors.Select(e => e with { Field = FieldOf(e.Field) })]);
        }
        return Outcome<ContactSent>.Done(new ContactSent(known.Reference, Ticket.NumberOf(ticketId), Joined: true, Reopened: false, ticket.OrderReference is not null));
    }

    /// <summary>The ticket a conversation lives on now: merges followed.</summary>
    private static async Task<int> LatestOfAsync(OpsDb db, int ticketId, CancellationToken ct) =>
        (await TicketMerges.LatestAsync(db, ticketId, ct))?.Id ?? ticketId;

    private static TicketForm Form(ContactMessage form, string subject, string? orderReference) => new()
    {
        Channel = TicketChannel.OnlineChat,
        CustomerName = form.Name ?? "",
        CustomerContact = form.Contact ?? "",
        OrderReference = orderReference,
        CustomerLanguage = form.Language,
        Subject = subject,
        Category = string.IsNullOrWhiteSpace(form.Topic) ? TicketCategories.Other : form.Topic,
        Message = form.Message ?? "",
    };

    private static string FieldOf(string field) => field switch
    {
        nameof(TicketForm.CustomerName) => nameof(ContactMessage.Name),
        nameof(TicketForm.CustomerContact) => nameof(ContactMessage.Contact),
        nameof(TicketForm.OrderReference) => nameof(ContactMessage.OrderNumber),
        nameof(TicketForm.Category) => nameof(ContactMessage.Topic),
        nameof(TicketForm.Message) or "Body" or nameof(TicketForm.Subject) => nameof(ContactMessage.Message),
        nameof(TicketForm.CustomerLanguage) => nameof(ContactMessage.Language),
        _ => field,
    };
}
