using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace EcomOps.Domain.Service.Mail;

/// <summary>The e-mail error codes people read (each has an <c>Error.&lt;Code&gt;</c> text).</summary>
public static class MailErrors
{
    public const string AuthenticationRefused = "MailAuthenticationRefused";
    public const string ServerUnreachable = "MailServerUnreachable";
    public const string FolderMissing = "MailFolderMissing";
    public const string ProtocolFailed = "MailProtocolFailed";
    public const string NotAMessage = "MailNotAMessage";
    public const string NoSender = "MailNoSender";
    public const string MailboxAddressTaken = "MailboxAddressTaken";
    public const string SendRefused = "MailSendRefused";
}

/// <summary>Limits an administrator sets (section <c>Mail</c> of the configuration).</summary>
public sealed class MailSettings
{
    /// <summary>An attachment larger than this is not stored; the ticket names it and says why.</summary>
    public long MaxAttachmentBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>A whole message larger than this is not kept as an original file (its text and small attachments are).</summary>
    public long MaxOriginalBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>Messages one sender may open or add in an hour; past it they are throttled and listed to the supervisor.</summary>
    public int MaxPerSenderPerHour { get; init; } = 20;

    /// <summary>Messages read per mailbox in one fetch (the rest wait for the next minute).</summary>
    public int MaxPerFetch { get; init; } = 20_000;
}

/// <summary>What a message is before it is filed: customer mail, or noise that never opens a ticket.</summary>
public enum MailKind
{
    Customer,
    AutoReply,
    Bounce,
}

/// <summary>The rules of incoming mail: noise, ticket tags, safe text.</summary>
public static partial class MailRules
{
    /// <summary>
    /// Auto-replies (RFC 3834 <c>Auto-Submitted</c> other than "no", <c>Precedence</c> bulk/junk/list, the common
    /// X-Autoreply headers) and bounces (a delivery-status report, or a message from MAILER-DAEMON / postmaster).
    /// </summary>
    public static MailKind Classify(MimeMessage message)
    {
        if (message.Body is MultipartReport { ReportType: { } type } && type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return MailKind.Bounce;
        }
        var from = message.From.Mailboxes.FirstOrDefault()?.LocalPart ?? "";
        if (from.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            return MailKind.Bounce;
        }
        var auto = message.Headers["Auto-Submitted"];
        if (!string.IsNullOrWhiteSpace(auto) && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return MailKind.AutoReply;
        }
        var precedence = message.Headers["Precedence"]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply")
        {
            return MailKind.AutoReply;
        }
        return message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond") ? MailKind.AutoReply : MailKind.Customer;
    }

    /// <summary>The tag replies carry in their subject, e.g. <c>[#T000123]</c>.</summary>
    public static string Tag(int ticketId) => $"[#{Ticket.NumberOf(ticketId)}]";

    /// <summary>The ticket a subject's tag names, if any.</summary>
    public static int? TaggedTicket(string? subject)
    {
        var match = subject is null ? null : TagPattern().Match(subject);
        return match is { Success: true } && int.TryParse(match.Groups[1].Value, out var id) ? id : null;
    }

    [GeneratedRegex(@"\[#T(\d{6,9})\]")]
    private static partial Regex TagPattern();

    /// <summary>A reply's subject: the ticket's subject with "Re:" and the tag, once each.</summary>
    public static string ReplySubject(string subject, int ticketId)
    {
        var tag = Tag(ticketId);
        var plain = TagPattern().Replace(subject, "").Trim();
        var re = plain.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? plain : "Re: " + plain;
        return $"{re} {tag}";
    }

    /// <summary>
    /// The message's text as agents read it: the plain-text part when there is one, otherwise the HTML turned into
    /// text. Markup is never kept as markup: tags are dropped, and a script's or style's source stays as inert text
    /// (the page shows text, never HTML).
    /// </summary>
    public static string TextOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.TextBody))
        {
            return Normalise(message.TextBody);
        }
        return message.HtmlBody is { } html ? HtmlToText(html) : "";
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr", "pre",
    };

    public static string HtmlToText(string html)
    {
        var text = new StringBuilder();
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        string? rawUntil = null;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when rawUntil is not null:
                    // Inside a script or style: its source is shown as text, tags included, until the element ends.
                    text.Append(tag.ToString());
                    if (tag.IsEndTag && tag.Name.Equals(rawUntil, StringComparison.OrdinalIgnoreCase))
                    {
                        rawUntil = null;
                    }
                    break;
                case HtmlTagToken tag when !tag.IsEndTag && tag.Name is "script" or "style":
                    rawUntil = tag.Name;
                    text.Append(tag.ToString());
                    break;
                case HtmlTagToken tag when BlockTags.Contains(tag.Name):
                    text.Append('\n');
                    break;
                case HtmlScriptDataToken script:
                    text.Append(script.Data);
                    break;
                case HtmlDataToken data:
                    text.Append(rawUntil is null ? System.Net.WebUtility.HtmlDecode(data.Data) : data.Data);
                    break;
            }
        }
        return Normalise(text.ToString());
    }

    private static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        var joined = string.Join('\n', lines);
        return MultipleBlankLines().Replace(joined, "\n\n").Trim();
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();

    /// <summary>
    /// The text a ticket entry keeps: the message's text cut to the ticket's limit (the full message stays as the
    /// original file, and the entry says it was shortened), or a line saying the message had no text.
    /// </summary>
    public static string EntryText(string text, string? subject)
    {
        const string shortened = "\n\n[…] (shortened: the full message is the original file of this entry · 内容过长已截断，完整内容见原始邮件)";
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.IsNullOrWhiteSpace(subject) ? "(no text · 无正文)" : subject.Trim();
        }
        return text.Length <= TicketRules.MaxBodyLength ? text : text[..(TicketRules.MaxBodyLength - shortened.Length)] + shortened;
    }

    /// <summary>A Message-ID without its angle brackets, as stored.</summary>
    public static string? Bare(string? messageId)
    {
        var bare = messageId?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(bare) ? null : bare.Length > MailRecord.MaxMessageIdLength ? bare[..MailRecord.MaxMessageIdLength] : bare;
    }

    /// <summary>The Message-IDs a message answers: its In-Reply-To, then its References from the newest back.</summary>
    public static IReadOnlyList<string> Answers(MimeMessage message)
    {
        var ids = new List<string>();
        if (Bare(message.InReplyTo) is { } inReplyTo)
        {
            ids.Add(inReplyTo);
        }
        ids.AddRange(message.References.Reverse().Select(Bare).OfType<string>().Where(id => !ids.Contains(id)));
        return ids;
    }
}
