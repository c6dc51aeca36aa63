using System.Globalization;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Service.Feedback;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Service.Feedback;

/// <summary>
/// On the first of the month, the digest of the month that ended, per department, in the company's report language
/// (<c>Feedback:DigestCulture</c>, else <c>Analytics:ReportCulture</c>, else Chinese). Triggered twice, it builds each once.
/// </summary>
public sealed class FeedbackDigestJob(FeedbackDigests digests, IStringLocalizer<UiText> text, IConfiguration configuration)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(configuration["Feedback:DigestCulture"] ?? configuration["Analytics:ReportCulture"] ?? ScheduledReportJob.DefaultCulture);
        return await digests.BuildAsync(digests.LastMonth, ReportBuildJob.TextIn(text, culture), culture.Name, ct);
    }
}
