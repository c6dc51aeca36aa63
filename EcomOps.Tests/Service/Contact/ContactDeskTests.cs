using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Contact;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Contact;

public sealed class ContactDeskTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    private ContactDesk Contact => _harness.Get<ContactDesk>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        var agent = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        Agent = Actor.Person(agent.Id, agent.UserName!, EcomOps.Domain.Org.Roles.CsAgent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static ContactMessage Message(string text = "我的快递三天没动了，能帮我查一下吗？", string contact = "13800138000") => new()
    {
        Name = "王喆",
        Contact = contact,
        Topic = TicketCategories.Shipping,
        Message = text,
        Language = "zh-Hans",
    };

    private async Task<Ticket> TicketAsync(string number)
    {
        await using var db = _harness.NewDb();
        var id = int.Parse(number[1..]);
        return await db.Tickets.AsNoTracking().Include(t => t.Entries).Include(t => t.StatusHistory).SingleAsync(t => t.Id == id);
    }

    private Actor Agent { get; set; } = Actor.System;

    [Fact]
    public async Task A_message_from_the_contact_page_opens_an_online_chat_ticket_with_a_reference_the_customer_can_read_back()
    {
        var sent = await Contact.SendAsync(Message());

        Assert.True(sent.Succeeded);
        Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", sent.Value!.Reference);
        Assert.False(sent.Value!.Joined);
        var ticket = await TicketAsync(sent.Value!.TicketNumber);
        Assert.Equal(TicketChannel.OnlineChat, ticket.Channel);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(TicketCategories.Shipping, ticket.Category);
        Assert.Equal("13800138000", ticket.CustomerContact);
        Assert.Equal("zh-Hans", ticket.CustomerLanguage);
        Assert.Equal("我的快递三天没动了，能帮我查一下吗？", Assert.Single(ticket.Entries).Body);
        Assert.NotNull(ticket.NextDeadlineUtc);

        var conversation = await Contact.ConversationAsync(ContactReference.Show(sent.Value!.Reference).ToLowerInvariant());
        Assert.NotNull(conversation);
        Assert.Equal(sent.Value!.TicketNumber, conversation.TicketNumber);
        Assert.Equal([true], conversation.Lines.Select(l => l.FromCustomer));
    }

    [Fact]
    public async Task A_follow_up_with_the_reference_and_the_same_contact_joins_the_ticket_reopens_it_and_restarts_its_clock()
    {
        var first = (await Contact.SendAsync(Message())).Value!;
        var desk = _harness.Get<TicketDesk>();
        var queue = _harness.Get<TicketQueue>();
        var id = int.Parse(first.TicketNumber[1..]);
        Assert.True((await desk.ReplyAsync(Agent, id, "已为您催促快递。", (await queue.FindAsync(id))!.Version, TicketStatus.Solved)).Succeeded);
        _harness.Clock.Advance(TimeSpan.FromHours(2));

        // Written as the customer might: lower case, a space instead of the dash, the phone with +86.
        var typed = ContactReference.Show(first.Reference).ToLowerInvariant().Replace('-', ' ');
        var again = await Contact.SendAsync(Message("还是没到。", "+86 13800138000") with { Reference = typed });

        Assert.True(again.Succeeded);
        Assert.True(again.Value!.Joined);
        Assert.Equal(first.Reference, again.Value!.Reference);
        Assert.Equal(first.TicketNumber, again.Value!.TicketNumber);
        var ticket = await TicketAsync(first.TicketNumber);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(["我的快递三天没动了，能帮我查一下吗？", "已为您催促快递。", "还是没到。"], ticket.Entries.OrderBy(e => e.Id).Select(e => e.Body));
        var now = _harness.Clock.GetUtcNow().UtcDateTime;
        Assert.True(ticket.NextDeadlineUtc > now, "the clock restarted from the customer's new message");

        var reply = await Contact.ReplyAsync(first.Reference, "谢谢！");
        Assert.True(reply.Succeeded);
        await using var db = _harness.NewDb();
        var contact = await db.Set<WebContact>().SingleAsync(c => c.Reference == first.Reference);
        Assert.Equal(3, contact.Messages);
        Assert.Equal(now, contact.LastMessageAtUtc);
    }

    [Fact]
    public async Task A_reference_with_another_contact_and_an_unknown_reference_are_refused_alike_and_nothing_is_written()
    {
        var first = (await Contact.SendAsync(Message())).Value!;
        await using var before = _harness.NewDb();
        var entries = await before.Set<TicketEntry>().CountAsync();

        var stranger = await Contact.SendAsync(Message("我也想看看。", "13900139000") with { Reference = first.Reference });
        var unknown = await Contact.SendAsync(Message() with { Reference = "ABCDE-FGHJK" });
        var malformed = await Contact.SendAsync(Message() with { Reference = "T000001" });

        foreach (var refused in new[] { stranger, unknown, malformed })
        {
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
            Assert.Equal(new FieldError(nameof(ContactMessage.Reference), ContactDesk.ReferenceNotMatched), Assert.Single(refused.Errors));
        }
        await using var after = _harness.NewDb();
        Assert.Equal(entries, await after.Set<TicketEntry>().CountAsync());
        Assert.Null(await Contact.ConversationAsync("ABCDEFGHJK"));
    }

    [Fact]
    public async Task A_follow_up_to_a_closed_conversation_opens_a_new_one_with_a_new_reference()
    {
        var first = (await Contact.SendAsync(Message())).Value!;
        var id = int.Parse(first.TicketNumber[1..]);
        var queue = _harness.Get<TicketQueue>();
        Assert.True((await _harness.Get<TicketDesk>().ChangeStatusAsync(Agent, id, TicketStatus.Closed, (await queue.FindAsync(id))!.Version)).Succeeded);

        var again = await Contact.ReplyAsync(first.Reference, "又有新问题。");

        Assert.True(again.Succeeded);
        Assert.True(again.Value!.Reopened);
        Assert.NotEqual(first.Reference, again.Value!.Reference);
        Assert.NotEqual(first.TicketNumber, again.Value!.TicketNumber);
        var opened = await TicketAsync(again.Value!.TicketNumber);
        Assert.Equal(("王喆", "13800138000", TicketCategories.Shipping), (opened.CustomerName, opened.CustomerContact, opened.Category));
        Assert.True((await Contact.ConversationAsync(first.Reference))!.Closed);
    }

    [Fact]
    public async Task A_known_order_number_links_the_order_and_an_unknown_one_is_kept_for_the_agent()
    {
        string known;
        await using (var db = _harness.NewDb())
        {
            known = await db.Orders.OrderBy(o => o.Id).Select(o => o.PlatformOrderId).FirstAsync();
        }

        var linked = (await Contact.SendAsync(Message() with { OrderNumber = $" {known} " })).Value!;
        var unlinked = (await Contact.SendAsync(Message() with { OrderNumber = "TB999999999999" })).Value!;

        Assert.True(linked.OrderLinked);
        Assert.Equal(known, (await TicketAsync(linked.TicketNumber)).OrderReference);
        Assert.False(unlinked.OrderLinked);
        var ticket = await TicketAsync(unlinked.TicketNumber);
        Assert.Null(ticket.OrderReference);
        Assert.Equal("TB999999999999", (await Contact.OfTicketAsync(ticket.Id))!.OrderNumberGiven);
        Assert.Null((await Contact.OfTicketAsync((await TicketAsync(linked.TicketNumber)).Id))!.OrderNumberGiven);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var refused = await Contact.SendAsync(new ContactMessage
        {
            Name = " ",
            Contact = "call me maybe",
            OrderNumber = "<script>",
            Topic = "Gossip",
            Message = new string('长', TicketRules.MaxBodyLength + 1),
        });

        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Equal(
            [nameof(ContactMessage.Contact), nameof(ContactMessage.Message), nameof(ContactMessage.Name), nameof(ContactMessage.OrderNumber), nameof(ContactMessage.Topic)],
            refused.Errors.Select(e => e.Field).Distinct().Order());
        Assert.Contains(new FieldError(nameof(ContactMessage.Contact), "ContactFormat"), refused.Errors);
        Assert.Contains(new FieldError(nameof(ContactMessage.Message), "BodyTooLong"), refused.Errors);
        Assert.Equal(OutcomeKind.Invalid, (await Contact.ReplyAsync("ABCDEFGHJK", "  ")).Kind);
        await using var db = _harness.NewDb();
        Assert.False(await db.Set<WebContact>().AnyAsync());
        Assert.False(await db.Tickets.AnyAsync(t => t.Channel == TicketChannel.OnlineChat && t.CustomerName == "王喆"));
    }

    [Fact]
    public async Task The_customer_reads_their_messages_and_the_public_replies_but_never_an_internal_note()
    {
        var sent = (await Contact.SendAsync(Message())).Value!;
        var id = int.Parse(sent.TicketNumber[1..]);
        var desk = _harness.Get<TicketDesk>();
        var queue = _harness.Get<TicketQueue>();
        Assert.True((await desk.AddNoteAsync(Agent, id, "Courier says it is lost; refund tomorrow.", (await queue.FindAsync(id))!.Version)).Succeeded);
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await desk.ReplyAsync(Agent, id, "我们正在核实，明天回复您。", (await queue.FindAsync(id))!.Version, TicketStatus.PendingCustomer)).Succeeded);

        var conversation = (await Contact.ConversationAsync(sent.Reference))!;

        Assert.Equal([(true, "我的快递三天没动了，能帮我查一下吗？"), (false, "我们正在核实，明天回复您。")], conversation.Lines.Select(l => (l.FromCustomer, l.Body)));
        Assert.Equal(TicketStatus.PendingCustomer, conversation.Status);
    }

    [Fact]
    public async Task An_agents_reply_tells_the_customer_where_to_read_it_once_for_replies_close_together()
    {
        var sent = (await Contact.SendAsync(Message() with { Contact = "wang.zhe@example.com", Language = "en" })).Value!;
        var id = int.Parse(sent.TicketNumber[1..]);
        var desk = _harness.Get<TicketDesk>();
        var queue = _harness.Get<TicketQueue>();

        Assert.True((await desk.ReplyAsync(Agent, id, "Checking with the courier.", (await queue.FindAsync(id))!.Version)).Succeeded);
        Assert.True((await desk.ReplyAsync(Agent, id, "It left the depot today.", (await queue.FindAsync(id))!.Version)).Succeeded);
        _harness.Clock.Advance(ContactReplyNotice.Quiet + TimeSpan.FromMinutes(1));
        Assert.True((await desk.ReplyAsync(Agent, id, "Delivered?", (await queue.FindAsync(id))!.Version)).Succeeded);

        await using var db = _harness.NewDb();
        var notices = await db.OutboxMessages.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n =>
        {
            Assert.Equal((Domain.Orders.NotificationKind.ContactReply, "wang.zhe@example.com", "en"), (n.Kind, n.Recipient, n.Language));
            Assert.Contains(_harness.Get<Domain.Service.Surveys.SurveySettings>().ContactLinkFor(sent.Reference), n.Text, StringComparison.Ordinal);
        });
        var note = await _harness.Get<TicketDesk>().AddNoteAsync(Agent, id, "internal", (await queue.FindAsync(id))!.Version);
        Assert.True(note.Succeeded);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.TicketId == id));
    }

    [Theory]
    [InlineData("", 10, ContactCheck.Person)]
    [InlineData("http://spam.example", 10, ContactCheck.Bot)]
    [InlineData("", 1, ContactCheck.TooFast)]
    [InlineData("", 13 * 3600, ContactCheck.Expired)]
    [InlineData("", -600, ContactCheck.Expired)]
    public void The_bot_check_reads_the_hidden_field_and_the_time_from_page_to_send(string hidden, int secondsTaken, ContactCheck expected)
    {
        var now = new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(expected, ContactDesk.Judge(hidden, now.AddSeconds(-secondsTaken), now));
        Assert.Equal(ContactCheck.Expired, ContactDesk.Judge("", null, now));
    }

    [Theory]
    [InlineData("13800138000", "+86 138-0013-8000")]
    [InlineData("13800138000", "0086 13800138000")]
    [InlineData("Wang.Zhe@Example.com", " wang.zhe@example.com ")]
    public void Contacts_are_compared_without_spaces_dashes_case_or_the_country_prefix(string first, string second) =>
        Assert.Equal(ContactReference.KeyOf(first), ContactReference.KeyOf(second));
}
