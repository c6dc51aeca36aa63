using EcomOps.Domain.Campaigns;

namespace EcomOps.Console.Features.Campaigns;

/// <summary>
/// Moves campaigns with the clock (approved ones start, running ones end) and escalates execution tasks overdue before
/// the start to the campaign's owner and the managers: the campaign list shows them at the top until they are done.
/// </summary>
public sealed class CampaignClockJob(CampaignDesk desk, ILogger<CampaignClockJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var escalated = await desk.AdvanceAsync(ct);
        foreach (var e in escalated)
        {
            logger.LogWarning("Campaign C{CampaignId:D4} {Name}: task {Kind} due {Deadline:yyyy-MM-dd} is overdue before the start; owner {OwnerId}, task owner {TaskOwnerId} and the managers alerted",
                e.CampaignId, e.CampaignName, e.Kind, e.Deadline, e.CampaignOwnerId, e.TaskOwnerId);
        }
        return escalated.Count;
    }
}
