using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Mail;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EcomOps.Tests.Service.Mail;

/// <summary>Replies and notifications leaving through a real SMTP server (or the development SMS gateway).</summary>
[Collection(MailServerCollection.Name)]
public sealed class MailSendTests(MailServer server)
{
    private static async Task<Ticket> EmailTicketAsync(MailWorld world, int mailboxId, MailServer.Box box, string from)
    {
        await world.Server.SendAsync(MailWorld.Customer(box.Address, "Invoice needed", "Please send an invoice.", from: from));
        await world.Fetcher.FetchAsync(mailboxId);
        return (await world.TicketsAsync()).Single(t => t.CustomerContact == from);
    }

    [SkippableFact]
    public async Task A_reply_the_server_refuses_stays_not_sent_with_the_reason_and_is_retried_later_until_it_goes_out()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var ticket = await EmailTicketAsync(world, id, box, "zhao.lei@customer.test");
        // The SMTP server is down: the mailbox points at a port nothing listens on.
        var form = world.FormFor(box);
        form.SmtpPort = ClosedPort();
        var version = (await world.Mailboxes.ListAsync(MailWorld.Supervisor)).Single().Version;
        Assert.True((await world.Mailboxes.SaveAsync(MailWorld.Supervisor, id, version, form)).Succeeded);
        Assert.True((await world.Desk.ReplyAsync(MailWorld.Agent, ticket.Id, "Invoice attached tomorrow.", ticket.Version)).Succeeded);

        Assert.Equal(0, await world.Outbox.SendDueAsync());
        var failed = Assert.Single((await world.Outbox.StatesAsync(ticket.Id)).Values);
        Assert.Equal((MailSendStatus.Pending, 1, (DateTime?)null), (failed.Status, failed.Attempts, failed.SentAtUtc));
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(world.Harness.Clock.GetUtcNow().UtcDateTime + MailOutbox.BackOff(1), failed.NextAttemptUtc);
        Assert.Equal(0, await world.Outbox.SendDueAsync()); // not before its next attempt

        version = (await world.Mailboxes.ListAsync(MailWorld.Supervisor)).Single().Version;
        Assert.True((await world.Mailboxes.SaveAsync(MailWorld.Supervisor, id, version, world.FormFor(box))).Succeeded);
        world.Harness.Clock.Advance(MailOutbox.BackOff(1));
        Assert.Equal(1, await world.Outbox.SendDueAsync());

        var sent = Assert.Single((await world.Outbox.StatesAsync(ticket.Id)).Values);
        Assert.Equal((MailSendStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        var received = Assert.Single(await server.ReceivedByAsync("zhao.lei@customer.test"));
        Assert.StartsWith("Invoice attached tomorrow.", received.TextBody);
        Assert.Contains(MailRules.Tag(ticket.Id), received.TextBody);
    }

    [SkippableFact]
    public async Task A_reply_that_keeps_failing_is_given_up_after_the_last_attempt_and_never_shown_as_sent()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var ticket = await EmailTicketAsync(world, id, box, "sun.li@customer.test");
        var form = world.FormFor(box);
        form.SmtpPort = ClosedPort();
        var version = (await world.Mailboxes.ListAsync(MailWorld.Supervisor)).Single().Version;
        await world.Mailboxes.SaveAsync(MailWorld.Supervisor, id, version, form);
        await world.Desk.ReplyAsync(MailWorld.Agent, ticket.Id, "We are checking.", ticket.Version);

        for (var attempt = 1; attempt <= MailOutgoing.MaxAttempts; attempt++)
        {
            await world.Outbox.SendDueAsync();
            world.Harness.Clock.Advance(TimeSpan.FromHours(1));
        }

        var state = Assert.Single((await world.Outbox.StatesAsync(ticket.Id)).Values);
        Assert.Equal((MailSendStatus.Failed, MailOutgoing.MaxAttempts, (DateTime?)null), (state.Status, state.Attempts, state.SentAtUtc));
        Assert.Equal(0, await world.Outbox.SendDueAsync());
    }

