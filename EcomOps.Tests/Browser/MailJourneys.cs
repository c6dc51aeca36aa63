using System.Diagnostics;
using EcomOps.Console.Jobs;
using EcomOps.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// The console and a real mail server (smtp4dev) of its own: the mail tests' shared server belongs to another collection,
/// and the journeys run one class after another, so this one starts its server before its console.
/// </summary>
public sealed class MailBrowserHost : BrowserHost, IAsyncLifetime
{
    public MailServer Mail { get; } = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Mail.InitializeAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Mail.DisposeAsync();
    }
}

/// <summary>A customer's e-mail from the mail server to the agent's live queue, the answer back, and the customer's answer.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class MailJourneys(MailBrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<MailBrowserHost>
{
    private static ILocator Input(IPage page, string testId) => page.Locator($"[data-testid={testId}]").Locator("xpath=self::input | .//input").First;

    private void RunJob(string id) => ((IRecurringJobManagerV2)Host.Services.GetRequiredService<IRecurringJobManager>()).TriggerJob(id);

    [SkippableFact]
    public async Task A_customer_email_reaches_the_live_queue_the_agent_answers_by_mail_and_the_customers_reply_reopens_the_ticket()
    {
        var mail = host.Mail;
        mail.Require();
        var box = mail.Lease();
        const string customer = "zhou.min@customer.test";
        const string subject = "发票抬头写错了 · Wrong invoice title";

        // The CS supervisor adds the support mailbox on the Mailboxes page, as for the company's own server.
        var supervisor = await NewPageAsync();
        await SignInAsync(supervisor, "cssupervisor@ecomops.local");
        await supervisor.GotoAsync("service/mailboxes");
        await WaitForCircuitAsync(supervisor);
        await supervisor.Locator("[data-testid=mailboxes-add]").ClickAsync();
        await Input(supervisor, "mailbox-name").FillAsync("Support");
        await Input(supervisor, "mailbox-address").FillAsync(box.Address);
        await Input(supervisor, "mailbox-imap-host").FillAsync(mail.Host);
        await Input(supervisor, "mailbox-imap-port").FillAsync(mail.ImapPort.ToString());
        await Input(supervisor, "mailbox-imap-user").FillAsync(box.User);
        await Input(supervisor, "mailbox-imap-password").FillAsync(box.Password);
        await Input(supervisor, "mailbox-smtp-host").FillAsync(mail.Host);
        await Input(supervisor, "mailbox-smtp-port").FillAsync(mail.SmtpPort.ToString());
        await Input(supervisor, "mailbox-smtp-user").FillAsync(box.User);
        await Input(supervisor, "mailbox-smtp-password").FillAsync(box.Password);
        foreach (var security in new[] { "mailbox-imap-security", "mailbox-smtp-security" })
        {
            await supervisor.Locator($"[data-testid={security}]").ClickAsync();
            await supervisor.Locator(".mud-popover-open .mud-list-item").GetByText("None (this machine only)").ClickAsync();
        }
        await supervisor.Locator("[data-testid=mailbox-save]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=mailboxes-table]")).ToContainTextAsync(box.Address);

        var agent = await NewPageAsync();
        await SignInAsync(agent, "agent@ecomops.local");
        await agent.GotoAsync("service/queue");
        await WaitForCircuitAsync(agent);

        // The customer writes; the minute's fetch (triggered now instead of waited for) files it, and the open queue shows it.
        var first = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        first.From.Add(new MailboxAddress("周敏", customer));
        first.To.Add(MailboxAddress.Parse(box.Address));
        first.Body = new TextPart("plain") { Text = "您好，我的发票抬头写错了，请帮我改成公司名称。" };
        await mail.SendAsync(first);
        var clock = Stopwatch.StartNew();
        RunJob(RecurringJobs.MailFetch);
        var row = agent.Locator("a[data-testid^=queue-row-]", new() { HasText = subject });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Output.WriteLine($"in the agent's queue {clock.ElapsedMilliseconds} ms after the fetch was started");

        // The agent opens it and answers with a standard answer.
        await row.ClickAsync();
        await agent.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/service/tickets/", StringComparison.Ordinal), BrowserJourney.Committed);
        await WaitForCircuitAsync(agent);
        await Expect(agent.Locator("[data-testid=entry-CustomerMessage]")).ToContainTextAsync("发票抬头");
        var compose = agent.Locator("textarea[data-testid=ticket-compose]");
        await agent.Locator("[data-testid=answer-suggestions] [data-testid^=answer-insert-]").First.ClickAsync();
        await Expect(compose).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("周敏"));
        var answer = await compose.InputValueAsync();
        await agent.Locator("[data-testid=ticket-reply]").ClickAsync();
        await Expect(agent.Locator("[data-testid=entry-PublicReply]")).ToHaveCountAsync(1);
        await Expect(agent.Locator("[data-testid=ticket-status]")).ToHaveTextAsync("Pending customer");
        await Expect(agent.Locator("[data-testid=sla-FirstResponse]")).ToHaveAttributeAsync("data-state", "Met");

        // The minute's send job delivers it; the entry says so only once the server took it.
        RunJob(RecurringJobs.MailSend);
        var received = await mail.ReceivedByAsync(customer, within: TimeSpan.FromSeconds(30));
        var reply = Assert.Single(received);
        Assert.Equal(first.MessageId, reply.InReplyTo);
        Assert.Contains(box.Address, reply.From.Mailboxes.Select(m => m.Address));
        Assert.Contains(answer.Trim().Split('\n')[0].Trim(), reply.TextBody, StringComparison.Ordinal);
        await Expect(agent.Locator("[data-testid=email-sent]")).ToBeVisibleAsync();

        // The customer answers the reply: the ticket is open again and its reply clock runs anew, on the open page.
        var second = new MimeMessage { Subject = "Re: " + reply.Subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test"), InReplyTo = reply.MessageId };
        second.References.Add(first.MessageId!);
        second.References.Add(reply.MessageId!);
        second.From.Add(new MailboxAddress("周敏", customer));
        second.To.Add(MailboxAddress.Parse(box.Address));
        second.Body = new TextPart("plain") { Text = "抬头改成“上海某某贸易有限公司”，谢谢。" };
        await mail.SendAsync(second);
        RunJob(RecurringJobs.MailFetch);
        await Expect(agent.Locator("[data-testid=entry-CustomerMessage]")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Expect(agent.Locator("[data-testid=ticket-status]")).ToHaveTextAsync("Open");
        await Expect(agent.Locator("[data-testid=sla-NextReply]")).ToHaveAttributeAsync("data-state", "Active");
        await Expect(agent.Locator("[data-testid=sla-NextReply] [data-testid=sla-countdown]")).Not.ToHaveAttributeAsync("data-badge", "Met");
        Assert.Empty(BrowserErrors);
    }
}
