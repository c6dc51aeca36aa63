using EcomOps.Domain.People;

namespace EcomOps.Console.Features.People;

/// <summary>
/// Every five minutes: the training reminders that have fallen due (before a session, attendance and results due,
/// feedback open, missed or failed required training). The notification centre's unique key per event and person
/// makes a second run, a run after a restart, or a run on another server send nothing twice.
/// </summary>
public sealed class TrainingReminderJob(TrainingReminders reminders, ILogger<TrainingReminderJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var sent = await reminders.RunAsync(ct);
        if (sent > 0)
        {
            logger.LogInformation("Training reminders: {Sent} notification(s) sent", sent);
        }
        return sent;
    }
}
