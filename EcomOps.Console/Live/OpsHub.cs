using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EcomOps.Console.Live;

/// <summary>
/// The live feed for clients that are not Blazor (wall screens, integrations). A client joins a board's group and
/// receives <c>change</c> messages for it. Signed-in users only; a board a role may not watch is refused.
/// </summary>
[Authorize(Policy = Permissions.UseConsole)]
public sealed class OpsHub(IAuthorizationService authorization) : Hub
{
    public const string Path = "/hubs/ops";
    public const string ChangeMethod = "change";

    /// <summary>Which permission watching a board needs. Internal boards are not offered to clients.</summary>
    private static readonly IReadOnlyDictionary<string, string> BoardPermissions = new Dictionary<string, string>
    {
        [Boards.Org] = Permissions.UseConsole,
        [Boards.Tickets] = Permissions.WorkTickets,
        [Boards.Presence] = Permissions.WorkTickets,
    };

    public async Task Join(string board)
    {
        if (!BoardPermissions.TryGetValue(board, out var permission))
        {
            throw new HubException($"Unknown board '{board}'.");
        }
        var result = await authorization.AuthorizeAsync(Context.User!, permission);
        if (!result.Succeeded)
        {
            throw new HubException($"Not allowed to watch '{board}'.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, board);
    }

    public Task Leave(string board) => Groups.RemoveFromGroupAsync(Context.ConnectionId, board);
}

/// <summary>Carries every committed change from the in-process <see cref="LiveFeed"/> to the hub's board groups.</summary>
public sealed class OpsHubBridge(LiveFeed feed, IHubContext<OpsHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(change => change.Board == Boards.Sessions
            ? Task.CompletedTask
            : hub.Clients.Group(change.Board).SendAsync(OpsHub.ChangeMethod, change, cancellationToken: CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
