using System.Collections.Concurrent;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EcomOps.Console.Live;

/// <summary>
/// Who is on shift: employees with the console open in at least one connected circuit. Auto-assignment hands
/// tickets only to them. Kept in this server's memory; several servers would share it through the live channel.
/// </summary>
public sealed class OnShiftRegistry(LiveFeed feed, TimeProvider clock)
{
    public const string Entity = "OnShift";

    private readonly ConcurrentDictionary<string, int> _circuitsByEmployee = new();

    public IReadOnlyCollection<int> EmployeeIds =>
        _circuitsByEmployee.Where(p => p.Value > 0).Select(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    internal void Up(int employeeId) => Change(employeeId, +1);

    internal void Down(int employeeId) => Change(employeeId, -1);

    private void Change(int employeeId, int delta)
    {
        var key = employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = _circuitsByEmployee.AddOrUpdate(key, Math.Max(0, delta), (_, count) => Math.Max(0, count + delta));
        if ((delta > 0 && now == 1) || (delta < 0 && now == 0))
        {
            feed.Publish(new LiveChange(Boards.Presence, Entity, key, LiveChangeKind.Updated, clock.GetUtcNow().UtcDateTime));
        }
    }
}

/// <summary>Tells the registry when a signed-in employee's circuit connects and drops.</summary>
internal sealed class OnShiftCircuitHandler(OnShiftRegistry registry, AuthenticationStateProvider auth) : CircuitHandler
{
    private int? _employeeId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_employeeId is null)
        {
            var user = (await auth.GetAuthenticationStateAsync()).User;
            if (int.TryParse(user.FindFirst(Auth.OpsClaims.EmployeeId)?.Value, out var id))
            {
                _employeeId = id;
            }
        }
        if (_employeeId is { } employee)
        {
            registry.Up(employee);
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_employeeId is { } employee)
        {
            registry.Down(employee);
        }
        return Task.CompletedTask;
    }
}
