using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Mail;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EcomOps.Tests.Service.Mail;

/// <summary>The Domain on real SQLite with mailboxes on the shared real mail server.</summary>
public sealed class MailWorld : IAsyncDisposable
{
    public static readonly Actor Supervisor = new("sup", "Chen Jing", [Roles.CsSupervisor]);
    public static readonly Actor Agent = new("agent", "Li Na", [Roles.CsAgent]);

    private MailWorld(DomainHarness harness, MailServer server) => (Harness, Server) = (harness, server);

    public DomainHarness Harness { get; }
    public MailServer Server { get; }

    public MailFetcher Fetcher => Harness.Get<MailFetcher>();
    public MailboxDesk Mailboxes => Harness.Get<MailboxDesk>();
    public TicketDesk Desk => Harness.Get<TicketDesk>();
    public MailOutbox Outbox => Harness.Get<MailOutbox>();

    public static async Task<MailWorld> StartAsync(MailServer server, MailSettings? settings = null)
    {
        var harness = await DomainHarness.StartAsync(services =>
        {
            if (settings is not null)
            {
                services.AddSingleton(settings);
            }
        });
        return new MailWorld(harness, server);
    }

    public MailboxForm FormFor(MailServer.Box box, string? password = null) => new()
    {
        Name = "Support " + box.User,
        Address = box.Address,
        ImapHost = Server.Host,
        ImapPort = Server.ImapPort,
        ImapSecurity = MailSecurity.None,
        ImapUser = box.User,
        ImapPassword = password ?? box.Password,
        Folder = "INBOX",
        SmtpHost = Server.Host,
        SmtpPort = Server.SmtpPort,
        SmtpSecurity = MailSecurity.None,
        SmtpUser = box.User,
        SmtpPassword = box.Password,
    };

    /// <summary>A mailbox of its own on the server, configured in the console; its id.</summary>
    public async Task<(int Id, MailServer.Box Box)> AddMailboxAsync(string? password = null)
    {
        var box = Server.Lease();
        var saved = await Mailboxes.SaveAsync(Supervisor, null, 0, FormFor(box, password));
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors));
        return (saved.Value, box);
    }

    public static MimeMessage Customer(string to, string subject, string text, string from = "wang.fang@customer.test", string name = "Wang Fang")
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        message.From.Add(new MailboxAddress(name, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    public async Task<List<Ticket>> TicketsAsync()
    {
        await using var db = Harness.NewDb();
        return await db.Tickets.AsNoTracking().Include(t => t.Entries).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<List<MailRecord>> RecordsAsync()
    {
        await using var db = Harness.NewDb();
        return await db.Set<MailRecord>().AsNoTracking().Include(r => r.Attachments).OrderBy(r => r.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
}
