using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

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

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.PostgreSql, false)]
    [InlineData(DatabaseProvider.PostgreSql, true)]
    public async Task A_check_whose_ticket_another_server_changes_between_its_reads_still_reads_the_whole_ticket_and_does_not_fail(
        DatabaseProvider engine, bool recomputeAll)
    {
        if (engine == DatabaseProvider.PostgreSql)
        {
            PostgresServer.Require();
        }
        var between = new BeforeReadingStatusHistory();
        await using var a = await DomainHarness.StartSeededAsync(DemoSize.Minimal, s => s.AddSingleton<IInterceptor>(between), engine);
        var id = (await a.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Hello",
            Category = TicketCategories.Other, Message = "Anyone there?",
        })).Value;
        a.Clock.Advance(TimeSpan.FromMinutes(16));
        // Between the check's read of the tickets and its read of their histories, another server moves this ticket out of
        // what the check looks for (its next check gone, as when it recomputed it, or closed).
        between.Arm(async () =>
        {
            await using var other = a.NewDb();
            await other.Database.ExecuteSqlInterpolatedAsync(recomputeAll
                ? (FormattableString)$"UPDATE \"Tickets\" SET \"Status\" = {nameof(TicketStatus.Closed)}, \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id}"
                : $"UPDATE \"Tickets\" SET \"SlaNextCheckUtc\" = NULL, \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id}");
        });

        var desk = a.Get<TicketDesk>();
        if (recomputeAll)
        {
            await desk.RecomputeOpenAsync();
        }
        else
        {
            await desk.RefreshDueSlasAsync();
        }

        Assert.True(between.Fired);
    }

    /// <summary>Runs a change once, just before the Domain's next read of ticket status histories.</summary>
    private sealed class BeforeReadingStatusHistory : DbCommandInterceptor
    {
        private Func<Task>? _change;

        public bool Fired { get; private set; }

        public void Arm(Func<Task> change) => _change = change;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"TicketStatusChange\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _change, null) is { } change)
            {
                Fired = true;
                await change();
            }
            return result;
        }
    }
}
