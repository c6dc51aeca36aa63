using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service;

/// <summary>
/// Each console server runs its own SLA deadline scheduler; in the cluster several reach the same deadline at the same
/// instant. The breach they record is still recorded once.
/// </summary>
public sealed class SlaAcrossServersTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_servers_checking_the_same_deadline_at_once_record_its_breach_and_raise_its_alert_once_and_neither_fails(DatabaseProvider engine)
    {
        if (engine == DatabaseProvider.PostgreSql)
        {
            PostgresServer.Require();
        }
        await using var a = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: engine);
        var id = (await a.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Hello",
            Category = TicketCategories.Other, Message = "Anyone there?",
        })).Value;
        await using var b = await a.BesideAsync();
        // Past the first response's deadline, on both servers' clocks.
        a.Clock.Advance(TimeSpan.FromMinutes(16));
        b.Clock.SetUtcNow(a.Clock.GetUtcNow());

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(a.Get<TicketDesk>().RefreshDueSlasAsync(), b.Get<TicketDesk>().RefreshDueSlasAsync(),
                a.Get<TicketDesk>().RecomputeOpenAsync(), b.Get<TicketDesk>().RecomputeOpenAsync());
        }

        await using var db = a.NewDb();
        Assert.Equal(SlaTargetKind.FirstResponse, Assert.Single(await db.SlaBreaches.Where(x => x.TicketId == id).ToListAsync()).Target);
        // The warning's time passed between two checks, so only the breach escalates.
        Assert.Equal(AlertKind.Breach, Assert.Single(await db.ServiceAlerts.Where(x => x.TicketId == id).ToListAsync()).Kind);
    }
}
