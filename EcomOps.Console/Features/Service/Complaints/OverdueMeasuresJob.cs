using EcomOps.Domain.Service.Complaints;

namespace EcomOps.Console.Features.Service.Complaints;

/// <summary>
/// Hourly: flags complaint measures past their deadline and alerts their owner and the owner's supervisor on the
/// complaints board. A measure is flagged once, so running the job twice alerts nobody twice.
/// </summary>
public sealed class OverdueMeasuresJob(ComplaintDesk desk, ILogger<OverdueMeasuresJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var alerts = await desk.FlagOverdueMeasuresAsync(ct);
        foreach (var alert in alerts)
        {
            logger.LogInformation("Complaint C{CaseId:D6}: measure {MeasureId} overdue since {Deadline:u}; owner {OwnerId}, supervisor {SupervisorId} alerted",
                alert.CaseId, alert.MeasureId, alert.DeadlineUtc, alert.OwnerId, alert.SupervisorId);
        }
        return alerts.Count;
    }
}
