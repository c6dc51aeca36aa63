using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Calendars;

public sealed class CalendarDeskTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    private CalendarDesk Desk => _harness.Get<CalendarDesk>();

    private CalendarDays Days => _harness.Get<CalendarDays>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<Actor> ActorWithRoleAsync(string role)
    {
        await using var db = _harness.NewDb();
        var employee = await db.Employees.FirstAsync(e => e.Role == role && e.Active && e.UserId != null);
        return new Actor(employee.UserId, employee.Email);
    }

    private async Task<List<CalendarDay>> StoredAsync(WorkCalendar calendar)
    {
        await using var db = _harness.NewDb();
        return await db.Set<CalendarDay>().Where(d => d.Calendar == calendar).OrderBy(d => d.Date).ToListAsync();
    }

    private async Task<CalendarDayRow> RowAsync(WorkCalendar calendar, DateOnly date) =>
        (await Desk.ListAsync(calendar)).Single(d => d.Date == date);

    [Fact]
    public async Task Seeding_at_every_start_writes_the_2026_and_2027_holidays_once()
    {
        var first = await Days.SeedAsync();
        var second = await new CalendarDays(_harness.Get<IDbContextFactory<OpsDb>>(), _harness.Get<CompanyTime>()).SeedAsync();

        var company = await StoredAsync(WorkCalendar.Company);
        Assert.Equal(CalendarSeeds.All.Sum(seed => seed.Days.Count), first);
        Assert.Equal(0, second);
        Assert.Equal(CalendarSeeds.China2026.Days.Count + CalendarSeeds.China2027.Days.Count, company.Count);
        Assert.Contains(company, d => d.Date == new DateOnly(2027, 10, 7) && d.Kind == CalendarDayKind.Holiday);
        Assert.Contains(company, d => d.Date == new DateOnly(2026, 10, 10) && d.Kind == CalendarDayKind.MakeUpWorkday);
        Assert.Equal(4, (await StoredAsync(WorkCalendar.ServiceDesk)).Count);
    }

    [Fact]
    public async Task Seeding_again_keeps_a_removed_holiday_removed_an_edited_one_as_edited_and_a_day_entered_first()
    {
        var supervisor = await ActorWithRoleAsync(Roles.CsSupervisor);
        // Entered by hand before the 2027 seed was ever written: the seed must not take the date.
        Assert.True((await Desk.SaveAsync(supervisor, null, 0, new CalendarDayForm { Calendar = WorkCalendar.Company, Date = new DateOnly(2027, 1, 1), Kind = CalendarDayKind.MakeUpWorkday, Name = "盘点日" })).Succeeded);
        await Days.SeedAsync();
        var removed = await RowAsync(WorkCalendar.Company, new DateOnly(2027, 6, 9));
        var edited = await RowAsync(WorkCalendar.Company, new DateOnly(2027, 9, 15));
        Assert.True((await Desk.RemoveAsync(supervisor, removed.Id, removed.Version)).Succeeded);
        var renamed = CalendarDayForm.Of(edited);
        renamed.Name = "中秋节（公司）";
        Assert.True((await Desk.SaveAsync(supervisor, edited.Id, edited.Version, renamed)).Succeeded);

        var nextStart = await new CalendarDays(_harness.Get<IDbContextFactory<OpsDb>>(), _harness.Get<CompanyTime>()).SeedAsync();

        var company = await StoredAsync(WorkCalendar.Company);
        Assert.Equal(0, nextStart);
        Assert.DoesNotContain(company, d => d.Date == new DateOnly(2027, 6, 9));
        Assert.Equal("中秋节（公司）", company.Single(d => d.Date == new DateOnly(2027, 9, 15)).Name);
        Assert.Equal(CalendarDayKind.MakeUpWorkday, company.Single(d => d.Date == new DateOnly(2027, 1, 1)).Kind);
    }

    [Fact]
    public async Task Desk_holidays_kept_in_settings_saved_before_the_upgrade_become_its_first_days_instead_of_the_defaults()
    {
        await using (var db = _harness.NewDb())
        {
            db.Add(new SlaSettingsRecord
            {
                Document = """{"TimeZoneId":"Asia/Shanghai","WeeklyHours":{"Monday":"09:00-18:00"},"Holidays":["2026-12-25"],"MakeUpWorkdays":[{"Date":"2026-12-27","WorksAs":"Monday"}],"Policies":[]}""",
                Version = 3,
            });
            await db.SaveChangesAsync();
        }

        await Days.SeedAsync();

        Assert.Equal(
            [(new DateOnly(2026, 12, 25), CalendarDayKind.Holiday), (new DateOnly(2026, 12, 27), CalendarDayKind.MakeUpWorkday)],
            (await StoredAsync(WorkCalendar.ServiceDesk)).Select(d => (d.Date, d.Kind)));
    }

    [Fact]
    public async Task Changing_a_calendar_without_the_sla_settings_permission_is_refused_and_writes_nothing()
    {
        await Days.SeedAsync();
        var agent = await ActorWithRoleAsync(Roles.CsAgent);
        var specialist = await ActorWithRoleAsync(Roles.OperationsSpecialist);
        var holiday = await RowAsync(WorkCalendar.Company, new DateOnly(2027, 10, 1));
        var form = new CalendarDayForm { Calendar = WorkCalendar.ServiceDesk, Date = new DateOnly(2026, 12, 24), Kind = CalendarDayKind.Holiday };

        var byAgent = await Desk.SaveAsync(agent, null, 0, form);
        var bySystem = await Desk.SaveAsync(Actor.System, null, 0, form);
        var removal = await Desk.RemoveAsync(specialist, holiday.Id, holiday.Version);

        Assert.All([byAgent, bySystem, removal], outcome =>
        {
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            Assert.Equal([new FieldError("Permission", CalendarDesk.NotPermitted)], outcome.Errors);
        });
        Assert.DoesNotContain(await StoredAsync(WorkCalendar.ServiceDesk), d => d.Date == new DateOnly(2026, 12, 24));
        Assert.Contains(await StoredAsync(WorkCalendar.Company), d => d.Id == holiday.Id);
    }

    [Fact]
    public async Task An_edit_or_removal_from_a_stale_version_is_refused_and_the_other_edit_stands()
    {
        await Days.SeedAsync();
        var supervisor = await ActorWithRoleAsync(Roles.CsSupervisor);
        var director = await ActorWithRoleAsync(Roles.OperationsDirector);
        var read = await RowAsync(WorkCalendar.ServiceDesk, new DateOnly(2027, 2, 5));
        var first = CalendarDayForm.Of(read);
        first.Kind = CalendarDayKind.SpecialHours;
        first.Hours = "09:00-15:00";
        var second = CalendarDayForm.Of(read);
        second.Name = "除夕";

        var saved = await Desk.SaveAsync(supervisor, read.Id, read.Version, first);
        var stale = await Desk.SaveAsync(director, read.Id, read.Version, second);
        var staleRemoval = await Desk.RemoveAsync(director, read.Id, read.Version);

        Assert.True(saved.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(OutcomeKind.Conflict, staleRemoval.Kind);
        var stored = await RowAsync(WorkCalendar.ServiceDesk, new DateOnly(2027, 2, 5));
        Assert.Equal((CalendarDayKind.SpecialHours, "09:00-15:00", read.Version + 1), (stored.Kind, stored.Hours, stored.Version));
    }

    [Fact]
    public async Task A_second_entry_for_the_same_date_is_refused_as_taken()
    {
        await Days.SeedAsync();
        var supervisor = await ActorWithRoleAsync(Roles.CsSupervisor);

        var twice = await Desk.SaveAsync(supervisor, null, 0, new CalendarDayForm { Calendar = WorkCalendar.Company, Date = new DateOnly(2027, 10, 1), Kind = CalendarDayKind.MakeUpWorkday });

        Assert.Equal([new FieldError("Date", CalendarDesk.DateTaken)], twice.Errors);
    }

    [Fact]
    public async Task A_short_day_saved_for_today_recomputes_the_open_tickets_at_once()
    {
        await _harness.Get<SlaSettingsDesk>().SyncAsync();
        var ticket = (await _harness.Get<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "客户", CustomerContact = "13800000000", Subject = "双十一", Category = TicketCategories.Other, Message = "还在吗？",
        })).Value;
        var supervisor = await ActorWithRoleAsync(Roles.CsSupervisor);

        // Friday 27 November, 10:00 now: open only until 10:05 today, so 10 of chat's 15 minutes run on Saturday from 09:00.
        var saved = await Desk.SaveAsync(supervisor, null, 0,
            new CalendarDayForm { Calendar = WorkCalendar.ServiceDesk, Date = new DateOnly(2026, 11, 27), Kind = CalendarDayKind.SpecialHours, Hours = "09:00-10:05" });

        Assert.True(saved.Succeeded);
        Assert.True(saved.Value!.Recomputed!.DeadlinesMoved >= 1);
        await using var db = _harness.NewDb();
        Assert.Equal(new DateTime(2026, 11, 28, 1, 10, 0, DateTimeKind.Utc), (await db.Tickets.SingleAsync(t => t.Id == ticket)).FirstResponseDueUtc);
    }

    [Fact]
    public async Task Ship_by_reads_the_stored_company_calendar_skipping_a_2027_holiday_and_counting_a_make_up_day()
    {
        await Days.SeedAsync();
        _harness.Get<OrderSettings>().ShipBy.BusinessDays = true;
        var shipBy = _harness.Get<ShipByPolicy>();
        // Paid Thursday 30 September 2027, 12:00 in Shanghai: twelve hours that day, 1–7 October skipped, twelve on Friday the 8th.
        var paid = new DateTime(2027, 9, 30, 4, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2027, 10, 8, 4, 0, 0, DateTimeKind.Utc), shipBy.ShipBy(paid));

        var supervisor = await ActorWithRoleAsync(Roles.OperationsDirector);
        var makeUp = await Desk.SaveAsync(supervisor, null, 0, new CalendarDayForm { Calendar = WorkCalendar.Company, Date = new DateOnly(2027, 10, 3), Kind = CalendarDayKind.MakeUpWorkday });
        var holiday = await RowAsync(WorkCalendar.Company, new DateOnly(2027, 10, 3));

        Assert.False(makeUp.Succeeded);
        Assert.True((await Desk.RemoveAsync(supervisor, holiday.Id, holiday.Version)).Succeeded);
        Assert.True((await Desk.SaveAsync(supervisor, null, 0, new CalendarDayForm { Calendar = WorkCalendar.Company, Date = new DateOnly(2027, 10, 3), Kind = CalendarDayKind.MakeUpWorkday })).Succeeded);
        // Sunday 3 October now worked: the remaining twelve hours end at its noon.
        Assert.Equal(new DateTime(2027, 10, 3, 4, 0, 0, DateTimeKind.Utc), shipBy.ShipBy(paid));
    }

    [Fact]
    public async Task A_company_day_made_a_workday_moves_the_ship_by_time_of_unshipped_orders_and_not_of_shipped_ones()
    {
        await Days.SeedAsync();
        _harness.Get<OrderSettings>().ShipBy.BusinessDays = true;
        var paid = new DateTime(2027, 9, 30, 4, 0, 0, DateTimeKind.Utc);
        var before = new DateTime(2027, 10, 8, 4, 0, 0, DateTimeKind.Utc);
        Order Paid(string id, ShippingStatus shipping) => new()
        {
            PlatformOrderId = id, CustomerName = "王喆", CustomerPhone = "13812345678", ShippingAddress = "上海市浦东新区张江路 100 号", CustomerLanguage = "zh-CN",
            Status = OrderStatus.Accepted, PaymentStatus = PaymentStatus.Paid, ShippingStatus = shipping,
            PlacedAtUtc = paid, PaidAtUtc = paid, ReceivedAtUtc = paid, UpdatedAtUtc = paid, ShipByUtc = before,
        };
        var waiting = Paid("CAL-WAITING", ShippingStatus.Picking);
        var shipped = Paid("CAL-SHIPPED", ShippingStatus.Shipped);
        await using (var db = _harness.NewDb())
        {
            var channel = new SalesChannel { Code = "CAL", Name = "日历测试店", Platform = SalesPlatform.WebShop };
            db.SalesChannels.Add(channel);
            await db.SaveChangesAsync();
            (waiting.ChannelId, shipped.ChannelId) = (channel.Id, channel.Id);
            db.Orders.AddRange(waiting, shipped);
            await db.SaveChangesAsync();
        }
        var director = await ActorWithRoleAsync(Roles.OperationsDirector);
        var holiday = await RowAsync(WorkCalendar.Company, new DateOnly(2027, 10, 3));
        Assert.True((await Desk.RemoveAsync(director, holiday.Id, holiday.Version)).Succeeded);

        var saved = await Desk.SaveAsync(director, null, 0, new CalendarDayForm { Calendar = WorkCalendar.Company, Date = new DateOnly(2027, 10, 3), Kind = CalendarDayKind.MakeUpWorkday });

        Assert.True(saved.Succeeded);
        Assert.Equal(1, saved.Value!.ShipByMoved);
        await using var read = _harness.NewDb();
        Assert.Equal(new DateTime(2027, 10, 3, 4, 0, 0, DateTimeKind.Utc), (await read.Orders.SingleAsync(o => o.Id == waiting.Id)).ShipByUtc);
        Assert.Equal(before, (await read.Orders.SingleAsync(o => o.Id == shipped.Id)).ShipByUtc);
    }

    [Fact]
    public async Task The_count_plan_spreads_over_working_days_without_the_stored_holidays()
    {
        await Days.SeedAsync();

        Assert.Equal(
            [new DateOnly(2027, 9, 30), new DateOnly(2027, 10, 8), new DateOnly(2027, 10, 9), new DateOnly(2027, 10, 11)],
            CountRules.WorkingDays(new DateOnly(2027, 9, 30), 4, Days.Company));
    }
}
