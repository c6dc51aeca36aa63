using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;

namespace EcomOps.Domain.Service.Mail;

/// <summary>Mailbox passwords, protected with ASP.NET Core Data Protection (the keys the host keeps) before they are stored.</summary>
public sealed class MailSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("EcomOps.Service.Mail.MailboxPassword.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string stored) => _protector.Unprotect(stored);
}

/// <summary>Opens MailKit connections to a mailbox's servers, and names a failure the way the supervisor reads it.</summary>
public sealed class MailConnections(MailSecrets secrets)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<ImapClient> OpenImapAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mailbox.ImapHost, mailbox.ImapPort, Options(mailbox.ImapSecurity), ct);
            await client.AuthenticateAsync(mailbox.ImapUser, secrets.Unprotect(mailbox.ProtectedImapPassword), ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<SmtpClient> OpenSmtpAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mailbox.SmtpHost, mailbox.SmtpPort, Options(mailbox.SmtpSecurity), ct);
            if (!string.IsNullOrWhiteSpace(mailbox.SmtpUser) && mailbox.ProtectedSmtpPassword is { } stored)
            {
                await client.AuthenticateAsync(mailbox.SmtpUser, secrets.Unprotect(stored), ct);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Options(MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    /// <summary>The code and the server's own words for a failure (never a stack trace, never a password).</summary>
    public static (string Code, string Detail) Describe(Exception e)
    {
        var code = e switch
        {
            AuthenticationException => MailErrors.AuthenticationRefused,
            SocketException or TimeoutException or SslHandshakeException or OperationCanceledException => MailErrors.ServerUnreachable,
            IOException { InnerException: SocketException } => MailErrors.ServerUnreachable,
            FolderNotFoundException => MailErrors.FolderMissing,
            SmtpCommandException => MailErrors.SendRefused,
            _ => MailErrors.ProtocolFailed,
        };
        var detail = e.Message.ReplaceLineEndings(" ");
        return (code, detail.Length > Mailbox.MaxErrorLength ? detail[..Mailbox.MaxErrorLength] : detail);
    }
}
