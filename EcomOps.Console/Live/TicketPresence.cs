using System.Collections.Concurrent;
using EcomOps.Domain.Live;

namespace EcomOps.Console.Live;

/// <summary>One person looking at a ticket, and whether they are writing a reply right now.</summary>
public sealed record TicketViewer(string Name, bool Typing);

/// <summary>
/// Who has which ticket open, and who is typing in it, so two agents do not answer the same customer twice. It is
/// presence, not data: kept in memory, announced on the live feed, and gone when the page closes. A closed tab or a
/// lost connection leaves the circuit alive for minutes (so a reconnect finds its page), but its viewer stops counting
/// the moment the connection drops (<see cref="CircuitDown"/>) and counts again if it comes back. "Typing" fades a few
/// seconds after the last keystroke.
/// </summary>
public sealed class TicketPresence : IDisposable
{
    public const string Entity = "TicketPresence";
    private static readonly TimeSpan TypingFades = TimeSpan.FromSeconds(4);

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Guid, Viewer>> _tickets = new();
    private readonly ConcurrentDictionary<Guid, bool> _droppedCircuits = new();
    private readonly LiveFeed _feed;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;
    private readonly Cluster.PeerPresence _peers;

    public TicketPresence(LiveFeed feed, TimeProvider clock, Cluster.PeerPresence peers)
    {
        _feed = feed;
        _clock = clock;
        _peers = peers;
        _sweep = clock.CreateTimer(_ => FadeTyping(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Who else has the ticket open, here or on another server of the cluster; one line per name, typing if any of their pages is.</summary>
    public IReadOnlyList<TicketViewer> ViewersOf(int ticketId, Guid except) =>
        Here.Where(v => v.TicketId == ticketId).Concat(_peers.ViewersOf(ticketId))
            .Where(v => v.Page != except)
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .Select(g => new TicketViewer(g.Key, g.Any(v => v.Typing)))
            .OrderBy(v => v.Name, StringComparer.Ordinal).ToList();

    /// <summary>The viewers whose pages are open on this server, with a live connection (what it tells the other servers).</summary>
    public IReadOnlyList<Cluster.PresenceViewer> Here
    {
        get
        {
            var now = Now;
            return [.. _tickets.SelectMany(t => t.Value
                .Where(v => !_droppedCircuits.ContainsKey(v.Value.Circuit))
                .Select(v => new Cluster.PresenceViewer(t.Key, v.Key, v.Value.Name, v.Value.TypingUntil > now)))];
        }
    }

    /// <summary>Someone here opened, left or started or stopped typing in a ticket: the cluster link tells the other servers.</summary>
    public event Action? ChangedHere;

    /// <summary>Viewers on another server came, went or typed: this server's ticket pages hear of it.</summary>
    public void AnnouncePeers(IReadOnlyList<int> ticketIds)
    {
        if (ticketIds.Count > 0)
        {
            var now = Now;
            _feed.PublishFromPeer([.. ticketIds.Select(id => new LiveChange(Boards.Presence, Entity, id.ToString(System.Globalization.CultureInfo.InvariantCulture), LiveChangeKind.Updated, now))]);
        }
    }

    public void Join(int ticketId, Guid page, string name, Guid circuit = default)
    {
        _tickets.GetOrAdd(ticketId, _ => new())[page] = new Viewer(name, DateTime.MinValue, circuit);
        Announce(ticketId);
    }

    /// <summary>The connection of a circuit dropped (tab closed, network gone): its viewers stop counting at once.</summary>
    public void CircuitDown(Guid circuit)
    {
        _droppedCircuits[circuit] = true;
        AnnounceTicketsOf(circuit);
    }

    /// <summary>The circuit reconnected: its viewers count again. A circuit that ends for good leaves through its pages.</summary>
    public void CircuitUp(Guid circuit)
    {
        if (_droppedCircuits.TryRemove(circuit, out _))
        {
            AnnounceTicketsOf(circuit);
        }
    }

    /// <summary>The circuit is gone for good.</summary>
    public void CircuitClosed(Guid circuit) => _droppedCircuits.TryRemove(circuit, out _);

    private void AnnounceTicketsOf(Guid circuit)
    {
        foreach (var (ticketId, viewers) in _tickets)
        {
            if (viewers.Values.Any(v => v.Circuit == circuit))
            {
                Announce(ticketId);
            }
        }
    }

    public void Leave(int ticketId, Guid page)
    {
        if (_tickets.TryGetValue(ticketId, out var viewers) && viewers.TryRemove(page, out _))
        {
            Announce(ticketId);
        }
    }

    /// <summary>A keystroke in the reply box: announced only when the person starts typing, not on every key.</summary>
    public void Typed(int ticketId, Guid page)
    {
        if (_tickets.TryGetValue(ticketId, out var viewers) && viewers.TryGetValue(page, out var viewer))
        {
            var wasTyping = viewer.TypingUntil > Now;
            viewers[page] = viewer with { TypingUntil = Now + TypingFades };
            if (!wasTyping)
            {
                Announce(ticketId);
            }
        }
    }

    public void Dispose() => _sweep.Dispose();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private void FadeTyping()
    {
        var now = Now;
        foreach (var (ticketId, viewers) in _tickets)
        {
            foreach (var (page, viewer) in viewers)
            {
                if (viewer.TypingUntil != DateTime.MinValue && viewer.TypingUntil <= now)
                {
                    viewers[page] = viewer with { TypingUntil = DateTime.MinValue };
                    Announce(ticketId);
                }
            }
        }
    }

    private void Announce(int ticketId)
    {
        _feed.Publish(new LiveChange(Boards.Presence, Entity, ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture), LiveChangeKind.Updated, Now));
        ChangedHere?.Invoke();
    }

    private sealed record Viewer(string Name, DateTime TypingUntil, Guid Circuit);
}

/// <summary>Which circuit a component runs in (one per circuit), so presence can follow the circuit's connection.</summary>
public sealed class CircuitKey
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>Tells <see cref="TicketPresence"/> when this circuit's connection drops, returns, or the circuit ends.</summary>
internal sealed class PresenceCircuitHandler(TicketPresence presence, CircuitKey key) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public override Task OnConnectionDownAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
    {
        presence.CircuitDown(key.Id);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
    {
        presence.CircuitUp(key.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
    {
        presence.CircuitClosed(key.Id);
        return Task.CompletedTask;
    }
}
