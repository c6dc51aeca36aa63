using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Orders;

/// <summary>The steps a specialist can take on the order in its present state; each is one Domain operation.</summary>
public partial class OrderActions : ComponentBase
{
    /// <summary>The carriers the warehouses hand parcels to.</summary>
    public static readonly IReadOnlyList<string> Carriers = ["SF", "ZTO", "YTO", "STO", "YUNDA", "JD Logistics", "EMS"];

    private readonly Dictionary<long, int> _ship = [];
    private readonly Dictionary<long, int> _return = [];
    private List<LineForm> _lines = [];
    private ContactOutcome _contactOutcome;
    private string? _contactNote;
    private string? _name;
    private string? _phone;
    private string? _address;
    private int _warehouseId;
    private string _carrier = Carriers[0];
    private string? _tracking;
    private string? _returnReason;
    private string? _cancelReason;
    private string? _releaseNote;
    private bool _confirmingRelease;
    private string? _error;
    private bool _busy;
    private long _seenVersion = -1;

    [Parameter, EditorRequired]
    public Order Order { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<(int Id, string Code, string Name)> Warehouses { get; set; } = [];

    [Parameter]
    public EventCallback Changed { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (Order.Version == _seenVersion)
        {
            return;
        }
        // A new version of the order (saved here or by someone else): the forms start from what it now says.
        _seenVersion = Order.Version;
        _name = Order.CustomerName;
        _phone = Order.CustomerPhone;
        _address = Order.ShippingAddress;
        _warehouseId = Order.WarehouseId ?? (Warehouses.Count > 0 ? Warehouses[0].Id : 0);
        _carrier = Order.Carrier ?? _carrier;
        _lines = [.. Order.Lines.OrderBy(l => l.Id).Select(l => new LineForm { Sku = l.SkuCode, Quantity = l.Quantity, UnitPrice = l.UnitPriceCents / 100m, Discount = l.DiscountCents / 100m })];
        _ship.Clear();
        _return.Clear();
        _confirmingRelease = false;
        _releaseNote = null;
    }

    /// <summary>The open holds that make a release need a confirmation and a note, in words.</summary>
    private string MoneyHolds => string.Join(L["Common.ListSeparator"].Value, Order.Holds
        .Where(h => h.ResolvedAtUtc is null && OrderRules.ReleaseNeedsNote(h.Reason))
        .Select(h => L[$"HoldReason.{h.Reason}"].Value));

    private Task LogContactAsync() => RunAsync((a, v) => Desk.LogContactAsync(a, Order.Id, _contactOutcome, _contactNote, v), "Orders.ContactLogged", () => _contactNote = null);

    private Task FixAddressAsync() => RunAsync((a, v) => Desk.FixAddressAsync(a, Order.Id, _name ?? "", _phone ?? "", _address ?? "", v), "Orders.Saved");

    private Task FixLinesAsync()
    {
        // Prices by the one money rule: 1.005 is refused with the reason, never rounded to what nobody typed.
        var fixes = new List<LineFix>();
        foreach (var line in _lines)
        {
            if (!Money.TryFromDecimal(line.UnitPrice, out var unit, out var problem))
            {
                _error = $"{line.Sku} {L["Orders.UnitPrice"]}: {L[$"Error.{problem}"]}";
                return Task.CompletedTask;
            }
            if (!Money.TryFromDecimal(line.Discount, out var discount, out problem))
            {
                _error = $"{line.Sku} {L["Orders.Discount"]}: {L[$"Error.{problem}"]}";
                return Task.CompletedTask;
            }
            fixes.Add(new LineFix(line.Sku ?? "", line.Quantity, unit, discount));
        }
        return RunAsync((a, v) => Desk.FixLinesAsync(a, Order.Id, fixes, v), "Orders.Saved");
    }

    /// <summary>An ordinary hold is released at once; a hold about money first asks for a confirmation with a note.</summary>
    private Task AskReleaseAsync()
    {
        if (Order.ReleaseNeedsNote)
        {
            _confirmingRelease = true;
            return Task.CompletedTask;
        }
        return ReleaseAsync();
    }

    private Task ReleaseAsync() => RunAsync((a, v) => Desk.ReleaseAsync(a, Order.Id, v, _releaseNote), "Orders.Released");

    private Task CancelAsync() => RunAsync((a, v) => Desk.CancelAsync(a, Order.Id, _cancelReason ?? "", v), "Orders.Cancelled", () => _cancelReason = null);

    private Task AssignAsync() => RunAsync((a, v) => Desk.AssignAsync(a, Order.Id, _warehouseId, _carrier, v), "Orders.Saved");

    private Task PickAsync() => RunAsync((a, v) => Desk.PickAsync(a, Order.Id, v), "Orders.Saved");

    private Task PackAsync() => RunAsync((a, v) => Desk.PackAsync(a, Order.Id, v), "Orders.Saved");

    private Task ShipAsync() => RunAsync((a, v) => Desk.ShipAsync(a, Order.Id, _tracking ?? "",
        [.. Order.Lines.Where(l => l.Quantity > l.ShippedQuantity).Select(l => new LineQuantity(l.Id, _ship.GetValueOrDefault(l.Id, l.Quantity - l.ShippedQuantity)))], v),
        "Orders.ShippedNotice", () => _tracking = null);

    private Task DeliverAsync() => RunAsync((a, v) => Desk.DeliverAsync(a, Order.Id, v), "Orders.Saved");

    private Task ReturnAsync() => RunAsync((a, v) => Desk.ReturnAsync(a, Order.Id,
        [.. _return.Where(r => r.Value > 0).Select(r => new LineQuantity(r.Key, r.Value))], _returnReason ?? "", v), "Orders.ReturnRecorded", () => _returnReason = null);

    private async Task RunAsync(Func<Actor, long, Task<Outcome<long>>> step, string doneKey, Action? onDone = null)
    {
        _busy = true;
        _error = null;
        try
        {
            var outcome = await step(Actor.From((await AuthState).User), Order.Version);
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    onDone?.Invoke();
                    Snackbar.Add(L[doneKey], Severity.Success);
                    await Changed.InvokeAsync();
                    break;
                case OutcomeKind.Conflict:
                    _error = L["Common.Conflict"];
                    await Changed.InvokeAsync();
                    break;
                case OutcomeKind.NotFound:
                    _error = L["Orders.NotFound"];
                    break;
                default:
                    _error = string.Join(" ", outcome.Errors.Select(Describe));
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A refusal in words: a line's problem names the line as the form numbers it, never a field code.</summary>
    private string Describe(FieldError error)
    {
        var message = L[$"Error.{error.Code}"].Value;
        var match = System.Text.RegularExpressions.Regex.Match(error.Field, @"^lines\[(\d+)\]", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? L["Orders.LineN", int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, message].Value : message;
    }

    private sealed class LineForm
    {
        public string? Sku { get; set; }
        public int Quantity { get; set; }
        public decimal UnitPrice { get; set; }
        public decimal Discount { get; set; }
    }
}
