using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Referrals;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Referrals;

/// <summary>The Minimal demo's people (an agent, the operations head, a specialist, a designer) and one open chat ticket by the agent.</summary>
public sealed class ReferralWorld : IAsyncDisposable
{
    public DomainHarness Harness { get; private init; } = default!;
    public Employee Agent { get; private set; } = default!;
    public Employee OpsHead { get; private set; } = default!;
    public Employee Specialist { get; private set; } = default!;
    public Employee Designer { get; private set; } = default!;
    public int Ticket { get; private set; }

    public ReferralDesk Desk => Harness.Get<ReferralDesk>();
    public DateTime Now => Harness.Clock.GetUtcNow().UtcDateTime;

    public static Actor As(Employee e) => Actor.Person(e.UserId, e.FullName, e.Role);

    public static async Task<ReferralWorld> StartAsync()
    {
        var world = new ReferralWorld { Harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal) };
        await using var db = world.Harness.NewDb();
        var people = await db.Employees.AsNoTracking().Where(e => e.Active && e.UserId != null).OrderBy(e => e.Id).ToListAsync();
        world.Agent = people.First(e => e.Role == Roles.CsAgent);
        world.OpsHead = people.First(e => e.Role == Roles.OperationsManager);
        world.Specialist = people.First(e => e.Role == Roles.OperationsSpecialist);
        world.Designer = people.First(e => e.Role == Roles.Designer);
        world.Ticket = (await world.Harness.Get<TicketDesk>().CreateAsync(As(world.Agent), new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "王女士", CustomerContact = "13800000001", Subject = "还有货吗", Category = TicketCategories.Other,
            Message = "这款灰色的下周能补货吗？",
        })).Value;
        return world;
    }

    /// <summary>The agent refers a question on the ticket to operations (or a colleague there), due in <paramref name="hours"/>.</summary>
    public async Task<int> ReferAsync(string question = "灰色款下周能补货吗？", Employee? to = null, double hours = 4)
    {
        var outcome = await Desk.ReferAsync(As(Agent), Ticket, new ReferralForm(Team.Operations, to?.Id, question, Now.AddHours(hours)));
        Assert.True(outcome.Succeeded, string.Join(",", outcome.Errors.Select(e => e.Code)) + outcome.Kind);
        return outcome.Value;
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
