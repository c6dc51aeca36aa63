using System.Linq.Expressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>
/// The order list's sortable columns: each is an index in sort order (see the order's configuration), so a page of
/// 1,000,000 orders is read from an index, never sorted. Customer, channel and state have no such index.
/// </summary>
public enum OrderColumn
{
    Placed,
    Total,
    ShipBy,
}

/// <summary>What the order list shows: each field narrows it; tiles of the board open it with some of them set.</summary>
public sealed record OrderFilter(
    string? Search = null,
    OrderStatus? Status = null,
    int? ChannelId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    HoldReason? Reason = null,
    PromiseState? Promise = null,
    int? LocalHour = null);

public sealed record OrderRow(
    int Id, string PlatformOrderId, string ChannelName, string CustomerName, string CustomerPhone, long TotalCents,
    OrderStatus Status, PaymentStatus PaymentStatus, ShippingStatus ShippingStatus, DateTime PlacedAtUtc, DateTime? ShipByUtc, DateTime? HeldSinceUtc)
{
    public string Number => Order.NumberOf(Id);
}

/// <param name="Total">How many orders match, counted up to <see cref="OrderQueries.CountCap"/>.</param>
/// <param name="MoreThanTotal">More orders match than were counted: the list says "more than" and a filter narrows it.</param>
public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, int Total, bool MoreThanTotal = false);

public sealed record HeldOrderRow(int Id, string PlatformOrderId, string ChannelName, string CustomerName, long TotalCents, DateTime HeldSinceUtc, IReadOnlyList<HoldReason> Reasons)
{
    public string Number => Order.NumberOf(Id);

    public TimeSpan Waited(DateTime nowUtc) => nowUtc - HeldSinceUtc;

    /// <summary>Held longer than <see cref="OrderRules.LongWait"/>: the queue flags it.</summary>
    public bool WaitedTooLong(DateTime nowUtc) => Waited(nowUtc) > OrderRules.LongWait;
}

/// <param name="ForPausedListings">Today's orders on this channel with a SKU whose listing on the channel is paused (by a
/// manager, or by the compliance audit for an overdue finding): the store still sells what the console took off it.</param>
public sealed record ChannelHourIntake(int ChannelId, string ChannelName, IReadOnlyList<int> PerHour, int ForPausedListings = 0)
{
    public int Total => PerHour.Sum();
}

public sealed record OrderBoard(
    IReadOnlyDictionary<OrderStatus, int> ByStatus,
    IReadOnlyDictionary<HoldReason, int> HoldsByReason,
    int AtRisk,
    int Late,
    int AwaitingShipment,
    IReadOnlyList<ChannelHourIntake> TodayIntake,
    DateTime AsOfUtc);

/// <summary>The order board, the order list and the exception queue: read-only, one short context per question.</summary>
public sealed class OrderQueries(IDbContextFactory<OpsDb> dbFactory, ShipByPolicy shipBy, CompanyTime time, LiveFeed feed)
{
    /// <summary>A page of the order list and the minute it was asked in when its promise filter reads the clock.</summary>
    private sealed record ListQuestion(OrderFilter Filter, ListSort<OrderColumn> Sort, int Skip, int Take, long Minute);

    private SharedReads<ListQuestion, OrderPage>? _pages;

    internal static readonly ShippingStatus[] Unshipped = [ShippingStatus.NotAssigned, ShippingStatus.Assigned, ShippingStatus.Picking, ShippingStatus.Packed];

    public static readonly ListSort<OrderColumn> NewestFirst = new(OrderColumn.Placed, Descending: true);

