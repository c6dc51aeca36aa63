using EcomOps.Domain.Service.Referrals;

namespace EcomOps.Console.Features.Service.Referrals;

/// <summary>
/// Every five minutes: referrals not answered in time are escalated to their department's heads and the agent who
/// referred them, once each (the flag is saved with the notifications).
/// </summary>
public sealed class OverdueReferralsJob(ReferralDesk desk, ILogger<OverdueReferralsJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var escalated = await desk.EscalateOverdueAsync(ct);
        if (escalated > 0)
        {
            logger.LogInformation("{Count} overdue referral(s) escalated", escalated);
        }
        return escalated;
    }
}
