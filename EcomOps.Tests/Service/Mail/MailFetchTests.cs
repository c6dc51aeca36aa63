using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Mail;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EcomOps.Tests.Service.Mail;

/// <summary>Customer e-mail read from a real IMAP server into tickets, on real SQLite.</summary>
[Collection(MailServerCollection.Name)]
[Trait("Engines", "Both")]
public sealed class MailFetchTests(MailServer server)
{
    [SkippableFact]
    public async Task A_customer_email_becomes_an_email_ticket_with_sender_subject_text_and_original()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        await server.SendAsync(MailWorld.Customer(box.Address, "Parcel not moving", "My parcel has not moved for three days.\nOrder 12345."));

        var result = Assert.Single(await world.Fetcher.FetchAllAsync());

        Assert.Equal((id, 1, 1, (string?)null), (result.MailboxId, result.Read, result.Filed, result.Error));
        var ticket = Assert.Single(await world.TicketsAsync());
        Assert.Equal((TicketChannel.Email, "Wang Fang", "wang.fang@customer.test", "Parcel not moving"), (ticket.Channel, ticket.CustomerName, ticket.CustomerContact, ticket.Subject));
        Assert.Equal("My parcel has not moved for three days.\nOrder 12345.", Assert.Single(ticket.Entries).Body);
        Assert.NotNull(ticket.FirstResponseDueUtc);
        var record = Assert.Single(await world.RecordsAsync());
        Assert.Equal((MailOutcome.NewTicket, ticket.Id, ticket.Entries[0].Id), (record.Outcome, record.TicketId, record.TicketEntryId));
        var original = await world.Mailboxes.DownloadAsync(MailWorld.Agent, record.OriginalHash!);
        Assert.Contains("Parcel not moving", System.Text.Encoding.UTF8.GetString(original!.Value.Content));
        var listed = Assert.Single(await world.Mailboxes.ListAsync(MailWorld.Supervisor));
        Assert.Equal((1, (string?)null), (listed.LastFetchCount, listed.LastFetchError));
    }

    [SkippableFact]
    public async Task Each_message_is_filed_once_across_a_restart_that_lost_the_fetch_position_and_two_fetches_at_once()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        for (var n = 1; n <= 12; n++)
        {
            await server.SendAsync(MailWorld.Customer(box.Address, $"Question {n}", $"Question number {n}", from: $"c{n}@customer.test"));
        }

        var together = await Task.WhenAll(world.Fetcher.FetchAsync(id), world.Fetcher.FetchAsync(id), world.Fetcher.FetchAsync(id));
        // A restart after filing but before the position was saved: the next fetch reads everything again.
        await using (var db = world.Harness.NewDb())
        {
            await db.Set<Mailbox>().Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.LastUid, 0L).SetProperty(m => m.UidValidity, (long?)null));
        }
        var again = await world.Fetcher.FetchAsync(id);

        Assert.All(together, r => Assert.Null(r.Error));
        Assert.Equal(12, together.Sum(r => r.Filed));
        Assert.Equal((12, 0), (again.Read, again.Filed));
        var tickets = await world.TicketsAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"Question {n}").Order(), tickets.Select(t => t.Subject).Order());
        Assert.Equal(12, (await world.RecordsAsync()).Count);
    }

    [SkippableFact]
    public async Task A_reply_to_the_consoles_reply_and_a_reply_to_that_reply_join_the_ticket_and_reopen_it_with_its_clock_restarted()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var first = MailWorld.Customer(box.Address, "Wrong size", "I got size M, I ordered L.");
        await server.SendAsync(first);
        await world.Fetcher.FetchAsync(id);
        var ticket = Assert.Single(await world.TicketsAsync());
        var replied = await world.Desk.ReplyAsync(MailWorld.Agent, ticket.Id, "Sorry! Please send it back, we ship L today.", ticket.Version, TicketStatus.Solved);
        Assert.True(replied.Succeeded);
        Assert.Equal(1, await world.Outbox.SendDueAsync());
        var sentReply = Assert.Single(await server.ReceivedByAsync("wang.fang@customer.test", within: TimeSpan.FromSeconds(10)), m => m.Subject!.Contains(MailRules.Tag(ticket.Id)));
        Assert.Equal(first.MessageId, sentReply.InReplyTo);
        Assert.Equal(box.Address, sentReply.From.Mailboxes.Single().Address);

        world.Harness.Clock.Advance(TimeSpan.FromHours(2));
        var answer = MailWorld.Customer(box.Address, "Re: Wrong size", "Thanks, sent back.");
        answer.InReplyTo = sentReply.MessageId;
        answer.References.Add(first.MessageId!);
        answer.References.Add(sentReply.MessageId!);
        await server.SendAsync(answer);
        await world.Fetcher.FetchAsync(id);
        var reopened = Assert.Single(await world.TicketsAsync());
        var answerAt = world.Harness.Clock.GetUtcNow().UtcDateTime;

        var again = MailWorld.Customer(box.Address, "Re: Re: Wrong size", "And the tracking number is SF123.");
        again.InReplyTo = answer.MessageId; // a reply to the customer's own reply: threaded by the message received before
        await server.SendAsync(again);
        await world.Fetcher.FetchAsync(id);

        Assert.Equal(TicketStatus.Open, reopened.Status);
        Assert.True(reopened.NextReplyDueUtc > answerAt, "the reply clock restarts at the customer's answer");
        var entries = Assert.Single(await world.TicketsAsync()).Entries.OrderBy(e => e.Id).Select(e => (e.Kind, e.Body)).ToList();
        Assert.Equal(
            [(ThreadEntryKind.CustomerMessage, "I got size M, I ordered L."), (ThreadEntryKind.PublicReply, "Sorry! Please send it back, we ship L today."),
             (ThreadEntryKind.CustomerMessage, "Thanks, sent back."), (ThreadEntryKind.CustomerMessage, "And the tracking number is SF123.")],
            entries);
    }

    [SkippableFact]
    public async Task A_ticket_tag_joins_only_from_the_tickets_customer_and_a_forged_or_missing_one_opens_a_new_ticket()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        await server.SendAsync(MailWorld.Customer(box.Address, "Refund please", "Refund order 77."));
        await world.Fetcher.FetchAsync(id);
        var ticket = Assert.Single(await world.TicketsAsync());
        var tag = MailRules.Tag(ticket.Id);

        await server.SendAsync(MailWorld.Customer(box.Address, $"Fwd: Refund please {tag}", "Forwarded: refund order 77 to me instead.", from: "mallory@elsewhere.test", name: "Mallory"));
        await server.SendAsync(MailWorld.Customer(box.Address, $"More about my refund {tag}", "Any news?"));
        await server.SendAsync(MailWorld.Customer(box.Address, "Another question", "Do you ship to Macau?"));
        await world.Fetcher.FetchAsync(id);

        var tickets = await world.TicketsAsync();
        Assert.Equal(3, tickets.Count);
        Assert.Equal(["Refund order 77.", "Any news?"], tickets[0].Entries.OrderBy(e => e.Id).Select(e => e.Body));
        Assert.Equal(("mallory@elsewhere.test", $"Fwd: Refund please {tag}"), (tickets[1].CustomerContact, tickets[1].Subject));
        Assert.Equal("Another question", tickets[2].Subject);
    }

    [SkippableFact]
    public async Task Auto_replies_bounces_and_the_consoles_own_messages_open_no_ticket()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var outOfOffice = MailWorld.Customer(box.Address, "Out of office", "I am away until Monday.");
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        var newsletter = MailWorld.Customer(box.Address, "Our weekly deals", "Deals!", from: "news@shop-news.test");
        newsletter.Headers.Add("Precedence", "bulk");
        var bounce = new MimeMessage { Subject = "Undelivered Mail Returned to Sender" };
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.customer.test"));
        bounce.To.Add(MailboxAddress.Parse(box.Address));
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed." } };
        report.Add(new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx\r\n"u8.ToArray())) });
        bounce.Body = report;
        var own = MailWorld.Customer(box.Address, "Copy of our reply", "a copy", from: box.Address, name: "Support");
        foreach (var message in new[] { outOfOffice, newsletter, bounce, own })
        {
            await server.SendAsync(message);
        }

        await world.Fetcher.FetchAsync(id);

        Assert.Empty(await world.TicketsAsync());
        Assert.Equal([MailOutcome.AutoReply, MailOutcome.AutoReply, MailOutcome.Bounce, MailOutcome.Own], (await world.RecordsAsync()).Select(r => r.Outcome));
    }

    [SkippableFact]
    public async Task Html_mail_becomes_safe_text_where_a_script_stays_text()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var message = MailWorld.Customer(box.Address, "HTML mail", "");
        message.Body = new TextPart("html") { Text = "<html><body><p>Hello&nbsp;team,</p><script>alert('x')</script><p><b>Broken</b> zip &amp; box</p><img src=x onerror=alert(1)></body></html>" };
        await server.SendAsync(message);

        await world.Fetcher.FetchAsync(id);

        var body = Assert.Single(Assert.Single(await world.TicketsAsync()).Entries).Body;
        Assert.Equal("Hello\u00a0team,\n<script>alert('x')</script>\nBroken zip & box", body);
        Assert.DoesNotContain("<img", body);
        Assert.DoesNotContain("<p>", body);
    }

    [SkippableFact]
    public async Task An_attachment_over_the_limit_is_not_kept_and_the_ticket_says_so_while_a_small_one_is_a_download()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server, new MailSettings { MaxAttachmentBytes = 1024 * 1024 });
        var (id, box) = await world.AddMailboxAsync();
        var builder = new BodyBuilder { TextBody = "Photos of the damage attached." };
        builder.Attachments.Add("damage.jpg", new byte[200_000].Select((_, i) => (byte)(i % 251)).ToArray(), new ContentType("image", "jpeg"));
        builder.Attachments.Add("video.mp4", new byte[3 * 1024 * 1024], new ContentType("video", "mp4"));
        var message = MailWorld.Customer(box.Address, "Damaged on arrival", "");
        message.Body = builder.ToMessageBody();
        await server.SendAsync(message);

        await world.Fetcher.FetchAsync(id);

        var ticket = Assert.Single(await world.TicketsAsync());
        Assert.Equal("Photos of the damage attached.", ticket.Entries.First(e => e.Kind == ThreadEntryKind.CustomerMessage).Body);
        Assert.Contains("video.mp4 (3.0 MB)", ticket.Entries.Single(e => e.Kind == ThreadEntryKind.InternalNote).Body);
        var mails = await world.Mailboxes.EntryMailsAsync(MailWorld.Agent, ticket.Id);
        var attachments = Assert.Single(mails.Values).Attachments;
        Assert.Equal([("damage.jpg", true), ("video.mp4", false)], attachments.Select(a => (a.FileName, a.Hash is not null)));
        var download = await world.Mailboxes.DownloadAsync(MailWorld.Agent, attachments[0].Hash!);
        Assert.Equal(("damage.jpg", "image/jpeg", 200_000), (download!.Value.FileName, download.Value.ContentType, download.Value.Content.Length));
    }

    [SkippableFact]
    public async Task A_message_without_a_sender_is_kept_in_the_could_not_read_list_with_its_original()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var anonymous = new MimeMessage { Subject = "no from" };
        anonymous.To.Add(MailboxAddress.Parse(box.Address));
        anonymous.Sender = new MailboxAddress("", "envelope@customer.test"); // MailKit needs an envelope sender; the From header stays empty
        anonymous.Body = new TextPart("plain") { Text = "who am I" };
        await server.SendAsync(anonymous);

        await world.Fetcher.FetchAsync(id);

        Assert.Empty(await world.TicketsAsync());
        var unreadable = Assert.Single(await world.Mailboxes.UnreadableAsync(MailWorld.Supervisor));
        Assert.Equal((MailErrors.NoSender, "no from"), (unreadable.Reason, unreadable.Subject));
        Assert.NotNull(await world.Mailboxes.DownloadAsync(MailWorld.Supervisor, unreadable.OriginalHash!));
        Assert.Empty(await world.Mailboxes.UnreadableAsync(MailWorld.Agent));
    }

    [SkippableFact]
    public async Task A_wrong_mailbox_password_is_shown_on_that_mailbox_and_the_others_are_still_fetched()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (badId, _) = await world.AddMailboxAsync(password: "not-the-password");
        var (goodId, good) = await world.AddMailboxAsync();
        await server.SendAsync(MailWorld.Customer(good.Address, "Still here", "hello"));

        var results = await world.Fetcher.FetchAllAsync();

        Assert.Equal(MailErrors.AuthenticationRefused, results.Single(r => r.MailboxId == badId).Error);
        Assert.Equal((1, (string?)null), (results.Single(r => r.MailboxId == goodId).Filed, results.Single(r => r.MailboxId == goodId).Error));
        var rows = await world.Mailboxes.ListAsync(MailWorld.Supervisor);
        Assert.Equal(MailErrors.AuthenticationRefused, rows.Single(r => r.Id == badId).LastFetchError);
        Assert.Single(await world.TicketsAsync());
    }

    [SkippableFact]
    public async Task A_sender_over_the_hourly_limit_is_throttled_and_listed_to_the_supervisor()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server, new MailSettings { MaxPerSenderPerHour = 2 });
        var (id, box) = await world.AddMailboxAsync();
        for (var n = 1; n <= 4; n++)
        {
            await server.SendAsync(MailWorld.Customer(box.Address, $"Spam {n}", "buy now", from: "flood@spam.test"));
        }

        await world.Fetcher.FetchAsync(id);

        Assert.Equal(2, (await world.TicketsAsync()).Count);
        var throttled = Assert.Single(await world.Mailboxes.ThrottledAsync(MailWorld.Supervisor, DateTime.MinValue));
        Assert.Equal(("flood@spam.test", 2), (throttled.Address, throttled.Held));
    }

    [SkippableFact]
    public async Task In_one_fetch_new_mail_is_saved_together_and_a_follow_up_to_a_message_just_before_it_still_joins_that_ticket()
    {
        server.Require();
        await using var world = await MailWorld.StartAsync(server);
        var (id, box) = await world.AddMailboxAsync();
        var first = MailWorld.Customer(box.Address, "Wrong size", "I ordered M and got L.");
        await server.SendAsync(first);
        await server.SendAsync(MailWorld.Customer(box.Address, "Gift wrap", "Can you wrap it?", from: "other@customer.test", name: "Other"));
        var followUp = MailWorld.Customer(box.Address, "Re: Wrong size", "Photo of the label attached later.");
        followUp.InReplyTo = first.MessageId;
        await server.SendAsync(followUp);
        await server.SendAsync(MailWorld.Customer(box.Address, "Invoice", "Please send the invoice.", from: "third@customer.test", name: "Third"));

        var result = await world.Fetcher.FetchAsync(id);

        Assert.Equal((4, 4, (string?)null), (result.Read, result.Filed, result.Error));
        var tickets = await world.TicketsAsync();
        Assert.Equal(new[] { "Wrong size", "Gift wrap", "Invoice" }, tickets.Select(t => t.Subject));
        Assert.Equal(2, tickets[0].Entries.Count(e => e.Kind == ThreadEntryKind.CustomerMessage));
        Assert.Equal(4, (await world.RecordsAsync()).Count);
    }
}
