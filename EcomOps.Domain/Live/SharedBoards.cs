using EcomOps.Domain.Audit;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomOps.Domain.Live;

/// <summary>The home page's live counts, shared by every signed-in viewer; each reads the part their role may see.</summary>
public sealed record HomeBoard(IReadOnlyList<TeamHeadcount> Headcount, QueueCountsByHolder Queue, int ChangesToday);

/// <summary>The complaint SLA board: open cases, most pressing deadline first.</summary>
public sealed record ComplaintBoard(IReadOnlyList<ComplaintBoardRow> Rows);

/// <summary>
/// The boards whose state every viewer shares: each one computed once per burst of its changes (and, where the clock
/// moves it, once a minute while watched), never once per viewer.
/// </summary>
public static class SharedBoards
{
    /// <summary>The least time between two computations of a busy board: an import's or a sweep's stream of commits costs
    /// at most ten computations a second, while a lone change is computed at once.</summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    /// <summary>Deadlines pass and snoozes end without any change being committed.</summary>
    public static readonly TimeSpan ClockRefresh = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSharedBoards(this IServiceCollection services)
    {
        services.AddSingleton(sp => Make(sp, [Boards.Orders], sp.GetRequiredService<OrderQueries>().BoardAsync, ClockRefresh));
        services.AddSingleton(sp =>
        {
            var queries = sp.GetRequiredService<ComplaintQueries>();
            return Make(sp, [Boards.Complaints], async ct => new ComplaintBoard(await queries.BoardAsync(ct)), ClockRefresh,
                change => change.Entity != ComplaintDesk.OverdueAlertEntity);
        });
        services.AddSingleton(sp =>
        {
            var alerts = sp.GetRequiredService<InventoryAlerts>();
            var people = sp.GetRequiredService<PeopleNames>();
            // Movements that raise or clear nothing leave the board as it is: alert rows are what it shows.
            return Make(sp, [Boards.Inventory], async ct =>
            {
                var (active, setAside) = await alerts.BoardAsync(ct);
                return new AlertBoard(active, setAside, await people.BySignInAsync(setAside.Select(a => a.AcknowledgedBy), ct));
            }, ClockRefresh, change => change.Entity == nameof(InventoryAlert));
        });
        // Due today turns into overdue at midnight without a change: the clock refresh moves the cards.
        services.AddSingleton(sp => Make(sp, [Boards.Design], sp.GetRequiredService<Design.DesignQueries>().BoardAsync, ClockRefresh));
        // Orders move a running campaign's figures, stock moves its SKUs' cover; a campaign starting or ending changes the rows.
        services.AddSingleton(sp => Make(sp, [Boards.Campaigns, Boards.Orders, Boards.Inventory], sp.GetRequiredService<Campaigns.CampaignQueries>().BoardAsync, ClockRefresh));
        // Findings change on the board; the design requests and campaigns they became change the state their cards show.
        services.AddSingleton(sp => Make(sp, [Boards.Optimisation, Boards.Design, Boards.Campaigns], sp.GetRequiredService<Analytics.Optimisation.OptimisationDesk>().BoardAsync,
            refreshEvery: null, change => change.Board == Boards.Optimisation || change.Entity is nameof(Design.DesignRequest) or nameof(Campaigns.Campaign)));
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<EmployeeDirectory>();
            var tickets = sp.GetRequiredService<TicketQueue>();
            var audit = sp.GetRequiredService<AuditTrail>();
            var time = sp.GetRequiredService<CompanyTime>();
            return Make(sp, [Boards.Org, Boards.Tickets], async ct => new HomeBoard(
                await directory.HeadcountAsync(ct),
                await tickets.CountsByHolderAsync(ct),
                await audit.CountSinceAsync(time.ToUtc(time.LocalNow.Date), ct)), refreshEvery: null);
        });
        return services;
    }

    private static SharedBoard<T> Make<T>(IServiceProvider sp, IReadOnlyList<string> boards, Func<CancellationToken, Task<T>> compute,
        TimeSpan? refreshEvery, Func<LiveChange, bool>? matters = null) where T : class =>
        new(sp.GetRequiredService<LiveFeed>(), boards, compute, new SharedBoardOptions(Gather, refreshEvery),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger($"EcomOps.Live.SharedBoard.{typeof(T).Name}"), matters);
}
