using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service;

[Trait("Engines", "Both")]
public sealed class TicketDeskTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private readonly Dictionary<string, Actor> _actors = [];

    private TicketDesk Desk => _harness.Get<TicketDesk>();

    private TicketQueue Queue => _harness.Get<TicketQueue>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        foreach (var user in await db.Users.ToListAsync())
        {
            _actors[user.UserName!] = new Actor(user.Id, user.UserName!);
        }
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Actor Agent => _actors["agent@ecomops.local"];

    private static TicketForm Chat(string subject = "Where is my parcel?") => new()
    {
        Channel = TicketChannel.OnlineChat,
        CustomerName = "王喆",
        CustomerContact = "13800138000",
        Subject = subject,
        Category = TicketCategories.Shipping,
        Priority = TicketPriority.Normal,
        Message = "<b>Hi</b>, my order has not arrived.",
    };

    [Fact]
    public async Task Replying_to_a_ticket_nobody_holds_takes_it_and_a_reply_to_someone_elses_leaves_it_with_them()
    {
        var open = (await Desk.CreateAsync(Agent, Chat("Unclaimed"))).Value;
        var held = (await Desk.CreateAsync(Agent, Chat("Held by the supervisor"))).Value;
        var supervisor = _actors["cssupervisor@ecomops.local"];
        Assert.True((await Desk.ClaimAsync(supervisor, held)).Value!.Claimed);

        Assert.True((await Desk.ReplyAsync(Agent, open, "Let me check.", (await Queue.FindAsync(open))!.Version)).Succeeded);
        Assert.True((await Desk.ReplyAsync(Agent, held, "Covering for a colleague.", (await Queue.FindAsync(held))!.Version)).Succeeded);

        var taken = (await Queue.FindAsync(open))!;
        Assert.Equal("agent@ecomops.local", taken.Assignee?.Email);
        Assert.NotNull(taken.AssignedAtUtc);
        Assert.Equal("cssupervisor@ecomops.local", (await Queue.FindAsync(held))!.Assignee?.Email);
    }

    [Fact]
    public async Task A_new_ticket_starts_its_first_response_clock_under_the_matching_policy()
    {
        // 10:00 in Shanghai: the desk is open, the chat policy gives 15 minutes for the first response.
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;

        var ticket = (await Queue.FindAsync(id))!;
        Assert.Equal("Online chat", ticket.SlaPolicyName);
        Assert.Equal(_harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(15), ticket.FirstResponseDueUtc);
        Assert.Equal(ticket.FirstResponseDueUtc, ticket.NextDeadlineUtc);
        Assert.Equal(SlaBadge.Ok, ticket.SlaBadge);
        Assert.Equal("<b>Hi</b>, my order has not arrived.", Assert.Single(ticket.Entries).Body);
    }

    [Fact]
    public async Task An_internal_note_does_not_answer_the_customer_but_a_public_reply_meets_first_response()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var afterNote = await Desk.AddNoteAsync(Agent, id, "Checking with the warehouse", (await Queue.FindAsync(id))!.Version);
        var noted = (await Queue.FindAsync(id))!;

        _harness.Clock.Advance(TimeSpan.FromMinutes(3));
        await Desk.ReplyAsync(Agent, id, "It left the warehouse today.", afterNote.Value, TicketStatus.PendingCustomer);
        var replied = (await Queue.FindAsync(id))!;

        Assert.NotNull(noted.FirstResponseDueUtc);
        Assert.Null(replied.FirstResponseDueUtc);
        Assert.Equal(TicketStatus.PendingCustomer, replied.Status);
        Assert.Equal(SlaBadge.Paused, replied.SlaBadge);
        Assert.Equal("刘洋 Liu Yang", replied.Entries.Single(e => e.Kind == ThreadEntryKind.PublicReply).AuthorName);
    }

    [Fact]
    public async Task A_missed_deadline_is_recorded_once_however_often_the_check_runs()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        _harness.Clock.Advance(TimeSpan.FromMinutes(16));

        await Desk.RefreshDueSlasAsync();
        await Desk.RefreshDueSlasAsync();
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Desk.RecomputeOpenAsync();

        await using var db = _harness.NewDb();
        var breach = await db.SlaBreaches.SingleAsync();
        Assert.Equal((id, SlaTargetKind.FirstResponse), (breach.TicketId, breach.Target));
        Assert.Equal(SlaBadge.Breached, (await Queue.FindAsync(id))!.SlaBadge);
    }

    [Fact]
    public async Task The_warning_comes_from_the_scheduler_without_anyone_touching_the_ticket()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        var next = await Desk.NextSlaCheckAsync();

        _harness.Clock.Advance(TimeSpan.FromMinutes(12));
        await Desk.RefreshDueSlasAsync();

        Assert.Equal(_harness.Clock.GetUtcNow().UtcDateTime, next);
        Assert.Equal(SlaBadge.Warning, (await Queue.FindAsync(id))!.SlaBadge);
    }

    [Fact]
    public async Task Twenty_agents_claiming_one_ticket_at_once_give_one_owner_and_nineteen_clear_refusals()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        var directory = _harness.Get<EmployeeDirectory>();
        var agents = new List<Actor>();
        for (var i = 0; i < 20; i++)
        {
            var email = $"claimer{i}@ecomops.local";
            await directory.CreateAsync(Actor.System, new EmployeeForm
            {
                EmployeeNumber = $"C{i:00}", FullName = $"Claimer {i}", Email = email, Role = Roles.CsAgent,
                HireDate = new DateOnly(2026, 1, 1), Password = "welcome123",
            });
            await using var db = _harness.NewDb();
            agents.Add(new Actor((await db.Users.SingleAsync(u => u.UserName == email)).Id, email));
        }

        using var start = new Barrier(20);
        var results = await Task.WhenAll(agents.Select(a => Task.Run(() =>
        {
            start.SignalAndWait();
            return Desk.ClaimAsync(a, id);
        })));

        var winners = results.Where(r => r.Value!.Claimed).ToList();
        var winner = Assert.Single(winners);
        var refusals = results.Where(r => !r.Value!.Claimed).ToList();
        Assert.Equal(19, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(winner.Value!.HeldBy, r.Value!.HeldBy));
        Assert.Equal(winner.Value!.HeldBy, (await Queue.FindAsync(id))!.Assignee!.FullName);
    }

    [Fact]
    public async Task A_claimed_ticket_leaves_the_unassigned_queue_and_joins_the_agents_own()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        var agentId = (await _harness.Get<EmployeeDirectory>().SearchAsync(new EmployeeQuery("agent@"))).Items.Single().Id;

        await Desk.ClaimAsync(Agent, id);

        Assert.Equal(0, (await Queue.SearchAsync(new QueueQuery(QueueScope.Unassigned, null))).Total);
        Assert.Equal(id, (await Queue.SearchAsync(new QueueQuery(QueueScope.Mine, agentId))).Items.Single().Id);
    }

    [Fact]
    public async Task The_queue_puts_the_earliest_deadline_first()
    {
        var email = (await Desk.CreateAsync(Agent, Chat("email") with { Channel = TicketChannel.Email })).Value;
        var urgent = (await Desk.CreateAsync(Agent, Chat("urgent") with { Channel = TicketChannel.Email, Priority = TicketPriority.Urgent })).Value;
        var chat = (await Desk.CreateAsync(Agent, Chat("chat"))).Value;

        var rows = (await Queue.SearchAsync(new QueueQuery(QueueScope.Team, null))).Items;

        Assert.Equal([chat, urgent, email], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_per_field_and_writes_nothing()
    {
        var created = await Desk.CreateAsync(Agent, Chat() with { CustomerContact = "call me", Subject = "", Message = new string('x', 5001), OrderReference = "??" });
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        var emptyReply = await Desk.ReplyAsync(Agent, id, "   ", 0);

        Assert.Equal(OutcomeKind.Invalid, created.Kind);
        Assert.Equal(
            [("Subject", "Required"), ("CustomerContact", "ContactFormat"), ("OrderReference", "OrderReferenceFormat"), ("Message", "BodyTooLong")],
            created.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal(OutcomeKind.Invalid, emptyReply.Kind);
        Assert.Single((await Queue.FindAsync(id))!.Entries);
        Assert.Equal(1, (await Queue.SearchAsync(new QueueQuery(QueueScope.Team, null))).Total);
    }

    [Fact]
    public async Task A_ticket_about_an_order_must_name_an_order_the_console_knows()
    {
        await using var db = _harness.NewDb();
        var known = await db.Orders.OrderBy(o => o.Id).Select(o => o.PlatformOrderId).FirstAsync();

        var unknown = await Desk.CreateAsync(Agent, Chat() with { OrderReference = "TB-2051000001" });
        var created = await Desk.CreateAsync(Agent, Chat() with { OrderReference = $" {known} " });

        Assert.Equal([("OrderReference", "OrderReferenceUnknown")], unknown.Errors.Select(e => (e.Field, e.Code)));
        Assert.True(created.Succeeded);
        Assert.Equal(known, (await Queue.FindAsync(created.Value))!.OrderReference);
        Assert.Equal(1, (await Queue.SearchAsync(new QueueQuery(QueueScope.Team, null))).Total);
    }

    [Fact]
    public async Task A_reply_from_a_stale_page_is_refused_as_a_conflict()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        var seen = (await Queue.FindAsync(id))!.Version;
        await Desk.ChangePriorityAsync(Agent, id, TicketPriority.High, seen);

        var reply = await Desk.ReplyAsync(Agent, id, "Hello", seen);

        Assert.Equal(OutcomeKind.Conflict, reply.Kind);
        Assert.DoesNotContain((await Queue.FindAsync(id))!.Entries, e => e.Kind == ThreadEntryKind.PublicReply);
    }

    [Fact]
    public async Task A_customer_message_reopens_a_pending_ticket_and_restarts_its_clock()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;
        var version = (await Desk.ReplyAsync(Agent, id, "Please send a photo", (await Queue.FindAsync(id))!.Version, TicketStatus.PendingCustomer)).Value;
        _harness.Clock.Advance(TimeSpan.FromHours(2));

        await Desk.AddCustomerMessageAsync(Actor.System, id, "Here it is");

        var ticket = (await Queue.FindAsync(id))!;
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(_harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), ticket.NextReplyDueUtc);
        Assert.True(version > 0);
    }

    [Fact]
    public async Task Merging_a_duplicate_copies_its_thread_and_closes_it_pointing_to_the_survivor()
    {
        var keep = (await Desk.CreateAsync(Agent, Chat("first"))).Value;
        var duplicate = (await Desk.CreateAsync(Agent, Chat("second") with { Message = "Same question again" })).Value;

        var merged = await Desk.MergeAsync(Agent, duplicate, keep, (await Queue.FindAsync(duplicate))!.Version);

        Assert.True(merged.Succeeded);
        var survivor = (await Queue.FindAsync(keep))!;
        var closed = (await Queue.FindAsync(duplicate))!;
        Assert.Contains(survivor.Entries, e => e.Kind == ThreadEntryKind.InternalNote && e.Body.EndsWith("Same question again", StringComparison.Ordinal));
        Assert.Contains(survivor.Entries, e => e.Kind == ThreadEntryKind.InternalNote && e.Body.StartsWith($"Merged from T{duplicate:D6}", StringComparison.Ordinal));
        Assert.Equal((TicketStatus.Closed, (int?)keep), (closed.Status, closed.MergedIntoId));
        Assert.Equal(OutcomeKind.Invalid, (await Desk.ReopenAsync(Agent, duplicate, closed.Version)).Kind);
    }

    [Fact]
    public async Task An_older_duplicate_merges_into_a_newer_ticket_without_touching_its_clocks()
    {
        var older = (await Desk.CreateAsync(Agent, Chat("older") with { Message = "First time I asked" })).Value;
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = (await Desk.CreateAsync(Agent, Chat("newer"))).Value;
        var dueBefore = (await Queue.FindAsync(newer))!.FirstResponseDueUtc;

        var merged = await Desk.MergeAsync(Agent, older, newer, (await Queue.FindAsync(older))!.Version);

        Assert.True(merged.Succeeded);
        var survivor = (await Queue.FindAsync(newer))!;
        Assert.Equal(dueBefore, survivor.FirstResponseDueUtc);
        Assert.Contains(survivor.Entries, e => e.Body.Contains("First time I asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_active_customer_service_staff_can_claim()
    {
        var id = (await Desk.CreateAsync(Agent, Chat())).Value;

        var designer = await Desk.ClaimAsync(_actors["designer@ecomops.local"], id);

        Assert.Equal(OutcomeKind.Invalid, designer.Kind);
        Assert.Null((await Queue.FindAsync(id))!.AssigneeId);
    }
}
