using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EcomOps.Domain.Live;

/// <summary>
/// The in-process channel of committed changes. Singleton: the database layer publishes after each commit, and
/// live components and the SignalR bridge subscribe. A subscriber's failure never reaches the publisher.
/// A commit's changes reach each subscriber as one batch (the part it wants), so a save of 500 rows costs a viewer one
/// delivery, not 500. A subscriber that renders for a person (a circuit) is handed its batches after the commit, in
/// commit order, by one delivery queue: the commit that changed a ticket does not wait while a hundred open tabs render it.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private Subscription[] _subscriptions = [];
    private readonly Channel<List<(Subscription Subscription, List<LiveChange> Batch)>> _queued =
        Channel.CreateUnbounded<List<(Subscription, List<LiveChange>)>>(new UnboundedChannelOptions { SingleReader = true });
    private int _draining;

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
    public IDisposable SubscribeBatches(Func<IReadOnlyList<LiveChange>, Task> handler, params string[] boards) =>
        Add(handler, boards, afterCommit: false);

    /// <summary>
    /// Listens like <see cref="SubscribeBatches"/>, but the committing caller does not wait for the handler: the batches
    /// go to one queue that hands them out in commit order, one subscriber after another. For a circuit, whose handler
    /// renders: a commit returns once the shared boards and the hub have heard of it.
    /// </summary>
    public IDisposable SubscribeAfterCommit(Func<IReadOnlyList<LiveChange>, Task> handler, params string[] boards)
    {
        if (Interlocked.Exchange(ref _draining, 1) == 0)
        {
            // The queue's reader takes nothing from whoever subscribed first (a circuit's culture, a request's activity).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync);
            }
        }
        return Add(handler, boards, afterCommit: true);
    }

    private Subscription Add(Func<IReadOnlyList<LiveChange>, Task> handler, string[] boards, bool afterCommit)
    {
        var subscription = new Subscription(this, handler, boards.Length == 0 ? null : boards.ToHashSet(StringComparer.Ordinal), afterCommit);
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
        List<(Subscription, List<LiveChange>)>? later = null;
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
            if (wanted is null)
            {
                continue;
            }
            if (subscription.AfterCommit)
            {
                (later ??= []).Add((subscription, wanted));
            }
            else
            {
                _ = DeliverTo(subscription, wanted);
            }
        }
        if (later is not null)
        {
            _queued.Writer.TryWrite(later);
        }
    }

    private async Task DrainAsync()
    {
        await foreach (var deliveries in _queued.Reader.ReadAllAsync())
        {
            foreach (var (subscription, batch) in deliveries)
            {
                // One that stopped listening after the commit (a closed tab) is not called.
                if (subscription.Listening)
                {
                    _ = DeliverTo(subscription, batch);
                }
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

    private sealed class Subscription(LiveFeed feed, Func<IReadOnlyList<LiveChange>, Task> handler, HashSet<string>? boards, bool afterCommit) : IDisposable
    {
        private volatile bool _disposed;

        public Func<IReadOnlyList<LiveChange>, Task> Handler { get; } = handler;

        public bool AfterCommit { get; } = afterCommit;

        public bool Listening => !_disposed;

        public bool Wants(LiveChange change) => !_disposed && (boards is null || boards.Contains(change.Board));

        public void Dispose()
        {
            _disposed = true;
            feed.Remove(this);
        }
    }
}