    [SkippableFact]
    public async Task Customer_notices_go_by_email_through_the_mailbox_and_by_the_development_sms_gateway_to_a_phone()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        await world.AddMailboxAsync();
        await using (var db = world.Harness.NewDb())
        {
            db.OutboxMessages.AddRange(
                new OutboxMessage { Kind = NotificationKind.Shipped, Language = "en", Recipient = "qian.yu@customer.test", Text = "[EcomOps] Your order 88 has shipped.", CreatedAtUtc = DateTime.UtcNow },
                new OutboxMessage { Kind = NotificationKind.Shipped, Language = "zh-Hans", Recipient = "13900001111", Text = "【EcomOps】您的订单 89 已发货。", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await world.Harness.Get<OrderOutbox>().DeliverPendingAsync());

        var mail = Assert.Single(await server.ReceivedByAsync("qian.yu@customer.test"));
        Assert.Equal("[EcomOps] Your order 88 has shipped.", mail.TextBody?.Trim());
        var sms = Assert.Single(await world.Harness.Get<DevelopmentSmsGateway>().RecordedForAsync("13900001111"));
        Assert.Equal("【EcomOps】您的订单 89 已发货。", sms.Text);
    }

    [SkippableFact]
    public async Task An_email_notice_without_any_mailbox_is_not_marked_delivered()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        await using (var db = world.Harness.NewDb())
        {
            db.OutboxMessages.Add(new OutboxMessage { Kind = NotificationKind.Accepted, Language = "en", Recipient = "nobox@customer.test", Text = "Confirmed.", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await world.Harness.Get<OrderOutbox>().DeliverPendingAsync());

        await using var read = world.Harness.NewDb();
        var message = await read.OutboxMessages.SingleAsync();
        Assert.Equal(DeliveryStatus.Pending, message.Status);
        Assert.Contains("No active mailbox", message.LastError);
    }

    [SkippableFact]
    public async Task A_fifty_megabyte_attachment_is_not_stored_but_its_message_still_becomes_a_ticket_and_says_so()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, _) = await world.AddMailboxAsync();
        await using var db = world.Harness.NewDb();
        var mailbox = await db.Set<Mailbox>().AsNoTracking().SingleAsync(m => m.Id == id);
        var builder = new BodyBuilder { TextBody = "The whole unboxing video." };
        builder.Attachments.Add("unboxing.mov", new byte[50 * 1024 * 1024], new ContentType("video", "quicktime"));
        var message = MailWorld.Customer(mailbox.Address, "Video of the problem", "");
        message.Body = builder.ToMessageBody();
        using var raw = new MemoryStream();
        await message.WriteToAsync(raw);

        var filed = await world.Harness.Get<MailIntake>().FileAsync(mailbox, 1, 1, raw.ToArray());

        Assert.Equal(MailOutcome.NewTicket, filed.Outcome);
        var ticket = Assert.Single(await world.TicketsAsync());
        Assert.Contains("unboxing.mov (50.0 MB)", ticket.Entries.Single(e => e.Kind == ThreadEntryKind.InternalNote).Body);
        var record = Assert.Single(await world.RecordsAsync());
        Assert.Null(Assert.Single(record.Attachments).Hash);
        Assert.Null(record.OriginalHash); // over the original-file limit too: the text and the note are what is kept
        Assert.Equal(0, await db.Set<MailFile>().CountAsync());
    }

    [SkippableFact]
    public async Task Bytes_that_are_not_a_message_are_kept_in_the_could_not_read_list_with_the_reason()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, _) = await world.AddMailboxAsync();
        await using var db = world.Harness.NewDb();
        var mailbox = await db.Set<Mailbox>().AsNoTracking().SingleAsync(m => m.Id == id);

        var filed = await world.Harness.Get<MailIntake>().FileAsync(mailbox, 1, 7, [0xFF, 0xFE, 0x00, 0x01, 0x02]);
        var again = await world.Harness.Get<MailIntake>().FileAsync(mailbox, 1, 7, [0xFF, 0xFE, 0x00, 0x01, 0x02]);

        Assert.Equal((MailOutcome.Unreadable, false), (filed.Outcome, filed.AlreadyProcessed));
        Assert.True(again.AlreadyProcessed);
        var unreadable = Assert.Single(await world.Mailboxes.UnreadableAsync(MailWorld.Supervisor));
        Assert.Equal(MailErrors.NotAMessage, unreadable.Reason);
        Assert.Equal(new byte[] { 0xFF, 0xFE, 0x00, 0x01, 0x02 }, (await world.Mailboxes.DownloadAsync(MailWorld.Supervisor, unreadable.OriginalHash!))!.Value.Content);
    }

    [SkippableFact]
    public async Task Mailbox_passwords_are_stored_protected_and_an_empty_password_on_edit_keeps_the_stored_one()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var form = world.FormFor(box);
        form.ImapPassword = "";
        form.SmtpPassword = null;
        form.Name = "Renamed";
        var version = (await world.Mailboxes.ListAsync(MailWorld.Supervisor)).Single().Version;

        Assert.True((await world.Mailboxes.SaveAsync(MailWorld.Supervisor, id, version, form)).Succeeded);
        var stale = await world.Mailboxes.SaveAsync(MailWorld.Supervisor, id, version, form);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        await using var db = world.Harness.NewDb();
        var stored = await db.Set<Mailbox>().AsNoTracking().SingleAsync();
        Assert.DoesNotContain(box.Password, stored.ProtectedImapPassword);
        Assert.Null((await world.Mailboxes.FormAsync(MailWorld.Supervisor, id))!.ImapPassword);
        Assert.True((await world.Mailboxes.TestAsync(MailWorld.Supervisor, id, form)).Succeeded);
        Assert.Equal(MailErrors.AuthenticationRefused, (await world.Mailboxes.TestAsync(MailWorld.Supervisor, id, world.FormFor(box, "wrong"))).ImapError);
        Assert.Equal(Actor.NotPermitted.Code, (await world.Mailboxes.SaveAsync(MailWorld.Agent, id, stored.Version, form)).Errors.Single().Code);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