    public async Task<OrderBoard> BoardAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var holds = await db.OrderHolds.Where(h => h.ResolvedAtUtc == null).GroupBy(h => h.Reason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var riskFrom = now + shipBy.AtRiskWindow;
        var open = db.Orders.Where(o => o.Status == OrderStatus.Accepted && Unshipped.Contains(o.ShippingStatus));
        var late = await open.CountAsync(o => o.ShipByUtc < now, ct);
        var atRisk = await open.CountAsync(o => o.ShipByUtc >= now && o.ShipByUtc < riskFrom, ct);
        var awaiting = await open.CountAsync(ct);

        var dayStart = time.ToUtc(time.LocalNow.Date);
        var channels = await db.SalesChannels.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var today = await db.Orders.Where(o => o.ReceivedAtUtc >= dayStart).Select(o => new { o.Id, o.ChannelId, o.ReceivedAtUtc }).ToListAsync(ct);
        var forPaused = await ForPausedListingsAsync(db, dayStart, today.ToDictionary(o => o.Id, o => o.ChannelId), ct);
        var intake = channels.Select(c =>
        {
            var hours = new int[24];
            foreach (var o in today.Where(o => o.ChannelId == c.Id))
            {
                hours[time.ToLocal(o.ReceivedAtUtc).Hour]++;
            }
            return new ChannelHourIntake(c.Id, c.Name, hours, forPaused.GetValueOrDefault(c.Id));
        }).ToList();
        return new OrderBoard(
            byStatus.ToDictionary(s => s.Key, s => s.Count),
            holds.ToDictionary(h => h.Key, h => h.Count),
            atRisk, late, awaiting, intake, now);
    }

    /// <summary>
    /// The list's count stops here: past a thousand an exact total says nothing a person uses (they narrow the filter),
    /// and counting every match of a loose search walks a hundred thousand rows on every page turn.
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>
    /// A page of the order list. Every open list with the same filters asks again after each change to the orders: the
    /// database answers once per version of the orders (and per minute when "late" or "at risk" is asked, which the
    /// clock moves).
    /// </summary>
    public Task<OrderPage> ListAsync(OrderFilter filter, ListSort<OrderColumn> sort, int skip, int take, CancellationToken ct = default)
    {
        var minute = filter.Promise is null ? 0 : time.UtcNow.Ticks / TimeSpan.TicksPerMinute;
        var pages = LazyInitializer.EnsureInitialized(ref _pages, () => new SharedReads<ListQuestion, OrderPage>(ReadListAsync));
        return pages.AskAsync(new ListQuestion(filter, sort, Math.Min(skip, CountCap), Math.Clamp(take, 1, 200), minute), feed.VersionOf(Boards.Orders), ct);
    }

