using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Orders;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service;

/// <summary>
/// The races a cluster has, split across two servers on one PostgreSQL database (each with its own desks, caches and
/// live feed), under PostgreSQL's default isolation: the database decides, not a server's memory. (One server's races
/// run on both engines in OrderDeskTests and TicketDeskTests.)
/// </summary>
public sealed class RacesAcrossServersTests
{
    [SkippableFact]
    public async Task When_1000_orders_split_across_two_servers_race_for_500_units_exactly_500_are_accepted_and_the_rest_held_out_of_stock()
    {
        await using var world = await OrderWorld.StartAsync(stockPerSku: 500, provider: DatabaseProvider.PostgreSql);
        await using var beside = await world.Harness.BesideAsync();
        OrderIntake[] servers = [world.Intake, beside.Get<OrderIntake>()];

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
            servers[i % 2].TakeInAsync(OrderWorld.Specialist, world.ChannelId,
                [world.Draft($"X-{i}") with { CustomerName = $"客户{i}", CustomerPhone = $"139{i:D8}" }]))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var statuses = results.Select(r => r.Value![0].Status).ToList();
        Assert.Equal(500, statuses.Count(s => s == OrderStatus.Accepted));
        Assert.Equal(500, statuses.Count(s => s == OrderStatus.OnHold));
        // Each server accepted some: the race really was across both.
        Assert.All(servers.Select((_, s) => results.Where((_, i) => i % 2 == s).Count(r => r.Value![0].Status == OrderStatus.Accepted)), n => Assert.InRange(n, 1, 499));
        var balance = await world.BalanceAsync("SKU-1");
        Assert.Equal((500, 500, 0), (balance.OnHand, balance.Reserved, balance.Available));
        Assert.Equal(500, await world.ReadAsync(db => db.Set<StockMovement>().CountAsync(m => m.Kind == StockMovementKind.Reservation)));
    }

    [SkippableFact]
    public async Task Agents_on_two_servers_claiming_one_ticket_at_once_give_one_owner_and_every_other_agent_is_told_who_has_it()
    {
        await using var a = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: DatabaseProvider.PostgreSql);
        var directory = a.Get<EmployeeDirectory>();
        var agents = new List<Actor>();
        for (var i = 0; i < 12; i++)
        {
            var email = $"racer{i}@ecomops.local";
            await directory.CreateAsync(Actor.System, new EmployeeForm
            {
                EmployeeNumber = $"R{i:00}", FullName = $"Racer {i}", Email = email, Role = Roles.CsAgent,
                HireDate = new DateOnly(2026, 1, 1), Password = "welcome123",
            });
            await using var db = a.NewDb();
            agents.Add(new Actor((await db.Users.SingleAsync(u => u.UserName == email)).Id, email));
        }
        var id = (await a.Get<TicketDesk>().CreateAsync(agents[0], new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "王喆", CustomerContact = "13800138000", Subject = "Where is my parcel?",
            Category = TicketCategories.Other, Message = "Ordered a week ago.",
        })).Value;
        await using var b = await a.BesideAsync();
        TicketDesk[] servers = [a.Get<TicketDesk>(), b.Get<TicketDesk>()];

        using var start = new Barrier(agents.Count);
        var results = await Task.WhenAll(agents.Select((agent, i) => Task.Run(() =>
        {
            start.SignalAndWait();
            return servers[i % 2].ClaimAsync(agent, id);
        })));

        var winner = Assert.Single(results, r => r.Value!.Claimed);
        var refusals = results.Where(r => !r.Value!.Claimed).ToList();
        Assert.Equal(agents.Count - 1, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(winner.Value!.HeldBy, r.Value!.HeldBy));
        Assert.Equal(winner.Value!.HeldBy, (await b.Get<TicketQueue>().FindAsync(id))!.Assignee!.FullName);
    }
}
