using Microsoft.Extensions.Logging;

namespace EcomOps.Domain.Live;

/// <summary>A board's state at one moment: the same immutable value for every viewer, numbered in the order computed.</summary>
public sealed record BoardSnapshot<T>(T Value, long Sequence, DateTime AtUtc) where T : class;

/// <summary>How a shared board follows its changes.</summary>
/// <param name="Gather">The least time between two computations: a change after a quiet spell is computed at once, and
/// the changes of a busy spell are gathered into one computation per this interval.</param>
/// <param name="RefreshEvery">For state that moves with the clock (a deadline passing, a snooze ending): recompute this
/// often while someone watches, even with no change. Null when only changes move it.</param>
public sealed record SharedBoardOptions(TimeSpan Gather, TimeSpan? RefreshEvery = null);

/// <summary>
/// One board's state, computed once per burst of changes and shared, read-only, by every viewer — so the cost of a change
/// does not grow with the number of people watching. A commit's changes arrive together and cost one computation, started
/// at once; changes that arrive while it runs (its query may already have read the state before them) cost one more, no
/// sooner than <see cref="SharedBoardOptions.Gather"/> after it, so the last change is never lost and a busy spell
/// costs one computation per interval. While nobody watches, a change only marks the state stale, and the next reader
/// computes it.
/// </summary>
public sealed class SharedBoard<T> : IDisposable where T : class
{
    private readonly Func<CancellationToken, Task<T>> _compute;
    private readonly Func<LiveChange, bool> _matters;
    private readonly SharedBoardOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    private Func<BoardSnapshot<T>, Task>[] _watchers = [];
    private ITimer? _refresh;
    private BoardSnapshot<T>? _current;
    private long _sequence;

    // A change (or a clock tick) arrived that the current snapshot may not show.
    private bool _dirty = true;
    private bool _pumping;
    private long _lastEndedAt;

    // The computation under way, and the one a reader waits for when the state changed after that one began.
    private TaskCompletionSource<BoardSnapshot<T>>? _round;
    private TaskCompletionSource<BoardSnapshot<T>>? _next;

    public SharedBoard(LiveFeed feed, IReadOnlyList<string> boards, Func<CancellationToken, Task<T>> compute, SharedBoardOptions options,
        TimeProvider clock, ILogger logger, Func<LiveChange, bool>? matters = null)
    {
        _compute = compute;
        // A resync (changes may have been missed) matters to every board.
        _matters = matters is null ? _ => true : change => change.IsResync || matters(change);
        _options = options;
        _clock = clock;
        _logger = logger;
        _subscription = feed.SubscribeBatches(OnChangesAsync, [.. boards]);
    }

    /// <summary>How many times the state has been computed (each viewer renders the same computation).</summary>
    public long Computations => Interlocked.Read(ref _sequence);

    /// <summary>How many viewers are watching now.</summary>
    public int WatcherCount => Volatile.Read(ref _watchers).Length;

    /// <summary>The state as of the last change: the shared snapshot when it is current, else the computation that makes it so.</summary>
    public Task<BoardSnapshot<T>> CurrentAsync(CancellationToken ct = default)
    {
        Task<BoardSnapshot<T>> waiting;
        lock (_gate)
        {
            if (_current is { } fresh && !_dirty && !_pumping)
            {
                return Task.FromResult(fresh);
            }
            // A computation that began after the last change answers; otherwise the next one does.
            waiting = _pumping && !_dirty && _round is { } running ? running.Task : (_next ??= NewRound()).Task;
            StartPumpLocked();
        }
        return waiting.WaitAsync(ct);
    }

    /// <summary>Calls <paramref name="onSnapshot"/> with every new snapshot until the result is disposed.</summary>
    public IDisposable Watch(Func<BoardSnapshot<T>, Task> onSnapshot)
    {
        lock (_gate)
        {
            _watchers = [.. _watchers, onSnapshot];
            if (_options.RefreshEvery is { } every && _refresh is null)
            {
                _refresh = _clock.CreateTimer(_ => MarkDirty(), null, every, every);
            }
        }
        return new Watching(this, onSnapshot);
    }

    private void Unwatch(Func<BoardSnapshot<T>, Task> onSnapshot)
    {
        lock (_gate)
        {
            _watchers = _watchers.Where(w => w != onSnapshot).ToArray();
            if (_watchers.Length == 0)
            {
                _refresh?.Dispose();
                _refresh = null;
            }
        }
    }

    private Task OnChangesAsync(IReadOnlyList<LiveChange> changes)
    {
        if (changes.Any(_matters))
        {
            MarkDirty();
        }
        return Task.CompletedTask;
    }

    private void MarkDirty()
    {
        lock (_gate)
        {
            _dirty = true;
            // Nobody watching: the next reader computes; nothing is computed for no one.
            if (_watchers.Length > 0)
            {
                StartPumpLocked();
            }
        }
    }

    private void StartPumpLocked()
    {
        if (_pumping)
        {
            return;
        }
        _pumping = true;
        _ = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            // The interval is the machine's pause, not business time: real time even under a test's fake clock.
            var wait = _options.Gather - System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref _lastEndedAt));
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            TaskCompletionSource<BoardSnapshot<T>> round;
            lock (_gate)
            {
                _dirty = false;
                round = _round = _next ?? NewRound();
                _next = null;
            }

            BoardSnapshot<T>? snapshot = null;
            try
            {
                var value = await _compute(_stopping.Token);
                snapshot = new BoardSnapshot<T>(value, Interlocked.Increment(ref _sequence), _clock.GetUtcNow().UtcDateTime);
                round.TrySetResult(snapshot);
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Computing the shared board {Board} failed", typeof(T).Name);
                round.TrySetException(ex);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                round.TrySetCanceled();
                return;
            }

            Volatile.Write(ref _lastEndedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            Func<BoardSnapshot<T>, Task>[] watchers;
            bool stop;
            lock (_gate)
            {
                if (snapshot is not null)
                {
                    _current = snapshot;
                }
                else
                {
                    _dirty = true;
                }
                _round = null;
                watchers = _watchers;
                // Go round again only when a change came in meanwhile and someone needs the result.
                // Decided here, under the lock: once this pump says it stops, a change may start the next one at once.
                stop = !_dirty || (watchers.Length == 0 && _next is null) || (snapshot is null && _next is null);
                if (stop)
                {
                    _pumping = false;
                }
            }
            if (snapshot is not null)
            {
                foreach (var watcher in watchers)
                {
                    _ = TellAsync(watcher, snapshot);
                }
            }
            if (stop)
            {
                return;
            }
        }
    }

    private async Task TellAsync(Func<BoardSnapshot<T>, Task> watcher, BoardSnapshot<T> snapshot)
    {
        try
        {
            await watcher(snapshot);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A viewer of the shared board {Board} failed", typeof(T).Name);
        }
    }

    private static TaskCompletionSource<BoardSnapshot<T>> NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _subscription.Dispose();
        _stopping.Cancel();
        lock (_gate)
        {
            _refresh?.Dispose();
            _refresh = null;
        }
    }

    private sealed class Watching(SharedBoard<T> board, Func<BoardSnapshot<T>, Task> onSnapshot) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                board.Unwatch(onSnapshot);
            }
        }
    }
}
