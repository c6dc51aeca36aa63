using Microsoft.Extensions.Logging;

namespace EcomOps.Domain.Live;

/// <summary>
/// The in-process channel of committed changes. Singleton: the database layer publishes after each commit, and
/// live components and the SignalR bridge subscribe. A subscriber's failure never reaches the publisher.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Listens to the given boards (all boards when none is named) until the result is disposed.</summary>
    public IDisposable Subscribe(Func<LiveChange, Task> handler, params string[] boards)
    {
        var subscription = new Subscription(this, handler, boards.Length == 0 ? null : boards.ToHashSet(StringComparer.Ordinal));
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    public void Publish(IReadOnlyCollection<LiveChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            foreach (var change in changes)
            {
                if (subscription.Wants(change))
                {
                    _ = Deliver(subscription, change);
                }
            }
        }
    }

    public void Publish(LiveChange change) => Publish([change]);

    private async Task Deliver(Subscription subscription, LiveChange change)
    {
        try
        {
            await subscription.Handler(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed on {Board}/{Entity}/{Key}", change.Board, change.Entity, change.Key);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    private sealed class Subscription(LiveFeed feed, Func<LiveChange, Task> handler, HashSet<string>? boards) : IDisposable
    {
        private volatile bool _disposed;

        public Func<LiveChange, Task> Handler { get; } = handler;

        public bool Wants(LiveChange change) => !_disposed && (boards is null || boards.Contains(change.Board));

        public void Dispose()
        {
            _disposed = true;
            feed.Remove(this);
        }
    }
}
