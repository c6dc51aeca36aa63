using System.Diagnostics;
using System.Net;
using EcomOps.Bench.Shared;
using System.Net.Sockets;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Mail;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace EcomOps.Bench;

/// <summary>
/// Customer e-mail into tickets (issue 16): <c>messages</c> customer e-mails (each from its own sender, a tenth of them
/// with an HTML part) are delivered into a local smtp4dev over SMTP by several clients at once, untimed; then, per
/// repetition, a fresh database with the mailbox configured as a supervisor does reads them all through
/// <see cref="MailFetcher"/> (the mail-fetch job's path), timed. Afterwards every message must be recorded exactly once
/// and be one ticket. The baseline is the IMAP download alone (the same UID FETCH of the same messages, nothing filed).
/// </summary>
internal static class MailBench
{
    private const string Address = "support@shop.test";
    private const string User = "support";
    private const string Password = "support-pw";

    public static async Task<List<Figure>> RunAsync(string folder, int messages, int reps, int senders)
    {
        using var server = await Smtp4dev.StartAsync(folder);
        var loading = Stopwatch.StartNew();
        var sent = await LoadAsync(server, messages, senders);
        System.Console.WriteLine($"  {messages:#,0} messages delivered to smtp4dev in {loading.Elapsed.TotalSeconds:0.0} s ({senders} SMTP clients)");

        var download = new List<double>();
        var fetch = new List<double>();
        var problems = new List<double>();
        for (var rep = 0; rep < reps; rep++)
        {
            download.Add(messages / (await DownloadOnlyAsync(server, messages)).TotalSeconds);
            var (took, wrong) = await FetchIntoTicketsAsync(server, Path.Combine(folder, $"mail{rep}.db"), sent);
            fetch.Add(messages / took.TotalSeconds);
            problems.Add(wrong);
            System.Console.WriteLine($"  mail rep {rep + 1}: {fetch[^1]:0} messages/s into tickets ({took.TotalSeconds:0.0} s), IMAP download alone {download[^1]:0}/s, {wrong} lost or doubled");
        }
        return
        [
            new Figure("10. e-mail intake", $"{messages:#,0} messages fetched from smtp4dev (IMAP, loopback) into tickets", "messages/s", fetch,
                "IMAP download alone", download, "≥ 200 messages/s", Stats.Median(fetch) >= 200),
            new Figure("10. e-mail intake", "messages lost or doubled (records and tickets against what was sent)", "", problems,
                "", null, "none", problems.All(p => p == 0)),
        ];
    }

