using System.Security.Claims;
using Bunit;
using EcomOps.Console.Auth;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service;

/// <summary>What live changes cost an open queue page: one reload per burst that can touch it, none otherwise.</summary>
public sealed class TicketQueuePageTests : IAsyncLifetime
{
    private readonly CommandCounter _reads = new();
    private DomainHarness _harness = default!;
    private EmployeeRow _alice = default!;
    private EmployeeRow _bob = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartAsync(s => s.AddSingleton<IInterceptor>(_reads));
        _alice = await HireAsync("alice");
        _bob = await HireAsync("bob");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<EmployeeRow> HireAsync(string name) => (await _harness.Get<EmployeeDirectory>().CreateAsync(Actor.System, new EmployeeForm
    {
        EmployeeNumber = name, FullName = name, Email = $"{name}@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2026, 1, 5), Password = "welcome123",
    })).Value!;

    private async Task<int> NewTicketAsync(int? holder)
    {
        var id = (await _harness.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.Email, CustomerName = "王芳", CustomerContact = "wf@example.com", Subject = "Where is it?", Category = TicketCategories.Shipping,
            Priority = TicketPriority.Normal, Message = "Where is my parcel?",
        })).Value;
        if (holder is { } employee)
        {
            var row = (await _harness.Get<TicketQueue>().FindAsync(id))!;
            Assert.True((await _harness.Get<TicketDesk>().AssignAsync(Actor.System, id, employee, row.Version)).Succeeded);
        }
        return id;
    }

    private async Task<int> NewTicketAsync(TicketChannel channel, string subject) => (await _harness.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
    {
        Channel = channel, CustomerName = "李雷", CustomerContact = "13800000000", Subject = subject, Category = TicketCategories.ProductQuestion,
        Priority = TicketPriority.Normal, Message = subject,
    })).Value;

    private IRenderedComponent<TicketQueuePage> OpenQueueOf(Bunit.BunitContext ctx, EmployeeRow agent, bool supervisor = false)
    {
        ctx.Services.AddSingleton(_harness.Get<TicketDesk>());
        ctx.Services.AddSingleton(_harness.Get<AutoAssignment>());
        ctx.AddAuthorization().SetAuthorized(agent.Email).SetRoles(supervisor ? Roles.CsSupervisor : Roles.CsAgent)
            .SetPolicies(supervisor ? [Permissions.WorkTickets, Permissions.SuperviseService] : [Permissions.WorkTickets])
            .SetClaims(new Claim(OpsClaims.EmployeeId, $"{agent.Id}"));
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<TicketQueuePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=queue-table] tbody tr")));
        return page;
    }

    [Fact]
    public async Task Changes_to_another_agents_tickets_cost_an_open_queue_no_query()
    {
        await NewTicketAsync(_alice.Id);
        var bobs = await NewTicketAsync(_bob.Id);
        await using var ctx = ComponentHarness.NewContext(_harness);
        OpenQueueOf(ctx, _alice);
        await Task.Delay(300);
        var before = _reads.Reads;

        var desk = _harness.Get<TicketDesk>();
        for (var i = 0; i < 5; i++)
        {
            var row = (await _harness.Get<TicketQueue>().FindAsync(bobs))!;
            await desk.ChangePriorityAsync(Actor.System, bobs, i % 2 == 0 ? TicketPriority.High : TicketPriority.Normal, row.Version);
        }
        var afterWrites = _reads.Reads;
        await Task.Delay(500);

        // The reads counted are the writes' own (each change reads its ticket); the page added none.
        Assert.Equal(afterWrites, _reads.Reads);
        Assert.True(afterWrites > before);
    }

    [Fact]
    public async Task A_commit_of_100_changes_that_touch_an_open_queue_reloads_it_once()
    {
        var ticket = await NewTicketAsync(null);
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = OpenQueueOf(ctx, _alice);
        await Task.Delay(300);
        var before = _reads.Reads;
        var reloadOnce = 2;

        var changes = Enumerable.Range(0, 100)
            .Select(i => new LiveChange(Boards.Tickets, nameof(Ticket), $"{ticket}", LiveChangeKind.Updated, DateTime.UtcNow))
            .ToList();
        _harness.Feed.Publish(changes);
        await Task.Delay(800);

        // One reload of a page of the queue: its count and its rows.
        Assert.Equal(reloadOnce, _reads.Reads - before);
        Assert.NotEmpty(page.FindAll("[data-testid=queue-table] tbody tr"));
    }

    [Fact]
    public async Task A_change_elsewhere_in_the_queue_does_not_even_render_an_open_queue()
    {
        await NewTicketAsync(_alice.Id);
        var bobs = await NewTicketAsync(_bob.Id);
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = OpenQueueOf(ctx, _alice);
        await Task.Delay(300);
        var table = page.FindComponent<QueueTable>();
        var (pageRenders, tableRenders) = (page.RenderCount, table.RenderCount);

        var row = (await _harness.Get<TicketQueue>().FindAsync(bobs))!;
        await _harness.Get<TicketDesk>().ChangePriorityAsync(Actor.System, bobs, TicketPriority.High, row.Version);
        await Task.Delay(400);

        Assert.Equal(pageRenders, page.RenderCount);
        Assert.Equal(tableRenders, table.RenderCount);
    }

    [Fact]
    public async Task A_ticket_another_agent_takes_leaves_an_open_queue_in_one_render_of_its_rows_alone()
    {
        var ticket = await NewTicketAsync(null);
        await NewTicketAsync(null);
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = OpenQueueOf(ctx, _alice);
        var number = $"T{ticket:D6}";
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-testid=queue-row-{number}]")));
        await Task.Delay(300);
        var table = page.FindComponent<QueueTable>();
        // The export button takes a delegate, so it renders whenever the page does: it tells whether the page rendered.
        var pageProbe = page.FindComponent<EcomOps.Console.Components.Shared.ListExportButton>();
        var (pageRenders, tableRenders) = (pageProbe.RenderCount, table.RenderCount);

        var row = (await _harness.Get<TicketQueue>().FindAsync(ticket))!;
        Assert.True((await _harness.Get<TicketDesk>().AssignAsync(Actor.System, ticket, _bob.Id, row.Version)).Succeeded);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=queue-row-{number}]")));
        await Task.Delay(300);
        // No loading bar came and went: the rows were read and shown in one render of the table, the page and its
        // filters untouched.
        Assert.Equal(tableRenders + 1, table.RenderCount);
        Assert.Equal(pageRenders, pageProbe.RenderCount);
        Assert.Single(page.FindAll("[data-testid=queue-table] tbody tr"));
    }

    [Fact]
    public async Task A_channel_picked_in_the_filter_lists_only_its_tickets_and_All_lists_every_one_again()
    {
        var email = Ticket.NumberOf(await NewTicketAsync(TicketChannel.Email, "Size chart?"));
        var hotline = Ticket.NumberOf(await NewTicketAsync(TicketChannel.Hotline, "Colour?"));
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = OpenQueueOf(ctx, _alice);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid^=queue-row-]").Count));

        page.Find("[data-testid=queue-filter-channel]").Change(nameof(TicketChannel.Hotline));
        page.WaitForAssertion(() => Assert.Equal([hotline], page.FindAll("[data-testid^=queue-row-]").Select(a => a.GetAttribute("data-testid")![10..])));
        Assert.Equal(nameof(TicketChannel.Hotline), page.Find("[data-testid=queue-filter-channel]").GetAttribute("value"));

        page.Find("[data-testid=queue-filter-channel]").Change("");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid^=queue-row-]").Count));
        Assert.Contains(page.FindAll("[data-testid^=queue-row-]"), a => a.GetAttribute("data-testid") == $"queue-row-{email}");
    }

    [Fact]
    public async Task The_search_narrows_the_queue_once_the_agent_pauses_typing()
    {
        await NewTicketAsync(TicketChannel.Email, "Parcel never came");
        var refund = Ticket.NumberOf(await NewTicketAsync(TicketChannel.Email, "Refund for the red scarf"));
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = OpenQueueOf(ctx, _alice);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid^=queue-row-]").Count));

        page.Find("[data-testid=queue-search]").Input("scarf");
        // Typed, not yet paused: the list stays as it was for the debounce.
        Assert.Equal(2, page.FindAll("[data-testid^=queue-row-]").Count);
        page.WaitForAssertion(() => Assert.Equal([$"queue-row-{refund}"], page.FindAll("[data-testid^=queue-row-]").Select(a => a.GetAttribute("data-testid"))));
    }

    [Fact]
    public async Task Only_a_supervisor_is_offered_the_whole_teams_queue()
    {
        await NewTicketAsync(null);
        await using (var agentCtx = ComponentHarness.NewContext(_harness))
        {
            var agentPage = OpenQueueOf(agentCtx, _alice);
            Assert.Equal(3, agentPage.FindAll("[data-testid=queue-scope] button").Count);
            Assert.Equal("true", agentPage.Find("[data-testid=queue-scope] button[aria-pressed=true]").GetAttribute("aria-pressed"));
        }
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = OpenQueueOf(ctx, _bob, supervisor: true);
        var scopes = page.FindAll("[data-testid=queue-scope] button");
        Assert.Equal(4, scopes.Count);
        scopes[3].Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=agent-load]")));
        Assert.Equal("true", page.FindAll("[data-testid=queue-scope] button")[3].GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_row_keeps_the_countdown_text_it_first_showed_when_a_live_change_redraws_the_queue()
    {
        var first = Ticket.NumberOf(await NewTicketAsync(TicketChannel.Email, "Where is my parcel"));
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton<TimeProvider>(_harness.Clock);
        var page = OpenQueueOf(ctx, _alice);
        string Countdown(string number) => page.Find($"tr:has([data-testid=queue-row-{number}]) .countdown-text").TextContent;
        var shown = Countdown(first);
        Assert.NotEqual("", shown);

        // Time passes (the browser ticks the chip meanwhile); a new ticket redraws the page's rows.
        _harness.Clock.Advance(TimeSpan.FromMinutes(7));
        var second = Ticket.NumberOf(await NewTicketAsync(TicketChannel.Email, "Wrong colour"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-testid=queue-row-{second}]")));

        // The first row's text is what it was (no text the browser has ticked since is sent back); the new row's is the
        // server's for the new time.
        Assert.Equal(shown, Countdown(first));
        var fresh = (await _harness.Get<TicketQueue>().FindAsync(int.Parse(second[1..])))!;
        Assert.Equal(SlaCountdown.Initial(fresh.NextDeadlineUtc!.Value, _harness.Clock.GetUtcNow().UtcDateTime, ctx.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<EcomOps.Console.UiText>>()),
            Countdown(second));
    }
}
