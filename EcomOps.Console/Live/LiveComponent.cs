using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace EcomOps.Console.Live;

/// <summary>
/// A component that shows live data: it subscribes to its boards on init, handles each committed change on the
/// renderer's thread (<see cref="ComponentBase.InvokeAsync(Func{Task})"/>), and drops its subscription when disposed.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    /// <summary>The boards this component listens to.</summary>
    protected abstract IReadOnlyList<string> LiveBoards { get; }

    /// <summary>Reloads what the change touches; the component re-renders afterwards.</summary>
    protected abstract Task OnLiveChangeAsync(LiveChange change);

    protected override void OnInitialized()
    {
        _subscription = Feed.Subscribe(change => InvokeAsync(async () =>
        {
            if (_subscription is null)
            {
                return;
            }
            await OnLiveChangeAsync(change);
            StateHasChanged();
        }), [.. LiveBoards]);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        OnDisposing();
        GC.SuppressFinalize(this);
    }

    /// <summary>For a live page that holds more than its subscription (presence, say).</summary>
    protected virtual void OnDisposing()
    {
    }
}