    /// <summary>Delivers the messages over SMTP, <paramref name="clients"/> connections at once; their Message-IDs.</summary>
    private static async Task<HashSet<string>> LoadAsync(Smtp4dev server, int messages, int clients)
    {
        var ids = Enumerable.Range(1, messages).Select(n => $"bench-{n:D6}@customer.test").ToArray();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(server.Host, server.SmtpPort, SecureSocketOptions.None);
            await smtp.AuthenticateAsync("outside-sender", "any");
            for (var n = client; n < messages; n += clients)
            {
                await smtp.SendAsync(Customer(n + 1, ids[n]));
            }
            await smtp.DisconnectAsync(true);
        }));
        // smtp4dev stores what it accepted in the background: wait until the mailbox shows all of it, while it grows.
        var (seen, progressed) = (-1, DateTime.UtcNow);
        while (true)
        {
            using var imap = await server.ImapAsync();
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            if (imap.Inbox.Count >= messages)
            {
                break;
            }
            (seen, progressed) = imap.Inbox.Count > seen ? (imap.Inbox.Count, DateTime.UtcNow) : (seen, progressed);
            if (DateTime.UtcNow - progressed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"smtp4dev holds {imap.Inbox.Count} of {messages} messages and has stopped taking more");
            }
            await Task.Delay(500);
        }
        return [.. ids];
    }

    private static MimeMessage Customer(int n, string messageId)
    {
        var message = new MimeMessage { Subject = $"订单 {n} 的发票 · Invoice for order {n}", MessageId = messageId, Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress($"客户 {n}", $"customer{n}@customer.test"));
        message.To.Add(MailboxAddress.Parse(Address));
        var text = $"您好，订单 B{n:D8} 的发票抬头需要改成公司名称，税号 91310000{n:D10}。谢谢！\nHello, please change the invoice title of order B{n:D8}.";
        if (n % 10 == 0)
        {
            message.Body = new BodyBuilder { TextBody = text, HtmlBody = $"<p>{WebUtility.HtmlEncode(text)}</p><script>alert({n})</script>" }.ToMessageBody();
        }
        else
        {
            message.Body = new TextPart("plain") { Text = text };
        }
        return message;
    }

    /// <summary>The IMAP part alone: the UIDs, then every message in UID FETCH commands of the fetcher's size.</summary>
    private static async Task<TimeSpan> DownloadOnlyAsync(Smtp4dev server, int messages)
    {
        var watch = Stopwatch.StartNew();
        using var imap = await server.ImapAsync();
        var inbox = (ImapFolder)imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var uids = await inbox.SearchAsync(MailKit.Search.SearchQuery.All);
        var bytes = 0L;
        foreach (var chunk in uids.Chunk(MailFetcher.Batch))
        {
            await inbox.GetStreamsAsync(chunk, async (_, _, _, stream, token) =>
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, token);
                bytes += copy.Length;
            });
        }
        if (uids.Count != messages)
        {
            throw new InvalidOperationException($"the mailbox holds {uids.Count} messages, not {messages}");
        }
        return watch.Elapsed;
    }

    /// <summary>A new database, the mailbox saved by a supervisor, one timed fetch; then what was lost or doubled.</summary>
    private static async Task<(TimeSpan Took, int Wrong)> FetchIntoTicketsAsync(Smtp4dev server, string database, HashSet<string> sent)
    {
        await using var provider = await DomainOnly.StartAsync(database);
        var dbFactory = provider.GetRequiredService<IDbContextFactory<OpsDb>>();
        var supervisor = new Actor("bench-supervisor", "Chen Jing", [Roles.CsSupervisor]);
        var saved = await provider.GetRequiredService<MailboxDesk>().SaveAsync(supervisor, null, 0, new MailboxForm
        {
            Name = "Support", Address = Address,
            ImapHost = server.Host, ImapPort = server.ImapPort, ImapSecurity = MailSecurity.None, ImapUser = User, ImapPassword = Password, Folder = "INBOX",
            SmtpHost = server.Host, SmtpPort = server.SmtpPort, SmtpSecurity = MailSecurity.None, SmtpUser = User, SmtpPassword = Password,
        });
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"the mailbox was refused: {string.Join(", ", saved.Errors)}");
        }

        var watch = Stopwatch.StartNew();
        var result = await provider.GetRequiredService<MailFetcher>().FetchAsync(saved.Value);
        var took = watch.Elapsed;
        if (result.Error is not null)
        {
            throw new InvalidOperationException($"the fetch failed: {result.Error}");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var recorded = await db.Set<MailRecord>().AsNoTracking().Select(r => new { r.MessageId, r.TicketId, r.Outcome }).ToListAsync();
        var tickets = await db.Tickets.CountAsync();
        var doubled = recorded.Count - recorded.Select(r => r.MessageId).Distinct().Count();
        var filed = recorded.Where(r => r.TicketId != null && r.Outcome == MailOutcome.NewTicket).Select(r => r.MessageId).ToHashSet();
        var lost = sent.Count(id => !filed.Contains(id));
        var wrong = doubled + lost + Math.Abs(tickets - sent.Count);
        if (wrong > 0)
        {
            System.Console.WriteLine($"    {recorded.Count:#,0} records, {doubled} doubled, {lost} without their ticket, {tickets:#,0} tickets for {sent.Count:#,0} messages");
        }
        return (took, wrong);
    }

    /// <summary>smtp4dev of the repository's tool manifest on free loopback ports, in memory, with one support mailbox.</summary>
    private sealed class Smtp4dev : IDisposable
    {
        private readonly Process _process;

        private Smtp4dev(Process process, int smtp, int imap) => (_process, SmtpPort, ImapPort) = (process, smtp, imap);

        public string Host => "127.0.0.1";
        public int SmtpPort { get; }
        public int ImapPort { get; }

        public static async Task<Smtp4dev> StartAsync(string folder)
        {
            var (smtp, imap, web) = (FreePort(), FreePort(), FreePort());
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{web}", $"--smtpport={smtp}", $"--imapport={imap}", "--pop3port=", "--db=",
                $"--baseappdatapath={Directory.CreateDirectory(Path.Combine(folder, "smtp4dev")).FullName}", "--nousersettings", "--hostname=localhost",
                "--authenticationrequired", "--smtpallowanycredentials", "--messagestokeep=100000", "--bindaddress=127.0.0.1", $"--mailbox=Support={Address}",
            })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["ServerOptions__Users__0__Username"] = User;
            start.Environment["ServerOptions__Users__0__Password"] = Password;
            start.Environment["ServerOptions__Users__0__DefaultMailbox"] = "Support";
            start.Environment["ServerOptions__DeliverMessagesToUsersDefaultMailbox"] = "false";
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet tool run smtp4dev' (run 'dotnet tool restore')");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new Smtp4dev(process, smtp, imap);
            var until = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                try
                {
                    (await server.ImapAsync()).Dispose();
                    return server;
                }
                catch (Exception e) when ((e is SocketException or IOException or ProtocolException) && DateTime.UtcNow < until && !process.HasExited)
                {
                    await Task.Delay(300);
                }
            }
        }

        public async Task<ImapClient> ImapAsync()
        {
            var imap = new ImapClient();
            await imap.ConnectAsync(Host, ImapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync(User, Password);
            return imap;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
