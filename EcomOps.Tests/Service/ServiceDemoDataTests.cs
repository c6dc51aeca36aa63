using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Service;

/// <summary>One Standard data set shared by the tests that only read it: generating it takes a couple of seconds.</summary>
public sealed class StandardServiceDemo : IAsyncLifetime
{
    public DomainHarness Harness { get; private set; } = default!;

    public DateTime Now => Harness.Clock.GetUtcNow().UtcDateTime;

    public List<ServiceDemoDataTests.TicketRow> Rows { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Harness = await DomainHarness.StartAsync();
        await Harness.Get<DemoDataGenerator>().SeedAsync(DemoSize.Standard);
        Rows = await ServiceDemoDataTests.RowsAsync(Harness);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

public sealed class ServiceDemoDataTests(StandardServiceDemo standard) : IClassFixture<StandardServiceDemo>
{
    /// <summary>What two runs must agree on: who wrote about what, when, and where the ticket stands.</summary>
    public sealed record TicketRow(
        int Id, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, TicketChannel Channel, string Category, TicketPriority Priority,
        TicketStatus Status, string Subject, string CustomerName, string CustomerContact, string? OrderReference,
        string? Assignee, DateTime? NextDeadlineUtc, SlaBadge SlaBadge, int Entries, int StatusChanges);

    public static async Task<List<TicketRow>> RowsAsync(DomainHarness harness)
    {
        await using var db = harness.NewDb();
        return await db.Tickets.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new TicketRow(
                t.Id, t.CreatedAtUtc, t.UpdatedAtUtc, t.Channel, t.Category, t.Priority, t.Status, t.Subject, t.CustomerName,
                t.CustomerContact, t.OrderReference, t.Assignee == null ? null : t.Assignee.EmployeeNumber, t.NextDeadlineUtc,
                t.SlaBadge, t.Entries.Count, t.StatusHistory.Count))
            .ToListAsync();
    }

    [Fact]
    public async Task Standard_demo_data_has_about_3000_tickets_over_90_days_across_all_channels_with_evenings_busier_than_nights_and_some_breaches()
    {
        var rows = standard.Rows;
        var now = standard.Now;
        var time = standard.Harness.Get<CompanyTime>();

        Assert.InRange(rows.Count, 2_700, 3_300);
        Assert.All(rows, r => Assert.InRange(r.CreatedAtUtc, now.AddDays(-90), now));
        Assert.True(rows.Min(r => r.CreatedAtUtc) < now.AddDays(-88), "The oldest ticket is about 90 days old");
        Assert.All(Enum.GetValues<TicketChannel>(), channel => Assert.Contains(rows, r => r.Channel == channel));
        Assert.All(TicketCategories.All, category => Assert.Contains(rows, r => r.Category == category));
        Assert.Equal(TicketChannel.OnlineChat, rows.GroupBy(r => r.Channel).MaxBy(g => g.Count())!.Key);

        // Per hour of the day: the four evening hours against the eight night hours.
        var localHours = rows.Select(r => time.ToLocal(r.CreatedAtUtc).Hour).ToList();
        var eveningPerHour = localHours.Count(h => h is >= 19 and < 23) / 4.0;
        var nightPerHour = localHours.Count(h => h < 8) / 8.0;
        Assert.True(eveningPerHour > 3 * nightPerHour, $"evening {eveningPerHour:F0}/h, night {nightPerHour:F0}/h");

        // Older tickets are done; the newest are being worked, some not yet picked up.
        var old = rows.Where(r => r.CreatedAtUtc < now.AddDays(-7)).ToList();
        Assert.True(old.Count(r => r.Status is TicketStatus.Solved or TicketStatus.Closed) > 0.97 * old.Count);
        var open = rows.Where(r => r.Status is TicketStatus.New or TicketStatus.Open or TicketStatus.PendingCustomer).ToList();
        Assert.Contains(open, r => r.Assignee is null);
        Assert.Contains(open, r => r.Assignee is not null);
        Assert.All(rows, r => Assert.Empty(TicketRules.Check(new TicketForm
        {
            Channel = r.Channel, CustomerName = r.CustomerName, CustomerContact = r.CustomerContact, OrderReference = r.OrderReference,
            Subject = r.Subject, Category = r.Category, Priority = r.Priority, Message = "-",
        })));
        Assert.InRange(rows.Count(r => r.OrderReference is not null), rows.Count * 35 / 100, rows.Count * 65 / 100);
        Assert.Contains(rows, r => r.CustomerName.Any(c => c is '喆' or '堃' or '赟'));
        Assert.Contains(rows, r => r.CustomerName.All(char.IsAscii));

        await using var db = standard.Harness.NewDb();
        var breaches = await db.SlaBreaches.AsNoTracking().ToListAsync();
        Assert.InRange(breaches.Count, rows.Count / 20, rows.Count / 2);
        Assert.Contains(breaches, b => b.Target == SlaTargetKind.FirstResponse);
        Assert.Contains(breaches, b => b.Target == SlaTargetKind.NextReply);
        Assert.All(breaches, b => Assert.True(b.BreachedAtUtc <= now));
    }

    [Fact]
    public async Task The_same_size_always_gives_the_same_tickets()
    {
        // The second run makes only the areas up to the tickets' last writer (referrals): the areas after it draw from the
        // shared random sequence later and never touch a ticket, and leaving them out halves the run.
        await using var second = await DomainHarness.StartAsync(services => services.AddSingleton(sp =>
        {
            var areas = sp.GetServices<IDemoDataArea>().ToList();
            var last = areas.OfType<EcomOps.Domain.Service.Referrals.ReferralDemoData>().Single().Order;
            return new DemoDataGenerator(
                sp.GetRequiredService<IDbContextFactory<EcomOps.Domain.Data.OpsDb>>(), areas.Where(a => a.Order <= last),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DemoDataGenerator>>());
        }));
        await second.Get<DemoDataGenerator>().SeedAsync(DemoSize.Standard);

        Assert.Equal(standard.Rows, await RowsAsync(second));
    }

    [Fact]
    public async Task Every_thread_starts_with_the_customer_at_creation_and_every_history_with_New_in_time_order_none_in_the_future_and_due_times_match_the_SLA()
    {
        var now = standard.Now;
        var sla = standard.Harness.Get<ServiceSla>();
        await using var db = standard.Harness.NewDb();
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Entries).Include(t => t.StatusHistory).AsSplitQuery().ToListAsync();
        var breaches = (await db.SlaBreaches.AsNoTracking().ToListAsync()).ToLookup(b => b.TicketId);
        var alerts = (await db.ServiceAlerts.AsNoTracking().ToListAsync()).ToLookup(a => a.TicketId);

        foreach (var ticket in tickets)
        {
            var thread = ticket.Entries.OrderBy(e => e.Id).ToList();
            var first = thread[0];
            Assert.Equal(ThreadEntryKind.CustomerMessage, first.Kind);
            Assert.Equal(ticket.CreatedAtUtc, first.AtUtc);
            Assert.Equal(ticket.CustomerName, first.AuthorName);
            Assert.Equal(thread.Select(e => e.AtUtc).Order(), thread.Select(e => e.AtUtc));
            Assert.All(thread, e => Assert.True(e.AtUtc <= now && e.AtUtc.Kind == DateTimeKind.Utc));
            // The agent writes every reply and note, except a department's answer to a referral (its note starts with the referral's number).
            Assert.All(thread.Where(e => e.Kind != ThreadEntryKind.CustomerMessage && !System.Text.RegularExpressions.Regex.IsMatch(e.Body, @"^R\d{5} · ")), e => Assert.Equal(ticket.AssigneeId, e.AuthorEmployeeId));
            Assert.All(thread.Select(e => e.Body).Append(ticket.Subject), text => Assert.DoesNotContain('{', text));

            var history = ticket.StatusHistory.OrderBy(s => s.Id).ToList();
            Assert.Equal(TicketStatus.New, history[0].Status);
            Assert.Equal(ticket.CreatedAtUtc, history[0].AtUtc);
            Assert.Equal(ticket.Status, history[^1].Status);
            Assert.Equal(history.Select(s => s.AtUtc).Order(), history.Select(s => s.AtUtc));
            Assert.All(history.Zip(history.Skip(1)), pair => Assert.NotEqual(pair.First.Status, pair.Second.Status));
            Assert.All(history, s => Assert.True(s.AtUtc <= now));
            Assert.True(ticket.UpdatedAtUtc <= now && (ticket.AssignedAtUtc is null || ticket.AssignedAtUtc <= now));

            // The stored SLA picture is what the desk would compute now; every breach it reports is recorded, and
            // every escalation the desk would raise now (a breach still owed, a running target past its warning) is raised.
            var stored = (ticket.SlaPolicyName, ticket.FirstResponseDueUtc, ticket.NextReplyDueUtc, ticket.ResolutionDueUtc,
                ticket.NextDeadlineUtc, ticket.NextWarningUtc, ticket.SlaBadge, ticket.SlaNextCheckUtc);
            var targets = sla.Project(ticket, now);
            Assert.Equal(stored, (ticket.SlaPolicyName, ticket.FirstResponseDueUtc, ticket.NextReplyDueUtc, ticket.ResolutionDueUtc,
                ticket.NextDeadlineUtc, ticket.NextWarningUtc, ticket.SlaBadge, ticket.SlaNextCheckUtc));
            Assert.Equal(
                targets.Where(t => t.BreachedAtUtc is not null).Select(t => (t.Kind, t.BreachedAtUtc!.Value)).Order(),
                breaches[ticket.Id].Select(b => (b.Target, b.BreachedAtUtc)).Order());
            Assert.Equal(
                targets.Where(t => t.BreachedAtUtc is not null && t.MetAtUtc is null).Select(t => (AlertKind.Breach, t.Kind, t.BreachedAtUtc!.Value))
                    .Concat(targets.Where(t => t is { BreachedAtUtc: null, State: SlaState.Active, Level: SlaLevel.Warning }).Select(t => (AlertKind.Warning, t.Kind, t.DueAtUtc!.Value)))
                    .Order(),
                alerts[ticket.Id].Select(a => (a.Kind, a.Target, a.DueAtUtc)).Order());
            Assert.All(alerts[ticket.Id], a => Assert.True(a.RaisedAtUtc <= now && a.AcknowledgedAtUtc is null));
            if (ticket.Status is TicketStatus.New or TicketStatus.Open)
            {
                Assert.NotNull(ticket.NextDeadlineUtc);
            }
        }
    }

    [Fact]
    public async Task Minimal_demo_data_has_no_tickets()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = harness.NewDb();

        Assert.False(await db.Tickets.AnyAsync());
        Assert.False(await db.SlaBreaches.AnyAsync());
    }
}
