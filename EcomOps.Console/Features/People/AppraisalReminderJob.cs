using EcomOps.Domain.People;

namespace EcomOps.Console.Features.People;

/// <summary>
/// Hourly: reminds each open appraisal step's owner before its deadline. The notification centre's unique key per step and
/// person makes a second run, a restart or another server send nothing twice.
/// </summary>
public sealed class AppraisalReminderJob(AppraisalReminders reminders, ILogger<AppraisalReminderJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var sent = await reminders.RunAsync(ct);
        if (sent > 0)
        {
            logger.LogInformation("Appraisal reminders: {Sent} notification(s) sent", sent);
        }
        return sent;
    }
}
