using EcomOps.Console.Live;
using EcomOps.Domain.Live;
using EcomOps.Domain.Service;

namespace EcomOps.Console.Jobs;

/// <summary>
/// Runs auto-assignment when a ticket arrives, an agent comes on shift, or the switch is turned on, and every
/// half minute in case a hand-out was skipped. Does nothing while the team has it switched off.
/// </summary>
public sealed class AutoAssignService(AutoAssignment assignment, OnShiftRegistry onShift, LiveFeed feed, TimeProvider clock, ILogger<AutoAssignService> logger) : BackgroundService
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(change =>
        {
            var relevant = (change.Entity == nameof(Ticket) && change.Kind == LiveChangeKind.Created)
                || change.Entity is nameof(TeamSetting) or OnShiftRegistry.Entity;
            if (relevant && _wake.CurrentCount == 0)
            {
                _wake.Release();
            }
            return Task.CompletedTask;
        }, Boards.Tickets, Boards.Presence);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await assignment.AssignWaitingAsync(onShift.EmployeeIds, stoppingToken);
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(Task.Delay(Safety, clock, wake.Token), _wake.WaitAsync(wake.Token));
                await wake.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Auto-assignment failed; retrying shortly");
                await Task.Delay(Safety, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
