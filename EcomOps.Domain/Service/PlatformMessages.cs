using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service;

/// <summary>
/// A buyer's message a sales platform delivered (its own message id, the conversation it belongs to) and the ticket it
/// went to. The row is written first, as the claim that makes a delivery count once however often the platform sends it.
/// </summary>
public sealed class PlatformMessage
{
    public int Id { get; set; }
    public int ChannelId { get; set; }
    public required string PlatformMessageId { get; set; }
    public required string ConversationId { get; set; }

    /// <summary>Null while the message is being filed: a claim whose filing did not finish is taken over after a while.</summary>
    public int? TicketId { get; set; }

    public DateTime ReceivedAtUtc { get; set; }
}

/// <summary>What a platform integration sends for one buyer message.</summary>
public sealed record PlatformMessageForm
{
    public string? MessageId { get; init; }
    public string? ConversationId { get; init; }
    public string? BuyerName { get; init; }

    /// <summary>A phone or e-mail; without it, the phone on the named order is used.</summary>
    public string? BuyerContact { get; init; }

    /// <summary>The platform's order id the buyer writes about, when the platform knows it.</summary>
    public string? OrderId { get; init; }

    public string? Text { get; init; }

    /// <summary>"zh-Hans" or "en"; empty takes the order's, else Chinese.</summary>
    public string? Language { get; init; }
}

/// <param name="Joined">The message joined the conversation's open ticket (false: it opened a new one).</param>
/// <param name="Repeated">The platform had delivered this message before: nothing was written this time.</param>
/// <param name="OrderLinked">The order id named a known order and the ticket links it.</param>
public sealed record PlatformMessageFiled(int TicketId, bool Joined, bool Repeated, bool OrderLinked);

/// <summary>
/// Buyer messages from the sales platforms into the ticket queue (§4.1.1): each becomes a ticket on the platform-message
/// channel, or a new customer message on its conversation's ticket while that is not closed (which re-opens a solved
/// or pending one and restarts its clock). A message delivered twice is filed once.
/// </summary>
public sealed class PlatformInbox(IDbContextFactory<OpsDb> dbFactory, TicketDesk desk, TimeProvider clock)
{
    public const int MaxIdLength = 100;

    /// <summary>How long a claim waits for its filing before another delivery of the message takes it over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public const string StillFiling = "MessageStillFiling";

