using System.Collections.Immutable;

namespace EcomOps.Console.Live.Cluster;

/// <summary>One person with a ticket open on some server, and whether they are typing a reply.</summary>
public sealed record PresenceViewer(int TicketId, Guid Page, string Name, bool Typing);

/// <summary>What one server says of its own people: who is on shift there and who has which ticket open.</summary>
public sealed record PresenceState(IReadOnlyList<int> OnShift, IReadOnlyList<PresenceViewer> Viewers)
{
    public static PresenceState Empty { get; } = new([], []);
}

/// <summary>What changed when a peer's presence was replaced: whose on-shift state and which tickets' viewers.</summary>
public sealed record PresenceDifference(IReadOnlyList<int> Employees, IReadOnlyList<int> Tickets)
{
    public bool IsEmpty => Employees.Count == 0 && Tickets.Count == 0;
}

/// <summary>
/// The presence the other servers of the cluster announced: each server's whole state, replaced on each announcement
/// and forgotten when the server has not been heard from for <see cref="Forget"/> (stopped, killed, cut off). With no
/// cluster it stays empty, and presence is this server's alone.
/// </summary>
public sealed class PeerPresence(TimeProvider clock)
{
    /// <summary>A server not heard from for this long has gone: its people are no longer on shift or watching.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromSeconds(10);

    private ImmutableDictionary<string, (PresenceState State, DateTime HeardAt)> _peers = ImmutableDictionary<string, (PresenceState, DateTime)>.Empty;
    private readonly Lock _gate = new();

    public IReadOnlyCollection<int> OnShift => Volatile.Read(ref _peers).Values.SelectMany(p => p.State.OnShift).ToHashSet();

    public IEnumerable<PresenceViewer> ViewersOf(int ticketId) =>
        Volatile.Read(ref _peers).Values.SelectMany(p => p.State.Viewers).Where(v => v.TicketId == ticketId);

    /// <summary>Whether the server has been heard from (and not forgotten since).</summary>
    public bool Knows(string server) => Volatile.Read(ref _peers).ContainsKey(server);

    /// <summary>A peer announced its state: it replaces what that peer said before.</summary>
    public PresenceDifference Heard(string server, PresenceState state)
    {
        lock (_gate)
        {
            var before = _peers.TryGetValue(server, out var known) ? known.State : PresenceState.Empty;
            _peers = _peers.SetItem(server, (state, Now));
            return Difference(before, state);
        }
    }

    /// <summary>Forgets the peers not heard from for <see cref="Forget"/>, or all of them (the channel is down).</summary>
    public PresenceDifference ForgetSilent(bool all = false)
    {
        lock (_gate)
        {
            var gone = _peers.Where(p => all || Now - p.Value.HeardAt >= Forget).ToList();
            if (gone.Count == 0)
            {
                return new PresenceDifference([], []);
            }
            _peers = _peers.RemoveRange(gone.Select(p => p.Key));
            return new PresenceDifference(
                [.. gone.SelectMany(p => p.Value.State.OnShift).Distinct()],
                [.. gone.SelectMany(p => p.Value.State.Viewers).Select(v => v.TicketId).Distinct()]);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static PresenceDifference Difference(PresenceState before, PresenceState after)
    {
        var employees = before.OnShift.ToHashSet();
        employees.SymmetricExceptWith(after.OnShift);
        var viewersBefore = before.Viewers.ToHashSet();
        var viewersAfter = after.Viewers.ToHashSet();
        var tickets = viewersBefore.Except(viewersAfter).Concat(viewersAfter.Except(viewersBefore)).Select(v => v.TicketId).Distinct();
        return new PresenceDifference([.. employees], [.. tickets]);
    }
}
