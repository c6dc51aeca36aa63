using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Org;

namespace EcomOps.Tests.Analytics;

public sealed class ReportPeriodTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Periods_contain_the_day_weeks_start_on_monday_and_quarters_on_their_first_month()
    {
        Assert.Equal((D(2026, 11, 23), D(2026, 11, 30)), Span(ReportPeriod.Containing(PeriodKind.Week, D(2026, 11, 29))));
        Assert.Equal((D(2026, 11, 1), D(2026, 12, 1)), Span(ReportPeriod.Containing(PeriodKind.Month, D(2026, 11, 27))));
        Assert.Equal((D(2026, 10, 1), D(2027, 1, 1)), Span(ReportPeriod.Containing(PeriodKind.Quarter, D(2026, 11, 27))));
        Assert.Equal((D(2026, 1, 1), D(2027, 1, 1)), Span(ReportPeriod.Containing(PeriodKind.Year, D(2026, 11, 27))));
        Assert.Equal((D(2026, 10, 5), D(2026, 10, 16)), Span(ReportPeriod.Custom(D(2026, 10, 15), D(2026, 10, 5))));
        Assert.Equal("2026-Q4", ReportPeriod.Containing(PeriodKind.Quarter, D(2026, 11, 27)).Label);
        Assert.Equal("2026-W48", ReportPeriod.Containing(PeriodKind.Week, D(2026, 11, 27)).Label);
    }

    [Fact]
    public void Previous_period_and_same_period_last_year_have_the_same_kind()
    {
        var march = ReportPeriod.Containing(PeriodKind.Month, D(2026, 3, 10));
        Assert.Equal((D(2026, 2, 1), D(2026, 3, 1)), Span(march.Previous()));
        Assert.Equal((D(2025, 3, 1), D(2025, 4, 1)), Span(march.SameLastYear()));

        var custom = ReportPeriod.Custom(D(2026, 3, 1), D(2026, 3, 10));
        Assert.Equal((D(2026, 2, 19), D(2026, 3, 1)), Span(custom.Previous()));

        var week = ReportPeriod.Containing(PeriodKind.Week, D(2026, 11, 25));
        Assert.Equal(DayOfWeek.Monday, week.SameLastYear().Start.DayOfWeek);
    }

    [Fact]
    public void A_company_local_month_begins_at_midnight_in_the_company_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        var utc = ReportPeriod.Containing(PeriodKind.Month, D(2026, 10, 15)).ToUtc(zone);

        Assert.Equal(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc), utc.FromUtc);
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), utc.ToUtc);
    }

    [Fact]
    public void Trend_buckets_cover_the_period_without_gaps()
    {
        var quarter = ReportPeriod.Containing(PeriodKind.Quarter, D(2026, 11, 1));

        var buckets = quarter.Buckets();

        Assert.Equal(quarter.Start, buckets[0].Start);
        Assert.Equal(quarter.End, buckets[^1].End);
        Assert.All(buckets.Zip(buckets.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        Assert.All(buckets, b => Assert.Equal(PeriodKind.Week, b.Kind));
        Assert.Equal(31, ReportPeriod.Containing(PeriodKind.Month, D(2026, 10, 1)).Buckets().Count);
    }

    [Fact]
    public void Attainment_is_actual_over_target_or_its_inverse_when_lower_is_better_capped_at_200_percent()
    {
        MetricDefinition Metric(MetricDirection direction) => new("m", "a", "M", "指标", "f", "公式", MetricUnit.Minutes, direction, Team.CustomerService, true);
        var higher = Metric(MetricDirection.HigherIsBetter);
        var lower = Metric(MetricDirection.LowerIsBetter);

        Assert.Equal(0.8, KpiRules.Attainment(higher, 0.72, 0.9)!.Value, 9);
        Assert.Equal(0.5, KpiRules.Attainment(lower, 120, 60));
        Assert.Equal(2.0, KpiRules.Attainment(lower, 0, 60));
        Assert.Equal(2.0, KpiRules.Attainment(higher, 10, 1));
        Assert.Null(KpiRules.Attainment(higher, null, 0.9));
        Assert.Null(KpiRules.Attainment(higher, 0.5, null));
        Assert.Null(KpiRules.Attainment(higher, 0.5, 0));
        Assert.Equal(AttainmentBand.Met, KpiRules.Band(1.0));
        Assert.Equal(AttainmentBand.Near, KpiRules.Band(0.9));
        Assert.Equal(AttainmentBand.Below, KpiRules.Band(0.899));
    }

    [Fact]
    public void A_change_is_in_points_for_percentages_relative_otherwise_and_better_by_the_metric_direction()
    {
        MetricDefinition Metric(MetricUnit unit, MetricDirection direction) => new("m", "a", "M", "指标", "f", "公式", unit, direction, null, false);

        var rate = MetricComparison.Compare(Metric(MetricUnit.Percent, MetricDirection.HigherIsBetter), 0.85, 0.80)!;
        var minutes = MetricComparison.Compare(Metric(MetricUnit.Minutes, MetricDirection.LowerIsBetter), 110, 100)!;

        Assert.Equal((0.05, true, (bool?)true), (Math.Round(rate.Change, 9), rate.InPoints, rate.Better));
        Assert.Equal((0.1, false, (bool?)false), (Math.Round(minutes.Change, 9), minutes.InPoints, minutes.Better));
        Assert.Null(MetricComparison.Compare(Metric(MetricUnit.Count, MetricDirection.HigherIsBetter), 5, 0));
        Assert.Null(MetricComparison.Compare(Metric(MetricUnit.Count, MetricDirection.HigherIsBetter), null, 3));
        Assert.Null(MetricComparison.Compare(Metric(MetricUnit.Count, MetricDirection.HigherIsBetter), 3, 3)!.Better);
    }

    private static (DateOnly, DateOnly) Span(ReportPeriod p) => (p.Start, p.End);

    [Fact]
    public void A_running_period_is_compared_with_the_same_stretch_of_its_baseline_and_a_finished_one_with_all_of_it()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var november = ReportPeriod.Containing(PeriodKind.Month, D(2026, 11, 27));
        // 2026-11-27 21:00 in Shanghai: 26 days and 21 hours into November.
        var now = new DateTime(2026, 11, 27, 13, 0, 0, DateTimeKind.Utc);

        var running = november.ComparableBaselineUtc(november.Previous(), zone, now);
        var finished = november.Previous().ComparableBaselineUtc(november.Previous().Previous(), zone, now);

        Assert.Equal(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc), running.FromUtc);
        Assert.Equal(new DateTime(2026, 10, 27, 13, 0, 0, DateTimeKind.Utc), running.ToUtc);
        Assert.Equal(november.Previous().Previous().ToUtc(zone), finished);
        // Last year's November, to the same point.
        Assert.Equal(new DateTime(2025, 11, 27, 13, 0, 0, DateTimeKind.Utc), november.ComparableBaselineUtc(november.SameLastYear(), zone, now).ToUtc);
    }
}
