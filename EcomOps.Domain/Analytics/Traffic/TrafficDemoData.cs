using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>
/// 90 days of platform traffic per channel up to yesterday, with each channel's own scale, weekend and promotion-day
/// peaks and a slow upward trend; Minimal gets 14 days so dashboards have something to show in tests.
/// </summary>
public sealed class TrafficDemoData(CompanyTime time) : IDemoDataArea
{
    public int Order => 60;

    public string Name => "traffic";

    private static readonly (TrafficChannel Channel, int Visits)[] Scale =
        [(TrafficChannel.Tmall, 42_000), (TrafficChannel.JD, 28_000), (TrafficChannel.Douyin, 35_000), (TrafficChannel.Pinduoduo, 22_000), (TrafficChannel.WebShop, 6_000)];

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var days = size == DemoSize.Minimal ? 14 : 90;
        var yesterday = time.Today.AddDays(-1);
        var now = time.UtcNow;
        for (var i = days - 1; i >= 0; i--)
        {
            var day = yesterday.AddDays(-i);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.25 : 1.0;
            // The 11th of a month and the 18th are platform sale days here.
            var sale = day.Day is 11 or 18 ? 1.8 : 1.0;
            var trend = 1 + (days - i) * 0.002;
            foreach (var (channel, baseVisits) in Scale)
            {
                var visits = (int)(baseVisits * weekend * sale * trend * (0.9 + random.NextDouble() * 0.2));
                var visitors = (int)(visits * (0.68 + random.NextDouble() * 0.08));
                db.TrafficDays.Add(new TrafficDay
                {
                    Channel = channel,
                    Day = day,
                    Visits = visits,
                    PageViews = (int)(visits * (3.2 + random.NextDouble() * 1.6)),
                    Visitors = visitors,
                    NewVisitors = (int)(visitors * (0.28 + random.NextDouble() * 0.12)),
                    ImportedAtUtc = now,
                    ImportedBy = "demo-data",
                    SourceFile = $"{channel.ToString().ToLowerInvariant()}-traffic.csv",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
