using System.Collections.Concurrent;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EcomOps.Console.Live;

/// <summary>
/// Who is on shift: employees with the console open in at least one connected circuit, on this server or on another
/// server of the cluster (<see cref="Cluster.PeerPresence"/>). Auto-assignment hands tickets only to them.
/// </summary>
public sealed class OnShiftRegistry(LiveFeed feed, TimeProvider clock, Cluster.PeerPresence peers)
{
    public const string Entity = "OnShift";

    private readonly ConcurrentDictionary<string, int> _circuitsByEmployee = new();

    public IReadOnlyCollection<int> EmployeeIds => [.. Here.Union(peers.OnShift)];

    /// <summary>The employees on shift on this server alone (what it tells the others).</summary>
    public IReadOnlyList<int> Here =>
        _circuitsByEmployee.Where(p => p.Value > 0).Select(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>This server's on-shift set changed: the cluster link tells the other servers.</summary>
    public event Action? ChangedHere;

    /// <summary>Another server's people came on or went off shift: this server's boards hear of it.</summary>
    public void AnnouncePeers(IReadOnlyList<int> employeeIds)
    {
        if (employeeIds.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            feed.PublishFromPeer([.. employeeIds.Select(id => new LiveChange(Boards.Presence, Entity, id.ToString(System.Globalization.CultureInfo.InvariantCulture), LiveChangeKind.Updated, now))]);
        }
    }

    internal void Up(int employeeId) => Change(employeeId, +1);

    internal void Down(int employeeId) => Change(employeeId, -1);

    private void Change(int employeeId, int delta)
    {
        var key = employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = _circuitsByEmployee.AddOrUpdate(key, Math.Max(0, delta), (_, count) => Math.Max(0, count + delta));
        if ((delta > 0 && now == 1) || (delta < 0 && now == 0))
        {
            feed.Publish(new LiveChange(Boards.Presence, Entity, key, LiveChangeKind.Updated, clock.GetUtcNow().UtcDateTime));
            ChangedHere?.Invoke();
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
