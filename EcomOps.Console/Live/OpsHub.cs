using System.Collections.Concurrent;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EcomOps.Console.Live;

/// <summary>A shared board's state as hub clients receive it: the same snapshot the console's own boards render.</summary>
public sealed record BoardState(string Board, long Sequence, DateTime AtUtc, object State);

/// <summary>
/// The live feed for clients that are not Blazor (wall screens, integrations). A client joins a board's group and
/// receives <c>change</c> messages for it; on the boards whose state the console shares (orders, inventory alerts,
/// complaints) it also receives each new <c>snapshot</c>, and can ask for the current one. Signed-in users only; a board
/// a role may not watch is refused.
/// </summary>
[Authorize(Policy = Permissions.UseConsole)]
public sealed class OpsHub(IAuthorizationService authorization, HubBoards boards) : Hub
{
    public const string Path = "/hubs/ops";
    public const string ChangeMethod = "change";
    public const string SnapshotMethod = "snapshot";

    public async Task Join(string board)
    {
        await AuthorizeAsync(board);
        await Groups.AddToGroupAsync(Context.ConnectionId, board);
        boards.Joined(Context.ConnectionId, board);
    }

    public async Task Leave(string board)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, board);
        boards.Left(Context.ConnectionId, board);
    }

    /// <summary>The board's current shared state (the same a <c>snapshot</c> message carries).</summary>
    public async Task<BoardState> Snapshot(string board)
    {
        await AuthorizeAsync(board);
        return await boards.CurrentAsync(board, Context.ConnectionAborted)
            ?? throw new HubException($"The board '{board}' has changes but no shared state.");
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        boards.Gone(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task AuthorizeAsync(string board)
    {
        if (HubBoards.PermissionFor(board) is not { } permission)
        {
            throw new HubException($"Unknown board '{board}'.");
        }
        var result = await authorization.AuthorizeAsync(Context.User!, permission);
        if (!result.Succeeded)
        {
            throw new HubException($"Not allowed to watch '{board}'.");
        }
    }
}

/// <summary>
/// Which boards hub clients may watch, and the shared boards behind them: a shared board is watched for the hub only
/// while some connection has joined it, so nobody's wall screen costs a computation when no wall screen is open.
/// </summary>
public sealed class HubBoards
{
    /// <summary>Which permission watching a board needs. Internal boards are not offered to clients.</summary>
    private static readonly IReadOnlyDictionary<string, string> WatchPermissions = new Dictionary<string, string>
    {
        [Boards.Org] = Permissions.UseConsole,
        [Boards.Tickets] = Permissions.WorkTickets,
        [Boards.Presence] = Permissions.WorkTickets,
        [Boards.Orders] = Permissions.WatchOperations,
        [Boards.Inventory] = Permissions.WatchOperations,
        [Boards.Complaints] = Permissions.WatchOperations,
    };

    private readonly IReadOnlyDictionary<string, Shared> _shared;
    private readonly IHubContext<OpsHub> _hub;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, HashSet<string>> _joinedBy = new();
    private readonly Dictionary<string, (int Connections, IDisposable Watching)> _watched = [];

    public HubBoards(IHubContext<OpsHub> hub, SharedBoard<OrderBoard> orders, SharedBoard<AlertBoard> inventory, SharedBoard<ComplaintBoard> complaints)
    {
        _hub = hub;
        _shared = new Dictionary<string, Shared>
        {
            [Boards.Orders] = Shared.Of(Boards.Orders, orders),
            [Boards.Inventory] = Shared.Of(Boards.Inventory, inventory),
            [Boards.Complaints] = Shared.Of(Boards.Complaints, complaints),
        };
    }

    public static string? PermissionFor(string board) => WatchPermissions.GetValueOrDefault(board);

    public async Task<BoardState?> CurrentAsync(string board, CancellationToken ct) =>
        _shared.TryGetValue(board, out var shared) ? await shared.CurrentAsync(ct) : null;

    public void Joined(string connectionId, string board)
    {
        if (!_shared.TryGetValue(board, out var shared))
        {
            return;
        }
        lock (_gate)
        {
            if (!_joinedBy.GetOrAdd(connectionId, _ => []).Add(board))
            {
                return;
            }
            _watched[board] = _watched.TryGetValue(board, out var watched)
                ? watched with { Connections = watched.Connections + 1 }
                : (1, shared.Watch(state => _hub.Clients.Group(board).SendAsync(OpsHub.SnapshotMethod, state)));
        }
    }

    public void Left(string connectionId, string board)
    {
        lock (_gate)
        {
            if (_joinedBy.TryGetValue(connectionId, out var joined) && joined.Remove(board))
            {
                Release(board);
            }
        }
    }

    public void Gone(string connectionId)
    {
        lock (_gate)
        {
            if (_joinedBy.TryRemove(connectionId, out var joined))
            {
                foreach (var board in joined)
                {
                    Release(board);
                }
            }
        }
    }

    private void Release(string board)
    {
        if (!_watched.TryGetValue(board, out var watched))
        {
            return;
        }
        if (watched.Connections > 1)
        {
            _watched[board] = watched with { Connections = watched.Connections - 1 };
            return;
        }
        watched.Watching.Dispose();
        _watched.Remove(board);
    }

    private sealed record Shared(Func<CancellationToken, Task<BoardState>> CurrentAsync, Func<Func<BoardState, Task>, IDisposable> Watch)
    {
        public static Shared Of<T>(string name, SharedBoard<T> board) where T : class => new(
            async ct => State(name, await board.CurrentAsync(ct)),
            tell => board.Watch(snapshot => tell(State(name, snapshot))));

        private static BoardState State<T>(string name, BoardSnapshot<T> snapshot) where T : class =>
            new(name, snapshot.Sequence, snapshot.AtUtc, snapshot.Value);
    }
}

/// <summary>Carries every committed change from the in-process <see cref="LiveFeed"/> to the hub's board groups.</summary>
public sealed class OpsHubBridge(LiveFeed feed, IHubContext<OpsHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Hub clients receive one message per change, as they always have.
        _subscription = feed.SubscribeBatches(async changes =>
        {
            foreach (var change in changes)
            {
                if (change.Board != Boards.Sessions)
                {
                    await hub.Clients.Group(change.Board).SendAsync(OpsHub.ChangeMethod, change, cancellationToken: CancellationToken.None);
                }
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
