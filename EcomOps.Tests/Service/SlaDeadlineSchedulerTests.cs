using System.Collections.Concurrent;
using EcomOps.Console.Jobs;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcomOps.Tests.Service;

public sealed class SlaDeadlineSchedulerTests
{
    [Fact]
    public async Task A_ticket_change_wakes_the_sleeping_scheduler_at_once_even_when_changes_come_from_many_threads_together()
    {
        var log = new WarningLog();
        await using var harness = await DomainHarness.StartAsync(s => s.AddSingleton<ILoggerProvider>(log));
        var desk = harness.Get<TicketDesk>();
        using var scheduler = new SlaDeadlineScheduler(desk, harness.Get<SlaSettingsDesk>(), harness.Feed, harness.Clock, NullLogger<SlaDeadlineScheduler>.Instance);
        await scheduler.StartAsync(CancellationToken.None);
        var id = (await desk.CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "王喆", CustomerContact = "13800138000", Subject = "Where is my parcel?",
            Category = TicketCategories.Shipping, Priority = TicketPriority.Normal, Message = "My order has not arrived.",
        })).Value;
        // The scheduler now sleeps toward the ticket's warning (12 minutes on). The ticket is moved 13 minutes into the past
        // without telling anyone, so its warning is due now, and the clock is not moved: only a wake-up can apply it.
        var now = harness.Clock.GetUtcNow().UtcDateTime;
        await using (var db = harness.NewDb())
        {
            await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(t => t
                .SetProperty(x => x.CreatedAtUtc, now.AddMinutes(-13)).SetProperty(x => x.SlaNextCheckUtc, now.AddMinutes(-1)));
            await db.TicketEntries.Where(e => e.TicketId == id).ExecuteUpdateAsync(e => e.SetProperty(x => x.AtUtc, now.AddMinutes(-13)));
        }

        // Commits on many threads at once (agents, jobs, the other servers of a cluster), each a reason to plan again.
        await Parallel.ForEachAsync(Enumerable.Range(0, 2_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            harness.Feed.Publish(new LiveChange(Boards.Tickets, nameof(Ticket), $"{id}", LiveChangeKind.Updated, now));
            return ValueTask.CompletedTask;
        });
        var queue = harness.Get<TicketQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await queue.FindAsync(id))!.SlaBadge != SlaBadge.Warning && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(SlaBadge.Warning, (await queue.FindAsync(id))!.SlaBadge);
        Assert.True(log.Warnings.IsEmpty, string.Join(Environment.NewLine, log.Warnings.Take(3)));
    }

    /// <summary>What the live feed logs as a warning or an error while the test runs: a subscriber that failed.</summary>
    private sealed class WarningLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(WarningLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel) && category == typeof(LiveFeed).FullName)
                {
                    log.Warnings.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
                }
            }
        }
    }
}
