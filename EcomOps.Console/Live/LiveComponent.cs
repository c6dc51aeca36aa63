using System.Globalization;
using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace EcomOps.Console.Live;

/// <summary>
/// A component that shows live data: it subscribes to its boards on init, handles each commit's changes on the
/// renderer's thread (<see cref="ComponentBase.InvokeAsync(Func{Task})"/>) with one render per commit, and drops its
/// subscription when disposed. The changes come after the commit (<see cref="LiveFeed.SubscribeAfterCommit"/>): whoever
/// committed does not wait for every open tab to render them. A board whose state every viewer shares is watched
/// through <see cref="WatchAsync{T}"/>: the component renders the shared snapshot and never queries for it.
/// A change arrives on a thread outside the circuit (the feed's queue, a shared board's), whose culture is not the
/// user's (dotnet/aspnetcore#28521), so the culture the component started in is captured once and put back before
/// every render the feed or a timer triggers.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private readonly List<IDisposable> _watching = [];
    private bool _disposed;
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    /// <summary>The boards whose changes this component handles itself (none when it only shows shared boards).</summary>
    protected virtual IReadOnlyList<string> LiveBoards => [];

    /// <summary>
    /// Whether every commit's changes end in a render. A list that decides per change whether its page is touched says
    /// no and renders itself when it is, so a change elsewhere costs its tab nothing.
    /// </summary>
    protected virtual bool RendersOnEveryChange => true;

    /// <summary>Reloads what the change touches; the component re-renders after the commit's changes.</summary>
    protected virtual Task OnLiveChangeAsync(LiveChange change) => Task.CompletedTask;

    /// <summary>One commit's changes on the component's boards; by default each goes to <see cref="OnLiveChangeAsync"/>.</summary>
    protected virtual async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes)
    {
        foreach (var change in changes)
        {
            await OnLiveChangeAsync(change);
        }
    }

    protected override void OnInitialized()
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        if (LiveBoards.Count == 0)
        {
            return;
        }
        _subscription = Feed.SubscribeAfterCommit(changes => InvokeInUserCultureAsync(async () =>
        {
            if (_subscription is null)
            {
                return;
            }
            await OnLiveChangesAsync(changes);
            if (RendersOnEveryChange)
            {
                StateHasChanged();
            }
        }), [.. LiveBoards]);
    }

    /// <summary>
    /// Shows a shared board for as long as the component lives: <paramref name="show"/> receives the current snapshot
    /// now and every newer one as it is computed (never an older one after a newer), each followed by a render.
    /// </summary>
    protected async Task WatchAsync<T>(SharedBoard<T> board, Action<BoardSnapshot<T>> show) where T : class
    {
        // Only the renderer's thread reads and writes it: the watcher's callback and this method both run there.
        long shown = 0;
        // Watch first, then read: a snapshot computed in between arrives through the watcher, not lost.
        var watching = board.Watch(snapshot => InvokeInUserCultureAsync(() =>
        {
            if (!_disposed && snapshot.Sequence > shown)
            {
                shown = snapshot.Sequence;
                show(snapshot);
                StateHasChanged();
            }
            return Task.CompletedTask;
        }));
        _watching.Add(watching);
        var current = await board.CurrentAsync();
        if (current.Sequence > shown)
        {
            shown = current.Sequence;
            show(current);
        }
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
        _disposed = true;
        _subscription?.Dispose();
        _subscription = null;
        foreach (var watching in _watching)
        {
            watching.Dispose();
        }
        _watching.Clear();
        OnDisposing();
        GC.SuppressFinalize(this);
    }

    /// <summary>For a live page that holds more than its subscription (presence, say).</summary>
    protected virtual void OnDisposing()
    {
    }
}
