namespace EcomOps.Console.Live;

/// <summary>
/// Folds a burst of live changes into as few reloads as possible without losing the last one: changes that arrive while
/// the gate gathers are served by the reload that follows; a change that arrives while a reload runs (its query may
/// already have read the state before that change) asks for one more reload. Used on the renderer's thread only, so
/// the flags need no lock.
/// </summary>
public sealed class ReloadGate(Func<Task> reload, TimeSpan gather)
{
    private bool _running;
    private bool _reloading;
    private bool _again;

    /// <summary>Reloads after <c>gather</c>, and again when changes arrive during a reload.</summary>
    public async Task RequestAsync()
    {
        if (_running)
        {
            // While gathering, the coming reload reads this change too.
            _again |= _reloading;
            return;
        }
        _running = true;
        try
        {
            do
            {
                _again = false;
                if (gather > TimeSpan.Zero)
                {
                    await Task.Delay(gather);
                }
                _reloading = true;
                try
                {
                    await reload();
                }
                finally
                {
                    _reloading = false;
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