    public async Task<Outcome<PlatformMessageFiled>> FileAsync(int channelId, string channelCode, PlatformMessageForm form, CancellationToken ct = default)
    {
        var errors = Check(form);
        if (errors.Count > 0)
        {
            return Outcome<PlatformMessageFiled>.Invalid(errors);
        }
        var actor = new Actor(null, $"api:{channelCode}");
        var (messageId, conversation, text) = (form.MessageId!.Trim(), form.ConversationId!.Trim(), form.Text!.Trim());
        var claim = await ClaimAsync(channelId, messageId, conversation, ct);
        if (claim.Filed is { } filed)
        {
            return Outcome<PlatformMessageFiled>.Done(new PlatformMessageFiled(filed, Joined: false, Repeated: true, OrderLinked: false));
        }
        if (claim.Id is not { } claimId)
        {
            return Outcome<PlatformMessageFiled>.Invalid([new FieldError("messageId", StillFiling)]);
        }
        if (!await AfterEarlierMessagesAsync(channelId, conversation, claimId, ct))
        {
            await ReleaseAsync(claimId, ct);
            return Outcome<PlatformMessageFiled>.Invalid([new FieldError("messageId", StillFiling)]);
        }

        string? orderReference = null, orderPhone = null, orderLanguage = null;
        if (!string.IsNullOrWhiteSpace(form.OrderId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var order = await db.Orders.AsNoTracking().Where(o => o.ChannelId == channelId && o.PlatformOrderId == form.OrderId.Trim())
                .Select(o => new { o.PlatformOrderId, o.CustomerPhone, o.CustomerLanguage }).FirstOrDefaultAsync(ct);
            (orderReference, orderPhone, orderLanguage) = (order?.PlatformOrderId, order?.CustomerPhone, order?.CustomerLanguage);
        }
        var contact = string.IsNullOrWhiteSpace(form.BuyerContact) ? orderPhone : form.BuyerContact.Trim();
        var open = await OpenTicketOfAsync(channelId, conversation, ct);
        Outcome<int> ticket;
        if (open is { } existing)
        {
            var added = await desk.AddCustomerMessageAsync(actor, existing, text, ct);
            ticket = added.Succeeded ? Outcome<int>.Done(existing) : Outcome<int>.Invalid(added.Errors);
        }
        else if (contact is null)
        {
            ticket = Outcome<int>.Invalid([new FieldError("buyerContact", "Required")]);
        }
        else
        {
            ticket = await desk.CreateAsync(actor, new TicketForm
            {
                Channel = TicketChannel.PlatformMessage,
                CustomerName = form.BuyerName!.Trim(),
                CustomerContact = contact,
                OrderReference = orderReference,
                CustomerLanguage = string.IsNullOrWhiteSpace(form.Language) ? orderLanguage : form.Language,
                Subject = SubjectOf(text),
                Category = TicketCategories.Other,
                Message = text,
            }, ct);
        }
        if (!ticket.Succeeded)
        {
            await ReleaseAsync(claimId, ct);
            return Outcome<PlatformMessageFiled>.Invalid([.. ticket.Errors.Select(e => e with { Field = ApiField(e.Field) })]);
        }
        await WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.PlatformMessages.Where(m => m.Id == claimId).ExecuteUpdateAsync(u => u.SetProperty(m => m.TicketId, ticket.Value), ct);
        }, ct);
        return Outcome<PlatformMessageFiled>.Done(new PlatformMessageFiled(ticket.Value, Joined: open is not null, Repeated: false, OrderLinked: orderReference is not null));
    }

    /// <summary>A chat line's subject: its first line, cut at a word where it is long.</summary>
    public static string SubjectOf(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 60 ? line : line[..60].TrimEnd() + "…";
    }

    private static List<FieldError> Check(PlatformMessageForm form)
    {
        var errors = new List<FieldError>();
        void Id(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new FieldError(field, "Required"));
            }
            else if (value.Trim().Length > MaxIdLength)
            {
                errors.Add(new FieldError(field, "TooLong"));
            }
        }
        Id("messageId", form.MessageId);
        Id("conversationId", form.ConversationId);
        // The ticket's own rules for what becomes the ticket, named as the API names them.
        var asTicket = TicketRules.Check(new TicketForm
        {
            Channel = TicketChannel.PlatformMessage,
            CustomerName = form.BuyerName ?? "",
            CustomerContact = string.IsNullOrWhiteSpace(form.BuyerContact) ? "13800000000" : form.BuyerContact.Trim(),
            Subject = SubjectOf(form.Text ?? "") is { Length: > 0 } subject ? subject : "-",
            Category = TicketCategories.Other,
            Message = form.Text ?? "",
            CustomerLanguage = form.Language,
        });
        errors.AddRange(asTicket.Select(e => e with { Field = ApiField(e.Field) }));
        if (form.OrderId is { Length: > MaxIdLength })
        {
            errors.Add(new FieldError("orderId", "TooLong"));
        }
        return errors;
    }

    private static string ApiField(string field) => field switch
    {
        nameof(TicketForm.CustomerName) => "buyerName",
        nameof(TicketForm.CustomerContact) => "buyerContact",
        nameof(TicketForm.Message) or "Body" => "text",
        nameof(TicketForm.CustomerLanguage) => "language",
        nameof(TicketForm.OrderReference) => "orderId",
        _ => field,
    };

    private sealed record Claim(int? Id, int? Filed);

    /// <summary>
    /// The message's claim: a new one (Id), the ticket it was filed to before (Filed), or neither while another delivery
    /// is filing it. A claim left unfiled past <see cref="ClaimTimeout"/> (a restart mid-way) is taken over.
    /// </summary>
    private Task<Claim> ClaimAsync(int channelId, string messageId, string conversation, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var known = await db.PlatformMessages.AsNoTracking().FirstOrDefaultAsync(m => m.ChannelId == channelId && m.PlatformMessageId == messageId, ct);
            if (known is { TicketId: { } ticket })
            {
                return new Claim(null, ticket);
            }
            if (known is not null)
            {
                var taken = await db.PlatformMessages
                    .Where(m => m.Id == known.Id && m.TicketId == null && m.ReceivedAtUtc == known.ReceivedAtUtc && m.ReceivedAtUtc < now - ClaimTimeout)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReceivedAtUtc, now), ct);
                return new Claim(taken == 1 ? known.Id : null, null);
            }
            var claim = new PlatformMessage { ChannelId = channelId, PlatformMessageId = messageId, ConversationId = conversation, ReceivedAtUtc = now };
            db.PlatformMessages.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!WriteRetry.IsBusy(e))
            {
                // The same message arriving at the same moment: the other delivery files it.
                return new Claim(null, null);
            }
            return new Claim(claim.Id, null);
        }, ct);

    /// <summary>How often, and how far apart, a message looks again for an earlier message of its conversation to be filed.</summary>
    private const int EarlierFilingChecks = 100;
    private static readonly TimeSpan EarlierFilingPause = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Waits while an earlier message of the conversation is still being filed, so that messages of a new conversation
    /// arriving together open one ticket (each would otherwise find none and open its own) and join it in the order they
    /// came. Claims are numbered in the order the database's single writer took them, so the earliest never waits. False
    /// when the earlier one is still filing after about five seconds: the platform is told to send this one again.
    /// </summary>
    private async Task<bool> AfterEarlierMessagesAsync(int channelId, string conversation, int claimId, CancellationToken ct)
    {
        for (var check = 0; check < EarlierFilingChecks; check++)
        {
            var abandoned = clock.GetUtcNow().UtcDateTime - ClaimTimeout;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (!await db.PlatformMessages.AnyAsync(m => m.ChannelId == channelId && m.ConversationId == conversation && m.Id < claimId
                    && m.TicketId == null && m.ReceivedAtUtc >= abandoned, ct))
                {
                    return true;
                }
            }
            await Task.Delay(EarlierFilingPause, ct);
        }
        return false;
    }

    /// <summary>A message that could not be filed gives its claim back, so the platform's retry is filed, not ignored.</summary>
    private Task ReleaseAsync(int claimId, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.PlatformMessages.Where(m => m.Id == claimId && m.TicketId == null).ExecuteDeleteAsync(ct);
        }, ct);

    /// <summary>The conversation's latest ticket (the one it was merged into, if it was) while that is not closed.</summary>
    private async Task<int?> OpenTicketOfAsync(int channelId, string conversation, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.PlatformMessages.AsNoTracking().Where(m => m.ChannelId == channelId && m.ConversationId == conversation && m.TicketId != null)
            .OrderByDescending(m => m.Id).Select(m => m.TicketId).FirstOrDefaultAsync(ct);
        return latest is { } id && await TicketMerges.LatestAsync(db, id, ct) is { Status: not TicketStatus.Closed } live ? live.Id : null;
    }
}

internal sealed class PlatformMessageConfiguration : IEntityTypeConfiguration<PlatformMessage>
{
    public void Configure(EntityTypeBuilder<PlatformMessage> b)
    {
        b.Property(m => m.PlatformMessageId).HasMaxLength(PlatformInbox.MaxIdLength);
        b.Property(m => m.ConversationId).HasMaxLength(PlatformInbox.MaxIdLength);
        b.HasIndex(m => new { m.ChannelId, m.PlatformMessageId }).IsUnique();
        b.HasIndex(m => new { m.ChannelId, m.ConversationId, m.Id });
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
