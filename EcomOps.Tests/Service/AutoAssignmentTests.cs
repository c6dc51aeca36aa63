using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service;

public sealed class AutoAssignmentTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private int _agent;
    private int _second;
    private int _supervisor;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        var second = await _harness.Get<EmployeeDirectory>().CreateAsync(Actor.System, new EmployeeForm
        {
            EmployeeNumber = "A2", FullName = "Second Agent", Email = "second@ecomops.local", Role = Roles.CsAgent, HireDate = new DateOnly(2026, 1, 1), Password = "welcome123",
        });
        _second = second.Value!.Id;
        await using var db = _harness.NewDb();
        _agent = (await db.Employees.SingleAsync(e => e.Email == "agent@ecomops.local")).Id;
        _supervisor = (await db.Employees.SingleAsync(e => e.Email == "cssupervisor@ecomops.local")).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> WaitingAsync(string subject)
    {
        var id = (await _harness.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            CustomerName = "客户", CustomerContact = "13800000000", Subject = subject, Category = TicketCategories.Other, Message = "Hi",
        })).Value;
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        return id;
    }

    private async Task<int?> AssigneeOfAsync(int ticketId) => (await _harness.Get<TicketQueue>().FindAsync(ticketId))!.AssigneeId;

    [Fact]
    public async Task Waiting_tickets_go_oldest_first_to_the_least_loaded_on_shift_agent()
    {
        var first = await WaitingAsync("first");
        var second = await WaitingAsync("second");
        var third = await WaitingAsync("third");
        var auto = _harness.Get<AutoAssignment>();
        await auto.SwitchAsync(Actor.System, Team.CustomerService, on: true);

        var assigned = await auto.AssignWaitingAsync([_agent, _second, _supervisor]);

        Assert.Equal(3, assigned);
        var owners = new[] { await AssigneeOfAsync(first), await AssigneeOfAsync(second), await AssigneeOfAsync(third) };
        Assert.Equal(new int?[] { Math.Min(_agent, _second), Math.Max(_agent, _second), Math.Min(_agent, _second) }, owners);
        Assert.DoesNotContain(_supervisor, owners.Select(o => o!.Value));
    }

    [Fact]
    public async Task Nothing_is_handed_out_while_switched_off_or_to_agents_who_are_not_on_shift()
    {
        var ticket = await WaitingAsync("waiting");
        var auto = _harness.Get<AutoAssignment>();

        var whileOff = await auto.AssignWaitingAsync([_agent]);
        await auto.SwitchAsync(Actor.System, Team.CustomerService, on: true);
        var nobodyOnShift = await auto.AssignWaitingAsync([]);
        var supervisorOnly = await auto.AssignWaitingAsync([_supervisor]);

        Assert.Equal((0, 0, 0), (whileOff, nobodyOnShift, supervisorOnly));
        Assert.Null(await AssigneeOfAsync(ticket));
    }

    [Fact]
    public async Task An_agent_with_running_tickets_gets_the_next_one_only_after_the_idle_agent()
    {
        var held = await WaitingAsync("held");
        await _harness.Get<TicketDesk>().AssignAsync(Actor.System, held, _agent, (await _harness.Get<TicketQueue>().FindAsync(held))!.Version);
        var next = await WaitingAsync("next");
        var auto = _harness.Get<AutoAssignment>();
        await auto.SwitchAsync(Actor.System, Team.CustomerService, on: true);

        await auto.AssignWaitingAsync([_agent, _second]);

        Assert.Equal(_second, await AssigneeOfAsync(next));
    }
}