    private async Task<OrderPage> ReadListAsync(ListQuestion question)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (filter, sort) = (question.Filter, question.Sort);
        if (sort is { Column: OrderColumn.ShipBy, Descending: false })
        {
            // Undated orders last: two reads (RowsAsync).
            var matching = await Filter(db, filter).Take(CountCap + 1).CountAsync();
            var rows = await RowsAsync(db, filter, sort, question.Skip, question.Take, CancellationToken.None, inListOrder: matching > CountCap);
            return new OrderPage(rows, Math.Min(matching, CountCap), matching > CountCap);
        }
        // The list as it opens, as its filters narrow it and as it is searched: compiled once per sort, so a page costs its
        // two SQL statements and little else (translating the query again on every page cost more than the statements).
        var v = ValuesOf(filter);
        var found = new List<OrderRow>();
        int total;
        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            total = await CountPlain(db, v.Status, v.ChannelId, v.Start, v.End, v.HourStart, v.HourEnd, v.Reason, v.ShipByFrom,
                v.ShipByBefore, v.OnTrackFrom);
            var page = PagesBySort.GetOrAdd((sort.Column, sort.Descending), key => CompilePage(new ListSort<OrderColumn>(key.Column, key.Descending)));
            await foreach (var row in page(db, v.Status, v.ChannelId, v.Start, v.End, v.HourStart, v.HourEnd, v.Reason, v.ShipByFrom,
                v.ShipByBefore, v.OnTrackFrom, question.Skip, question.Take))
            {
                found.Add(row);
            }
        }
        else
        {
            var (text, upper, number) = SearchValues(filter.Search);
            total = await CountSearched(db, v.Status, v.ChannelId, v.Start, v.End, v.HourStart, v.HourEnd, v.Reason, v.ShipByFrom,
                v.ShipByBefore, v.OnTrackFrom, text, upper, number);
            // More than a thousand matches (a surname, a common prefix): reading in the list's own order finds a page of
            // them sooner than gathering every match and sorting it (4 ms against 0.8 s for 39,000 of 1,000,000 orders).
            var page = SearchPagesBySort.GetOrAdd((sort.Column, sort.Descending, total > CountCap),
                key => CompileSearchPage(new ListSort<OrderColumn>(key.Column, key.Descending), key.InListOrder));
            await foreach (var row in page(db, v.Status, v.ChannelId, v.Start, v.End, v.HourStart, v.HourEnd, v.Reason, v.ShipByFrom,
                v.ShipByBefore, v.OnTrackFrom, text, upper, number, question.Skip, question.Take))
            {
                found.Add(row);
            }
        }
        return new OrderPage(found, Math.Min(total, CountCap), total > CountCap);
    }

    /// <summary>The columns of the order list's workbook.</summary>
    public static readonly IReadOnlyList<ListColumn<OrderRow>> ExportColumns =
    [
        new("Orders.Order", (o, _) => ListCell.Of(o.Number)),
        new("Orders.PlatformOrderId", (o, _) => ListCell.Of(o.PlatformOrderId)),
        new("Orders.Placed", (o, _) => ListCell.At(o.PlacedAtUtc)),
        new("Orders.Customer", (o, _) => ListCell.Of(o.CustomerName)),
        new("Orders.Phone", (o, _) => ListCell.Of(o.CustomerPhone)),
        new("Orders.Channel", (o, _) => ListCell.Of(o.ChannelName)),
        new("Orders.Total", (o, _) => ListCell.Money(o.TotalCents)),
        new("Orders.Status", (o, text) => ListCell.Of(text($"OrderStatus.{o.Status}"))),
        new("Orders.Payment", (o, text) => ListCell.Of(text($"PaymentStatus.{o.PaymentStatus}"))),
        new("Orders.Shipping", (o, text) => ListCell.Of(text($"ShippingStatus.{o.ShippingStatus}"))),
        new("Orders.ShipBy", (o, _) => ListCell.At(o.ShipByUtc)),
    ];

    /// <summary>Every order the list shows with these filters, in its order, as a workbook (capped at <see cref="ListWorkbook.MaxRows"/>).</summary>
    public async Task<ListWorkbookFile> ExportAsync(OrderFilter filter, ListSort<OrderColumn> sort, Func<string, string> text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RowsAsync(db, filter, sort, 0, ListWorkbook.MaxRows + 1, ct);
        return ListWorkbook.Build(text("Nav.OrderList"), ExportColumns, rows, text, time.Zone);
    }

    /// <summary>
    /// The list's rows in its order, the id breaking ties the same way: the page takes a page of them, the export all.
    /// Orders without a ship-by time (not paid yet) come after the others both ways, so the count and the rows agree:
    /// descending, SQLite's order puts them there (NULL sorts lowest); ascending, the dated orders are read first and
    /// the undated after them, each an index range in order, where ORDER BY "ShipByUtc IS NULL" would sort the table.
    /// </summary>
    private async Task<List<OrderRow>> RowsAsync(OpsDb db, OrderFilter filter, ListSort<OrderColumn> sort, int skip, int take, CancellationToken ct,
        bool inListOrder = false)
    {
        var orders = Filter(db, filter, inListOrder);
        if (sort is not { Column: OrderColumn.ShipBy, Descending: false })
        {
            return await Shape(Sorted(orders, sort)).Skip(skip).Take(take).ToListAsync(ct);
        }
        var dated = await Shape(Sorted(orders.Where(o => o.ShipByUtc != null), sort)).Skip(skip).Take(take).ToListAsync(ct);
        if (dated.Count == take)
        {
            return dated;
        }
        var datedTotal = dated.Count > 0 ? skip + dated.Count : await orders.CountAsync(o => o.ShipByUtc != null, ct);
        var undated = await Shape(orders.Where(o => o.ShipByUtc == null).OrderBy(o => o.Id))
            .Skip(Math.Max(0, skip - datedTotal)).Take(take - dated.Count).ToListAsync(ct);
        return [.. dated, .. undated];
    }

    private static IOrderedQueryable<Order> Sorted(IQueryable<Order> orders, ListSort<OrderColumn> sort) =>
        (IOrderedQueryable<Order>)orders.Provider.CreateQuery<Order>(SortedBy(orders.Expression, sort));

    /// <summary>The list's order: by the column, the id breaking ties the same way.</summary>
    private static Expression SortedBy(Expression orders, ListSort<OrderColumn> sort)
    {
        var key = sort.Column switch
        {
            OrderColumn.Total => (LambdaExpression)(Expression<Func<Order, long>>)(o => o.TotalCents),
            OrderColumn.ShipBy => (Expression<Func<Order, DateTime?>>)(o => o.ShipByUtc),
            _ => (Expression<Func<Order, DateTime>>)(o => o.PlacedAtUtc),
        };
        return ListOrdering.By<Order>(ListOrdering.By<Order>(orders, key, sort.Descending), (Expression<Func<Order, int>>)(o => o.Id), sort.Descending, then: true);
    }

    private static readonly Expression<Func<Order, OrderRow>> AsRow = o => new OrderRow(o.Id, o.PlatformOrderId, o.Channel!.Name, o.CustomerName,
        o.CustomerPhone, o.TotalCents, o.Status, o.PaymentStatus, o.ShippingStatus, o.PlacedAtUtc, o.ShipByUtc, o.HeldSinceUtc);

    private static IQueryable<OrderRow> Shape(IQueryable<Order> orders) => orders.Select(AsRow);

    /// <summary>
    /// What a filter asks of the orders, its text search aside, as UTC instants: the values the conditions below take
    /// (null: not asked). A promise state asks for accepted, unshipped orders and a ship-by range.
    /// </summary>
    private sealed record OrderValues(OrderStatus? Status, int? ChannelId, DateTime? Start, DateTime? End, DateTime? HourStart, DateTime? HourEnd,
        HoldReason? Reason, DateTime? ShipByFrom, DateTime? ShipByBefore, DateTime? OnTrackFrom);

    private OrderValues ValuesOf(OrderFilter filter)
    {
        DateTime? hourStart = filter.LocalHour is { } hour && filter.From is { } day ? time.ToUtc(day.ToDateTime(new TimeOnly(hour, 0))) : null;
        var now = time.UtcNow;
        var riskFrom = now + shipBy.AtRiskWindow;
        return new OrderValues(filter.Status, filter.ChannelId,
            filter.From is { } from ? time.ToUtc(from.ToDateTime(TimeOnly.MinValue)) : null,
            filter.To is { } to ? time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            hourStart, hourStart?.AddHours(1), filter.Reason,
            filter.Promise == PromiseState.AtRisk ? now : null,
            filter.Promise switch { PromiseState.Late => now, PromiseState.AtRisk => riskFrom, _ => null },
            filter.Promise is { } p && p is not (PromiseState.Late or PromiseState.AtRisk) ? riskFrom : null);
    }

    /// <summary>
    /// The filter's conditions, once: a condition whose value is absent drops out of the SQL (EF Core writes one statement for
    /// each combination of absent values), so each combination keeps its own index plan.
    /// </summary>
    private static readonly Expression<Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, IQueryable<Order>>> Plain =
        (db, status, channelId, start, end, hourStart, hourEnd, reason, shipByFrom, shipByBefore, onTrackFrom) => db.Orders.AsNoTracking().Where(o =>
            (status == null || o.Status == status)
            && (channelId == null || o.ChannelId == channelId)
            && (start == null || o.PlacedAtUtc >= start)
            && (end == null || o.PlacedAtUtc < end)
            && (hourStart == null || (o.ReceivedAtUtc >= hourStart && o.ReceivedAtUtc < hourEnd))
            && (reason == null || o.Holds.Any(h => h.ResolvedAtUtc == null && h.Reason == reason))
            // Every promise state sets one of the two: a promise asks for accepted orders not shipped yet.
            && ((shipByBefore == null && onTrackFrom == null) || (o.Status == OrderStatus.Accepted && Unshipped.Contains(o.ShippingStatus)))
            && (shipByFrom == null || o.ShipByUtc >= shipByFrom)
            && (shipByBefore == null || o.ShipByUtc < shipByBefore)
            && (onTrackFrom == null || o.ShipByUtc == null || o.ShipByUtc >= onTrackFrom));

    private static readonly Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, Task<int>> CountPlain =
        EF.CompileAsyncQuery(Expression.Lambda<Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, int>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Order)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Order)], Plain.Body, Expression.Constant(CountCap + 1))),
            Plain.Parameters));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(OrderColumn Column, bool Descending),
        Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, int, int, IAsyncEnumerable<OrderRow>>> PagesBySort = new();

    private static Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, int, int, IAsyncEnumerable<OrderRow>> CompilePage(
        ListSort<OrderColumn> sort)
    {
        var skip = Expression.Parameter(typeof(int), "skip");
        var take = Expression.Parameter(typeof(int), "take");
        var page = ListOrdering.Page<Order>(SortedBy(Plain.Body, sort), skip, take);
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Order), typeof(OrderRow)], page, Expression.Quote(AsRow));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, int, int, IQueryable<OrderRow>>>(
            rows, [.. Plain.Parameters, skip, take]));
    }


    /// <summary>
    /// A text search's conditions: the order number, the platform's order id, the phone or a SKU code (each an equality on an
    /// indexed column), or the start of the customer's name (a range on its index: LIKE with a parameter cannot use an index in
    /// SQLite), so a search stays an index lookup at 1,000,000 orders. With many matches the name is joined to an empty string,
    /// which no index serves: SQLite then walks the index of the list's order and stops at the page's end.
    /// </summary>
    private static Expression<Func<OpsDb, Order, string, string, int?, bool>> Matches(bool inListOrder) => inListOrder
        ? (db, o, s, upper, number) => o.PlatformOrderId == s || o.CustomerPhone == s || o.Id == number
            || (string.Compare(o.CustomerName + "", s) >= 0 && string.Compare(o.CustomerName + "", upper) < 0)
            || db.OrderLines.Where(l => l.SkuCode == s).Select(l => l.OrderId).Contains(o.Id)
        : (db, o, s, upper, number) => o.PlatformOrderId == s || o.CustomerPhone == s || o.Id == number
            || (string.Compare(o.CustomerName, s) >= 0 && string.Compare(o.CustomerName, upper) < 0)
            || db.OrderLines.Where(l => l.SkuCode == s).Select(l => l.OrderId).Contains(o.Id);

    /// <summary>The search's values, after the filter's: the text, the end of its name range, and the order number it spells (if any).</summary>
    private static readonly ParameterExpression[] SearchParameters =
        [Expression.Parameter(typeof(string), "s"), Expression.Parameter(typeof(string), "upper"), Expression.Parameter(typeof(int?), "number")];

    private static (string Text, string Upper, int? Number) SearchValues(string search)
    {
        var s = search.Trim();
        return (s, s + "\uffff", s.Length == 8 && (s[0] is 'O' or 'o') && int.TryParse(s.AsSpan(1), out var id) ? id : null);
    }

    /// <summary>The filter's orders that match the search: <see cref="Plain"/>'s parameters, then <see cref="SearchParameters"/>.</summary>
    private static Expression Searched(bool inListOrder) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Order)], Plain.Body,
            Expression.Quote(Matching(inListOrder, Plain.Parameters[0], SearchParameters[0], SearchParameters[1], SearchParameters[2])));

    /// <summary>The search's condition on an order, with what stands for the context and for the search's values put in.</summary>
    private static Expression<Func<Order, bool>> Matching(bool inListOrder, Expression db, Expression text, Expression upper, Expression number)
    {
        var matches = Matches(inListOrder);
        var order = Expression.Parameter(typeof(Order), "o");
        var condition = FilterParameters.Put(matches, new Dictionary<ParameterExpression, Expression>
        {
            [matches.Parameters[0]] = db, [matches.Parameters[1]] = order,
            [matches.Parameters[2]] = text, [matches.Parameters[3]] = upper, [matches.Parameters[4]] = number,
        });
        return Expression.Lambda<Func<Order, bool>>(condition, order);
    }

    // A search is compiled too: translating it on every call cost more than its statements (a phone is one index lookup).
    private static readonly Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, string, string, int?, Task<int>> CountSearched =
        EF.CompileAsyncQuery(Expression.Lambda<Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, string, string, int?, int>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Order)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Order)], Searched(inListOrder: false), Expression.Constant(CountCap + 1))),
            [.. Plain.Parameters, .. SearchParameters]));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(OrderColumn Column, bool Descending, bool InListOrder),
        Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, string, string, int?, int, int, IAsyncEnumerable<OrderRow>>> SearchPagesBySort = new();

    private static Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, string, string, int?, int, int, IAsyncEnumerable<OrderRow>> CompileSearchPage(
        ListSort<OrderColumn> sort, bool inListOrder)
    {
        var skip = Expression.Parameter(typeof(int), "skip");
        var take = Expression.Parameter(typeof(int), "take");
        var page = ListOrdering.Page<Order>(SortedBy(Searched(inListOrder), sort), skip, take);
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Order), typeof(OrderRow)], page, Expression.Quote(AsRow));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<OpsDb, OrderStatus?, int?, DateTime?, DateTime?, DateTime?, DateTime?, HoldReason?, DateTime?, DateTime?, DateTime?, string, string, int?, int, int, IQueryable<OrderRow>>>(
            rows, [.. Plain.Parameters, .. SearchParameters, skip, take]));
    }

    /// <summary>
    /// Held orders, longest waiting first, with their open reasons; searched by order number, platform order id,
    /// customer name or phone (any part of them: the queue holds few orders, so a scan is cheap).
    /// </summary>
    public async Task<(IReadOnlyList<HeldOrderRow> Rows, int Total)> ExceptionsAsync(HoldReason? reason, string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Orders.Where(o => o.Status == OrderStatus.OnHold);
        if (reason is { } r)
        {
            query = query.Where(o => o.Holds.Any(h => h.ResolvedAtUtc == null && h.Reason == r));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var lower = s.ToLower();
            var number = s.Length == 8 && (s[0] is 'O' or 'o') && int.TryParse(s.AsSpan(1), out var id) ? id : -1;
            query = query.Where(o => o.Id == number || o.PlatformOrderId.ToLower().Contains(lower) || o.CustomerName.ToLower().Contains(lower)
                || o.CustomerPhone.Contains(s));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(o => o.HeldSinceUtc).ThenBy(o => o.Id).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(o => new
            {
                o.Id, o.PlatformOrderId, Channel = o.Channel!.Name, o.CustomerName, o.TotalCents, o.HeldSinceUtc,
                Reasons = o.Holds.Where(h => h.ResolvedAtUtc == null).Select(h => h.Reason).ToList(),
            })
            .ToListAsync(ct);
        return ([.. rows.Select(o => new HeldOrderRow(o.Id, o.PlatformOrderId, o.Channel, o.CustomerName, o.TotalCents, o.HeldSinceUtc ?? default, o.Reasons))], total);
    }

    public async Task<Order?> DetailAsync(int orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Orders.AsNoTracking().Include(o => o.Channel).Include(o => o.Lines).Include(o => o.Holds)
            .Include(o => o.Events).Include(o => o.Shipments).ThenInclude(s => s.Lines)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);
    }

    public async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(int orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.OrderId == orderId).OrderBy(m => m.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(int Id, string Code, string Name)>> WarehousesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Inventory.Warehouse>().AsNoTracking().Where(w => w.Active).OrderBy(w => w.Id).Select(w => new { w.Id, w.Code, w.Name }).ToListAsync(ct);
        return [.. rows.Select(w => (w.Id, w.Code, w.Name))];
    }

    /// <summary>
    /// Today's orders per channel with a SKU whose listing on that channel is paused. It reads the lines of the day's
    /// orders (found order by order through the lines' index) and keeps those of a paused product on the order's channel.
    /// Starting from the paused listings' SKUs instead read every line those SKUs ever had and kept the day's: 34 ms per
    /// computation of the board at the standard seed, 0.8 s at a million orders (11 s with a cold cache), where the day's
    /// 12,700 orders' lines take 10 ms.
    /// </summary>
    /// <param name="channelOf">The day's orders read by the board: order id to channel. A line of an order received since is
    /// left to the next computation (the order's change will ask for one).</param>
    private static async Task<Dictionary<int, int>> ForPausedListingsAsync(OpsDb db, DateTime dayStart, IReadOnlyDictionary<int, int> channelOf,
        CancellationToken ct)
    {
        var paused = (await db.Listings.AsNoTracking().Where(l => l.State == Catalog.ListingState.Paused)
            .Select(l => new { l.ProductId, l.ChannelId }).ToListAsync(ct)).Select(l => (l.ProductId, l.ChannelId)).ToHashSet();
        if (paused.Count == 0 || channelOf.Count == 0)
        {
            return [];
        }
        var todays = db.Orders.Where(o => o.ReceivedAtUtc >= dayStart).Select(o => o.Id);
        var lines = await (from l in db.OrderLines.AsNoTracking()
                           join s in db.Skus.AsNoTracking() on l.SkuId equals s.Id
                           where todays.Contains(l.OrderId) && s.ProductId != null
                           select new { l.OrderId, ProductId = s.ProductId!.Value }).ToListAsync(ct);
        var counted = new HashSet<int>();
        var perChannel = new Dictionary<int, int>();
        foreach (var line in lines)
        {
            if (channelOf.TryGetValue(line.OrderId, out var channel) && paused.Contains((line.ProductId, channel)) && counted.Add(line.OrderId))
            {
                perChannel[channel] = perChannel.GetValueOrDefault(channel) + 1;
            }
        }
        return perChannel;
    }

    public async Task<IReadOnlyList<SalesChannel>> ChannelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SalesChannels.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
    }

    /// <param name="inListOrder">
    /// Many orders match the search: its name prefix is written so that no index serves it (the name joined to an empty
    /// string), which leaves SQLite the index of the list's order to walk, stopping at the page's end. Every column the
    /// list sorts on has such an index.
    /// </param>
    private IQueryable<Order> Filter(OpsDb db, OrderFilter filter, bool inListOrder = false)
    {
        // The same conditions as the compiled list, this context and these values put in for its parameters.
        var query = FilterParameters.Bound<Order>(db, Plain, ValuesOf(filter));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var (text, upper, number) = SearchValues(filter.Search);
            // The compiled search's condition, this context and these values put in (read from an object, so EF Core
            // sends them as parameters, as it does a closure's).
            var values = Expression.Constant(new { text, upper, number });
            query = query.Where(Matching(inListOrder, Expression.Constant(db, typeof(OpsDb)),
                Expression.Property(values, "text"), Expression.Property(values, "upper"), Expression.Property(values, "number")));
        }
        return query;
    }
}
