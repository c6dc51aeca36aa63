using System.Diagnostics;

namespace EcomOps.Console.Live;

/// <summary>
/// Folds a burst of live changes into as few reloads as possible without losing the last one, and without delaying a
/// lone change: a request after a quiet spell reloads at once; a request that arrives while a reload runs (its query may
/// already have read the state before that change) asks for one more, no sooner than <c>spacing</c> after the last one
/// ended, and every request until then is served by it. Used on the renderer's thread only, so the flags need no lock.
/// </summary>
public sealed class ReloadGate(Func<Task> reload, TimeSpan spacing)
{
    private bool _running;
    private bool _reloading;
    private bool _again;
    private long _lastEndedAt;

    /// <summary>Reloads now (or once the spacing since the last reload has passed), and again for changes during a reload.</summary>
    public async Task RequestAsync()
    {
        if (_running)
        {
            // While waiting for the spacing, the coming reload reads this change too.
            _again |= _reloading;
            return;
        }
        _running = true;
        try
        {
            do
            {
                _again = false;
                var wait = spacing - Stopwatch.GetElapsedTime(_lastEndedAt);
                if (_lastEndedAt != 0 && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                _reloading = true;
                try
                {
                    await reload();
                }
                finally
                {
                    _reloading = false;
                    _lastEndedAt = Stopwatch.GetTimestamp();
                }
            }
            while (_again);
        }
        finally
        {
            _running = false;
        }
    }
}
