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
        change.Entity == nameof(Order) && change.Key == OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture) ? ReloadAsync() : Task.CompletedTask;

    private async Task ReloadAsync()
    {
        _order = await Queries.DetailAsync(OrderId);
        _notFound = _order is null;
        _messages = _order is null ? [] : await Queries.MessagesAsync(OrderId);
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
