using System.Globalization;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace EcomOps.Console.Live;

/// <summary>
/// A component that shows live data: it subscribes to its boards on init, handles each committed change on the
/// renderer's thread (<see cref="ComponentBase.InvokeAsync(Func{Task})"/>), and drops its subscription when disposed.
/// A change arrives on the thread that committed it, whose culture is not the user's (dotnet/aspnetcore#28521), so the
/// culture the component started in is captured once and put back before every render the feed or a timer triggers.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    /// <summary>The boards this component listens to.</summary>
    protected abstract IReadOnlyList<string> LiveBoards { get; }

    /// <summary>Reloads what the change touches; the component re-renders afterwards.</summary>
    protected abstract Task OnLiveChangeAsync(LiveChange change);

    protected override void OnInitialized()
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        _subscription = Feed.Subscribe(change => InvokeInUserCultureAsync(async () =>
        {
            if (_subscription is null)
            {
                return;
            }
            await OnLiveChangeAsync(change);
            StateHasChanged();
        }), [.. LiveBoards]);
    }

    /// <summary>
    /// Runs work from outside the circuit (the feed, a timer, a background task's progress) on the renderer, in the
    /// user's language and formats.
    /// </summary>
    protected Task InvokeInUserCultureAsync(Func<Task> work) => InvokeAsync(async () =>
    {
        // Inside an async method the culture set here flows into the render and ends with it, never back to the
        // thread that published the change.
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await work();
    });

    /// <summary>Re-renders from outside the circuit in the user's culture.</summary>
    protected Task RenderInUserCultureAsync() => InvokeInUserCultureAsync(() =>
    {
        StateHasChanged();
        return Task.CompletedTask;
    });

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
