using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service;

[Trait("Engines", "Both")]
public sealed class TicketQueueSortTests : IAsyncLifetime
{
    private const string Marker = "ZQSORT";
    private DomainHarness _harness = default!;

    private TicketDesk Desk => _harness.Get<TicketDesk>();

    private TicketQueue Queue => _harness.Get<TicketQueue>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        var agents = await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == Team.CustomerService).OrderBy(e => e.Id).Take(2).ToListAsync();
        var specs = new (string Customer, TicketChannel Channel, TicketPriority Priority, int? Agent, bool Pending)[]
        {
            ("王喆", TicketChannel.Email, TicketPriority.Normal, 0, false),
            ("=HYPERLINK(\"http://evil\",\"x\")", TicketChannel.OnlineChat, TicketPriority.Urgent, null, false),
            ("Li Lei", TicketChannel.Hotline, TicketPriority.Normal, 1, true),
            ("Han Meimei", TicketChannel.Email, TicketPriority.Low, null, false),
            ("王喆", TicketChannel.OnlineChat, TicketPriority.High, 0, false),
            ("Ann", TicketChannel.PlatformMessage, TicketPriority.Normal, 1, false),
        };
        var i = 0;
        foreach (var spec in specs)
        {
            var id = (await Desk.CreateAsync(Actor.System, new TicketForm
            {
                Channel = spec.Channel, CustomerName = spec.Customer, CustomerContact = $"1380013800{i}", Subject = $"{Marker} question {i++}",
                Category = TicketCategories.Shipping, Priority = spec.Priority, Message = "Where is my parcel?",
            })).Value;
            if (spec.Agent is { } agent)
            {
                var ticket = (await Queue.FindAsync(id))!;
                Assert.True((await Desk.AssignAsync(Actor.System, id, agents[agent].Id, ticket.Version)).Succeeded);
            }
            if (spec.Pending)
            {
                var ticket = (await Queue.FindAsync(id))!;
                Assert.True((await Desk.ChangeStatusAsync(Actor.System, id, TicketStatus.PendingCustomer, ticket.Version)).Succeeded);
            }
            _harness.Clock.Advance(TimeSpan.FromMinutes(3));
        }
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static QueueQuery Mine(ListSort<TicketColumn>? sort) => new(QueueScope.Team, null, Search: Marker, Take: 100, Sort: sort);

    private static readonly Dictionary<TicketColumn, Func<IEnumerable<QueueRow>, IOrderedEnumerable<QueueRow>>> Ascending = new()
    {
        [TicketColumn.Deadline] = rows => rows.OrderBy(r => r.NextDeadlineUtc == null).ThenBy(r => r.NextDeadlineUtc).ThenBy(r => r.CreatedAtUtc),
        [TicketColumn.Ticket] = rows => rows.OrderBy(r => r.Id),
        [TicketColumn.Customer] = rows => rows.OrderBy(r => r.CustomerName, StringComparer.Ordinal),
        [TicketColumn.Channel] = rows => rows.OrderBy(r => r.Channel.ToString(), StringComparer.Ordinal),
        [TicketColumn.Priority] = rows => rows.OrderBy(r => (int)r.Priority),
        [TicketColumn.Status] = rows => rows.OrderBy(r => (int)r.Status),
        [TicketColumn.Assignee] = rows => rows.OrderBy(r => r.AssigneeName, StringComparer.Ordinal),
    };

    public static TheoryData<TicketColumn> EveryColumn() => [.. Enum.GetValues<TicketColumn>()];

    [Theory]
    [MemberData(nameof(EveryColumn))]
    public async Task The_ticket_queue_sorts_by_each_column_both_ways_with_the_number_breaking_ties(TicketColumn column)
    {
        var up = (await Queue.SearchAsync(Mine(new(column)))).Items;
        var down = (await Queue.SearchAsync(Mine(new(column, Descending: true)))).Items;

        Assert.Equal(6, up.Count);
        Assert.Equal(Ascending[column](up).ThenBy(r => r.Id).Select(r => r.Id), up.Select(r => r.Id));
        // The tie-breaker turns with the column, so the descending order is the ascending one reversed.
        Assert.Equal(up.Select(r => r.Id).Reverse(), down.Select(r => r.Id));
    }

    [Fact]
    public async Task The_ticket_queue_keeps_the_earliest_deadline_first_when_no_column_is_chosen()
    {
        var byDefault = (await Queue.SearchAsync(Mine(null))).Items;
        var byDeadline = (await Queue.SearchAsync(Mine(TicketQueue.ByDeadline))).Items;

        Assert.Equal(byDeadline.Select(r => r.Id), byDefault.Select(r => r.Id));
        var deadlines = byDefault.Select(r => r.NextDeadlineUtc ?? DateTime.MaxValue).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
    }

    [Fact]
    public async Task The_queue_export_holds_the_filtered_tickets_in_the_queues_order_with_inert_customer_names_and_translated_headers()
    {
        var query = Mine(new(TicketColumn.Customer)) with { Channel = TicketChannel.OnlineChat };
        var page = (await Queue.SearchAsync(query)).Items;

        using var list = new ExportedList(await Queue.ExportAsync(query with { Take = 1 }, ExportedList.Text("zh-Hans")));

        var zh = ExportedList.Text("zh-Hans");
        Assert.Equal(2, list.File.Rows);
        Assert.Equal(page.Select(r => r.Number), list.Texts(zh("Queue.Ticket")));
        var evil = list.Cells(zh("Ticket.Customer"))[0];
        Assert.StartsWith("=HYPERLINK", evil.GetString());
        Assert.False(evil.HasFormula);
        Assert.True(evil.Style.IncludeQuotePrefix);
        Assert.Equal([zh("Priority.Urgent"), zh("Priority.High")], list.Texts(zh("Ticket.Priority")));
        Assert.All(list.Cells(zh("Queue.NextDeadline")), c => Assert.Equal(XLDataType.DateTime, c.DataType));
    }
}
