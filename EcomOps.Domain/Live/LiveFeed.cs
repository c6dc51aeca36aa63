using Microsoft.Extensions.Logging;

namespace EcomOps.Domain.Live;

/// <summary>
/// The in-process channel of committed changes. Singleton: the database layer publishes after each commit, and
/// live components and the SignalR bridge subscribe. A subscriber's failure never reaches the publisher.
/// A commit's changes reach each subscriber as one batch (the part it wants), so a save of 500 rows costs a viewer one
/// delivery, not 500.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private Subscription[] _subscriptions = [];

    /// <summary>
    /// How many commits have changed the board so far. It moves before the subscribers hear of the commit, so a read
    /// keyed by it after the commit never takes a result read before (a shared page of a list, say).
    /// </summary>
    public long VersionOf(string board) => _versions.GetValueOrDefault(board);

    /// <summary>Listens to the given boards (all boards when none is named), one change at a time, until the result is disposed.</summary>
    public IDisposable Subscribe(Func<LiveChange, Task> handler, params string[] boards) =>
        SubscribeBatches(async batch =>
        {
            foreach (var change in batch)
            {
                await handler(change);
            }
        }, boards);

    /// <summary>Listens to the given boards (all boards when none is named), a commit's wanted changes at a time.</summary>
    public IDisposable SubscribeBatches(Func<IReadOnlyList<LiveChange>, Task> handler, params string[] boards)
    {
        var subscription = new Subscription(this, handler, boards.Length == 0 ? null : boards.ToHashSet(StringComparer.Ordinal));
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>
    /// Where this server's own changes go besides its subscribers: the cluster's live channel, when there is one. A
    /// relay must not block (it queues and returns); it never receives what came from another server.
    /// </summary>
    public void RelayTo(Action<IReadOnlyCollection<LiveChange>>? relay) => _relay = relay;

    private Action<IReadOnlyCollection<LiveChange>>? _relay;

    /// <summary>A commit on this server: its subscribers hear of it, and so does every other server through the relay.</summary>
    public void Publish(IReadOnlyCollection<LiveChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        Deliver(changes);
        if (_relay is { } relay)
        {
            try
            {
                relay(changes);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The live relay refused {Count} changes", changes.Count);
            }
        }
    }

    /// <summary>A commit on another server of the cluster: this server's subscribers hear of it as of their own.</summary>
    public void PublishFromPeer(IReadOnlyCollection<LiveChange> changes)
    {
        if (changes.Count > 0)
        {
            Deliver(changes);
        }
    }

    /// <summary>
    /// Changes may have been missed (the channel between servers was down): every subscriber receives one
    /// <see cref="LiveChange.Resync"/> change per board it listens to, and a board or list that honours it reloads once.
    /// </summary>
    public void Resync(DateTime nowUtc)
    {
        var changes = Boards.All.Select(board => LiveChange.Resync(board, nowUtc)).ToList();
        Deliver(changes);
    }

    private void Deliver(IReadOnlyCollection<LiveChange> changes)
    {
        foreach (var board in changes.Select(c => c.Board).Distinct(StringComparer.Ordinal))
        {
            _versions.AddOrUpdate(board, 1, (_, version) => version + 1);
        }
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            List<LiveChange>? wanted = null;
            foreach (var change in changes)
            {
                if (subscription.Wants(change))
                {
                    (wanted ??= []).Add(change);
                }
            }
            if (wanted is not null)
            {
                _ = DeliverTo(subscription, wanted);
            }
        }
    }

    public void Publish(LiveChange change) => Publish([change]);

    private async Task DeliverTo(Subscription subscription, IReadOnlyList<LiveChange> batch)
    {
        try
        {
            await subscription.Handler(batch);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed on {Board}/{Entity}/{Key} ({Count} changes)", batch[0].Board, batch[0].Entity, batch[0].Key, batch.Count);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    private sealed class Subscription(LiveFeed feed, Func<IReadOnlyList<LiveChange>, Task> handler, HashSet<string>? boards) : IDisposable
    {
        private volatile bool _disposed;

        public Func<IReadOnlyList<LiveChange>, Task> Handler { get; } = handler;

        public bool Wants(LiveChange change) => !_disposed && (boards is null || boards.Contains(change.Board));

        public void Dispose()
        {
            _disposed = true;
            feed.Remove(this);
        }
    }
}
