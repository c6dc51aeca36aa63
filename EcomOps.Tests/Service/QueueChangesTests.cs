using System.Collections.Concurrent;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;

namespace EcomOps.Tests.Service;

/// <summary>Whether a committed ticket change can touch a queue page, decided from the rows the change carries.</summary>
public sealed class QueueChangesTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private readonly ConcurrentQueue<LiveChange> _heard = new();
    private int _alice;
    private int _bob;

    private TicketDesk Desk => _harness.Get<TicketDesk>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartAsync();
        _alice = await HireAsync("alice");
        _bob = await HireAsync("bob");
        _harness.Feed.Subscribe(c => { _heard.Enqueue(c); return Task.CompletedTask; }, Boards.Tickets);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> HireAsync(string name) => (await _harness.Get<EmployeeDirectory>().CreateAsync(Actor.System, new EmployeeForm
    {
        EmployeeNumber = name, FullName = name, Email = $"{name}@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2026, 1, 5), Password = "welcome123",
    })).Value!.Id;

    private async Task<int> NewTicketAsync(TicketChannel channel = TicketChannel.Email) => (await Desk.CreateAsync(Actor.System, new TicketForm
    {
        Channel = channel, CustomerName = "王芳", CustomerContact = "wf@example.com", Subject = "Where is it?", Category = TicketCategories.Shipping,
        Priority = TicketPriority.Normal, Message = "Where is my parcel?",
    })).Value;

    private async Task<LiveChange> ChangeOfAsync(Func<Task> act)
    {
        _heard.Clear();
        await act();
        return Assert.Single(_heard, c => c.Entity == nameof(Ticket));
    }

    private async Task AssignAsync(int ticket, int? to)
    {
        var row = (await _harness.Get<TicketQueue>().FindAsync(ticket))!;
        Assert.True((await Desk.AssignAsync(Actor.System, ticket, to, row.Version)).Succeeded);
    }

    private static bool NotOnPage(int _) => false;

    [Fact]
    public async Task A_ticket_moving_between_two_other_agents_does_not_concern_an_agents_own_queue()
    {
        var ticket = await NewTicketAsync();
        await AssignAsync(ticket, _bob);
        var carol = await HireAsync("carol");

        var change = await ChangeOfAsync(() => AssignAsync(ticket, carol));

        Assert.False(new QueueChanges(new QueueQuery(QueueScope.MineAndUnassigned, _alice)).Concerns(change, NotOnPage));
        Assert.True(new QueueChanges(new QueueQuery(QueueScope.Team, null)).Concerns(change, NotOnPage));
    }

    [Fact]
    public async Task A_new_unassigned_ticket_concerns_every_queue_that_lists_unassigned_tickets_of_its_channel()
    {
        var change = await ChangeOfAsync(() => NewTicketAsync(TicketChannel.Hotline));

        Assert.True(new QueueChanges(new QueueQuery(QueueScope.MineAndUnassigned, _alice)).Concerns(change, NotOnPage));
        Assert.False(new QueueChanges(new QueueQuery(QueueScope.Mine, _alice)).Concerns(change, NotOnPage));
        Assert.False(new QueueChanges(new QueueQuery(QueueScope.MineAndUnassigned, _alice, Channel: TicketChannel.Email)).Concerns(change, NotOnPage));
    }

    [Fact]
    public async Task A_claim_by_someone_else_concerns_the_queue_that_listed_the_ticket_as_unassigned()
    {
        var ticket = await NewTicketAsync();

        var change = await ChangeOfAsync(() => AssignAsync(ticket, _bob));

        // Before the claim alice's queue listed it; after it, it is gone from there.
        Assert.True(new QueueChanges(new QueueQuery(QueueScope.Unassigned, _alice)).Concerns(change, NotOnPage));
        Assert.True(new QueueChanges(new QueueQuery(QueueScope.Mine, _bob)).Concerns(change, NotOnPage));
        Assert.False(new QueueChanges(new QueueQuery(QueueScope.Mine, _alice)).Concerns(change, NotOnPage));
    }

    [Fact]
    public async Task A_change_to_a_row_on_the_page_always_concerns_it()
    {
        var ticket = await NewTicketAsync();
        await AssignAsync(ticket, _bob);

        var change = await ChangeOfAsync(() => AssignAsync(ticket, _alice));
        var someoneElse = new QueueQuery(QueueScope.Mine, _alice + _bob);

        Assert.False(new QueueChanges(someoneElse).Concerns(change, NotOnPage));
        Assert.True(new QueueChanges(someoneElse).Concerns(change, id => id == ticket));
    }
}
