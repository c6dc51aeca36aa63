using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace EcomOps.Tests.Support;

/// <summary>
/// A real mail server (the smtp4dev dotnet tool of the repository's tool manifest) on free loopback ports with an
/// in-memory store, shared by the mail tests and stopped at the end. It serves SMTP (any sign-in accepted) and IMAP
/// (a password per mailbox, a wrong one refused). Each test leases mailboxes of its own (<see cref="Lease"/>), so tests
/// never read each other's messages; everything addressed elsewhere (the customers the console writes to) lands in the
/// catch-all mailbox that <see cref="CustomerUser"/> reads. Without the tool the tests skip with the reason, except
/// under <c>CI=true</c>, where they fail.
/// </summary>
public sealed class MailServer : IAsyncLifetime
{
    public const int MailboxCount = 40;
    public const string CustomerUser = "customers";
    public const string CustomerPassword = "customers-pw";

    private Process? _process;
    private int _leased;
    private readonly TempFolder _folder = new();
    private readonly System.Text.StringBuilder _log = new();

    public string Host => "127.0.0.1";
    public int SmtpPort { get; private set; }
    public int ImapPort { get; private set; }

    /// <summary>Why there is no server; null when it runs.</summary>
    public string? Missing { get; private set; }

    /// <summary>A mailbox nobody else uses: its address, IMAP user and password.</summary>
    public sealed record Box(string Address, string User, string Password);

    public Box Lease()
    {
        var n = Interlocked.Increment(ref _leased);
        if (n > MailboxCount)
        {
            throw new InvalidOperationException($"More than {MailboxCount} mailboxes leased: raise MailServer.MailboxCount.");
        }
        return new Box($"box{n}@shop.test", $"box{n}", $"pw-{n}");
    }

    /// <summary>Skips the calling <c>[SkippableFact]</c> when there is no server, or fails it under CI.</summary>
    public void Require()
    {
        if (Missing is null)
        {
            return;
        }
        if (Browser.BrowserHost.UnderCi)
        {
            throw new InvalidOperationException($"CI=true and the mail server did not start: {Missing}");
        }
        Skip.If(true, Missing);
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            Missing = "the repository's dotnet-tools.json was not found above the test output";
            return;
        }
        (SmtpPort, ImapPort) = (FreePort(), FreePort());
        var web = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "tool", "run", "smtp4dev", "--",
            $"--urls=http://127.0.0.1:{web}", $"--smtpport={SmtpPort}", $"--imapport={ImapPort}", "--pop3port=",
            "--db=", $"--baseappdatapath={_folder.Path}", "--nousersettings", "--hostname=localhost",
            "--authenticationrequired", "--smtpallowanycredentials", "--messagestokeep=20000", "--bindaddress=127.0.0.1",
        })
        {
            start.ArgumentList.Add(arg);
        }
        for (var n = 1; n <= MailboxCount; n++)
        {
            start.ArgumentList.Add($"--mailbox=Box{n}=box{n}@shop.test");
            start.Environment[$"ServerOptions__Users__{n - 1}__Username"] = $"box{n}";
            start.Environment[$"ServerOptions__Users__{n - 1}__Password"] = $"pw-{n}";
            start.Environment[$"ServerOptions__Users__{n - 1}__DefaultMailbox"] = $"Box{n}";
        }
        start.Environment[$"ServerOptions__Users__{MailboxCount}__Username"] = CustomerUser;
        start.Environment[$"ServerOptions__Users__{MailboxCount}__Password"] = CustomerPassword;
        start.Environment[$"ServerOptions__Users__{MailboxCount}__DefaultMailbox"] = "Default";
        start.Environment["ServerOptions__DeliverMessagesToUsersDefaultMailbox"] = "false";
        try
        {
            _process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Missing = $"could not start 'dotnet tool run smtp4dev': {e.Message}";
            return;
        }
        if (_process is null)
        {
            Missing = "could not start 'dotnet tool run smtp4dev'";
            return;
        }
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!await AnswersAsync(TimeSpan.FromSeconds(90)))
        {
            string log;
            lock (_log)
            {
                log = _log.ToString();
            }
            Missing = "smtp4dev did not answer on SMTP and IMAP within 90 s (run 'dotnet tool restore' in the repository): "
                + (log.Length > 1500 ? log[^1500..] : log);
            await DisposeAsync();
        }
    }

    private async Task<bool> AnswersAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until && _process is { HasExited: false })
        {
            try
            {
                using var smtp = new SmtpClient();
                await smtp.ConnectAsync(Host, SmtpPort, SecureSocketOptions.None);
                await smtp.DisconnectAsync(true);
                using var imap = new ImapClient();
                await imap.ConnectAsync(Host, ImapPort, SecureSocketOptions.None);
                await imap.DisconnectAsync(true);
                return true;
            }
            catch (Exception e) when (e is SocketException or IOException or ProtocolException)
            {
                await Task.Delay(300);
            }
        }
        return false;
    }

    /// <summary>Sends a message as an outside sender would (a customer's mail program).</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Host, SmtpPort, SecureSocketOptions.None);
        // The server takes any SMTP sign-in (it stands for the sender's own provider) but wants one.
        await smtp.AuthenticateAsync("outside-sender", "any");
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>The messages of a mailbox, as its owner's mail program reads them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReadAsync(string user, string password)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(Host, ImapPort, SecureSocketOptions.None);
        await imap.AuthenticateAsync(user, password);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.All))
        {
            messages.Add(await imap.Inbox.GetMessageAsync(uid));
        }
        await imap.DisconnectAsync(true);
        return messages;
    }

    /// <summary>What reached the customers' catch-all mailbox for one address, waiting a little for it to arrive.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReceivedByAsync(string address, int atLeast = 1, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var all = await ReadAsync(CustomerUser, CustomerPassword);
            var mine = all.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
            if (mine.Count >= atLeast || DateTime.UtcNow > until)
            {
                return mine;
            }
            await Task.Delay(200);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")) && File.Exists(Path.Combine(dir.FullName, "EcomOps.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}

/// <summary>The mail tests share one server (it takes seconds to start) and run one class after another.</summary>
[CollectionDefinition(Name)]
public sealed class MailServerCollection : ICollectionFixture<MailServer>
{
    public const string Name = "Mail server";
}
