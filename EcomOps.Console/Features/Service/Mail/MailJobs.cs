using EcomOps.Domain.Service.Mail;
using Hangfire;

namespace EcomOps.Console.Features.Service.Mail;

/// <summary>
/// Every minute: reads new mail of every active mailbox into the ticket queue. One mailbox's failure (a wrong password,
/// a server down) is recorded on that mailbox and the others still run. Two runs at once would file nothing twice (the
/// records' unique indexes), but one at a time saves the work: a run that finds another still going gives way.
/// </summary>
public sealed class MailFetchJob(MailFetcher fetcher, ILogger<MailFetchJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var result in await fetcher.FetchAllAsync(ct))
        {
            if (result.Error is not null)
            {
                logger.LogWarning("Mailbox {Mailbox}: fetch failed ({Error})", result.MailboxId, result.Error);
            }
            else if (result.Filed > 0)
            {
                logger.LogInformation("Mailbox {Mailbox}: {Filed} new messages filed", result.MailboxId, result.Filed);
            }
        }
    }
}

/// <summary>Every minute: sends the agents' e-mail replies that are due (new ones, and failed ones whose pause is over).</summary>
public sealed class MailSendJob(MailOutbox outbox, ILogger<MailSendJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken ct)
    {
        var sent = await outbox.SendDueAsync(ct: ct);
        if (sent > 0)
        {
            logger.LogInformation("E-mail replies: {Sent} sent", sent);
        }
    }
}
