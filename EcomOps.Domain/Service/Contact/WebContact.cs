using System.Security.Cryptography;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Contact;

/// <summary>
/// A conversation a customer opened on the public contact page: the reference they were given, the ticket it is, and
/// the contact they gave (a follow-up through the form must give the same one). Saved with the ticket's first message.
/// </summary>
public sealed class WebContact
{
    public int Id { get; set; }

    /// <summary>Ten characters without look-alikes, stored without the dash it is shown with (<see cref="ContactReference"/>).</summary>
    public required string Reference { get; set; }

    public int TicketId { get; set; }

    public Ticket? Ticket { get; set; }

    /// <summary>The contact as <see cref="ContactReference.KeyOf"/> compares it (case, spaces, dashes and +86 aside).</summary>
    public required string ContactKey { get; set; }

    /// <summary>The order number the customer typed when it named no order the console holds (shown to the agent, never lost).</summary>
    public string? OrderNumberGiven { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime LastMessageAtUtc { get; set; }

    /// <summary>The customer's messages through the page, the first included.</summary>
    public int Messages { get; set; }
}

/// <summary>The reference a customer keeps: how it is made, shown, read back, and how contacts are compared.</summary>
public static class ContactReference
{
    public const int Length = 10;

    /// <summary>No 0/O, 1/I/L: a reference read aloud or typed from a screenshot comes out right.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => string.Concat(Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));

    /// <summary>"ABCDE-FGHJK".</summary>
    public static string Show(string reference) => reference.Length == Length ? $"{reference[..5]}-{reference[5..]}" : reference;

    /// <summary>What the customer typed, as stored: upper case, dashes and spaces aside; null when it cannot be a reference.</summary>
    public static string? Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var value = string.Concat(typed.Where(c => c is not ('-' or ' ' or '\u3000'))).ToUpperInvariant();
        return value.Length == Length && value.All(Alphabet.Contains) ? value : null;
    }

    /// <summary>A phone or e-mail as compared: case, spaces and dashes aside, a mainland +86/0086 prefix aside.</summary>
    public static string KeyOf(string contact)
    {
        var value = string.Concat(contact.Trim().Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')'))).ToLowerInvariant();
        if (value.Contains('@'))
        {
            return value;
        }
        foreach (var prefix in new[] { "+86", "0086" })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return value[prefix.Length..];
            }
        }
        return value;
    }
}

/// <summary>The message that tells a contact-page customer an agent answered, with the link to read and answer it.</summary>
public static class ContactReplyNotice
{
    /// <summary>Replies closer together than this tell the customer once: they read them all at the link.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(15);

    public static Orders.OutboxMessage Compose(Ticket ticket, WebContact contact, Surveys.SurveySettings settings, DateTime now)
    {
        var english = ticket.CustomerLanguage == "en";
        var link = settings.ContactLinkFor(contact.Reference);
        var reference = ContactReference.Show(contact.Reference);
        return new Orders.OutboxMessage
        {
            Kind = Orders.NotificationKind.ContactReply,
            Language = english ? "en" : "zh-Hans",
            Recipient = ticket.CustomerContact,
            Text = english
                ? $"[EcomOps] Our customer service answered your message {reference}. Read and reply here: {link}"
                : $"【EcomOps】客服已回复您的留言（编号 {reference}）。查看并回复：{link}",
            Status = Orders.DeliveryStatus.Pending,
            CreatedAtUtc = now,
        };
    }
}

internal sealed class WebContactConfiguration : IEntityTypeConfiguration<WebContact>
{
    public void Configure(EntityTypeBuilder<WebContact> b)
    {
        b.Property(c => c.Reference).HasMaxLength(ContactReference.Length);
        b.Property(c => c.ContactKey).HasMaxLength(TicketRules.MaxContactLength);
        b.Property(c => c.OrderNumberGiven).HasMaxLength(TicketRules.MaxOrderReferenceLength);
        b.HasIndex(c => c.Reference).IsUnique();
        b.HasIndex(c => c.TicketId);
        b.HasOne(c => c.Ticket).WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
