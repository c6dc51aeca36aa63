using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcomOps.Console.Features.Orders;

public partial class OrderPage : LiveComponent
{
    private Order? _order;
    private IReadOnlyList<OutboxMessage> _messages = [];
    private IReadOnlyList<(int Id, string Code, string Name)> _warehouses = [];
    private bool _notFound;
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();

    [Parameter]
    public int OrderId { get; set; }

    [Inject]
    private OrderQueries Queries { get; set; } = default!;

    [Inject]
    private ShipByPolicy ShipBy { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private Domain.Org.PeopleNames People { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Orders];

    private PromiseState Promise => _order is { Status: OrderStatus.Accepted, ShippingStatus: < ShippingStatus.PartiallyShipped }
        ? ShipBy.State(_order.ShipByUtc, Clock.GetUtcNow().UtcDateTime)
        : PromiseState.OnTrack;

    protected override async Task OnParametersSetAsync()
    {
        _warehouses = await Queries.WarehousesAsync();
        await ReloadAsync();
    }

    protected override Task OnLiveChangeAsync(LiveChange change) =>
        (change.Entity == nameof(Order) && change.Key == OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)) || change.IsResync ? ReloadAsync() : Task.CompletedTask;

    private async Task ReloadAsync()
    {
        _order = await Queries.DetailAsync(OrderId);
        _notFound = _order is null;
        _messages = _order is null ? [] : await Queries.MessagesAsync(OrderId);
        _people = await People.BySignInAsync(_order?.Events.Select(e => e.ByName) ?? []);
    }

    /// <summary>
    /// An event's detail in words: an assignment names the warehouse by code and name (the event stores its id), a
    /// notification its kind.
    /// </summary>
    private string EventDetail(OrderEvent e, string detail)
    {
        if (e.Kind == OrderEventKind.Assigned && detail.Split(" · ", 2) is [var id, var carrier]
            && int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var warehouseId)
            && _warehouses.FirstOrDefault(w => w.Id == warehouseId) is { Code: not null } warehouse)
        {
            return $"{warehouse.Code} {warehouse.Name} · {carrier}";
        }
        if (e.Kind == OrderEventKind.Notified && Enum.TryParse<NotificationKind>(detail, out var kind))
        {
            return L[$"NotificationKind.{kind}"];
        }
        return detail;
    }

    private static Color EventColor(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Held => Color.Warning,
        OrderEventKind.Cancelled => Color.Error,
        OrderEventKind.Accepted or OrderEventKind.Released or OrderEventKind.Delivered => Color.Success,
        OrderEventKind.Shipped => Color.Primary,
        _ => Color.Default,
    };
}
