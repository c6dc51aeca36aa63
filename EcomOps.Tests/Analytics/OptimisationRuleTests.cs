using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Analytics.Traffic;

namespace EcomOps.Tests.Analytics;

/// <summary>Each optimisation rule on its example and on a near miss, the effect against the category, and the thresholds' ranges.</summary>
public sealed class OptimisationRuleTests
{
    // The examples' shop counts a listing from 200 visitors in two weeks (the default is 1,000).
    private static readonly OptimisationThresholdValues Defaults = OptimisationThresholdValues.Defaults with { ConversionMinVisitors = 200 };

    private static TrafficFunnel Funnel(long visitors, long buyers) => new(visitors, visitors * 2, buyers * 3, buyers);

    [Fact]
    public void Low_conversion_fires_when_both_weeks_are_below_half_the_rest_of_the_category_with_enough_visitors()
    {
        // 3/280 and 4/280 against 5% in each week: below 50% × 5% = 2.5% both times.
        var evidence = OptimisationRules.LowConversion(Funnel(280, 3), Funnel(280, 4), Funnel(700, 35), Funnel(700, 35), Defaults);

        Assert.NotNull(evidence);
        Assert.Equal(7.0 / 560, evidence.Value, 10);
        Assert.Equal(0.05, evidence.Reference, 10);
        Assert.Equal(560, evidence.Volume);
    }

    [Fact]
    public void Low_conversion_does_not_fire_when_one_week_is_just_above_the_ratio()
    {
        // The second week converts 8/280 = 2.86%, just above 2.5%: one bad week is not two.
        Assert.Null(OptimisationRules.LowConversion(Funnel(280, 3), Funnel(280, 8), Funnel(700, 35), Funnel(700, 35), Defaults));
    }

    [Fact]
    public void Low_conversion_does_not_fire_below_the_minimum_of_visitors()
    {
        // 199 visitors in all against a minimum of 200: noise, not a finding.
        Assert.Null(OptimisationRules.LowConversion(Funnel(100, 0), Funnel(99, 0), Funnel(700, 35), Funnel(700, 35), Defaults));
        Assert.NotNull(OptimisationRules.LowConversion(Funnel(100, 0), Funnel(100, 0), Funnel(700, 35), Funnel(700, 35), Defaults));
    }

    [Fact]
    public void No_stock_fires_on_visitors_without_a_unit_available_and_not_with_one_unit_or_too_few_visitors()
    {
        Assert.NotNull(OptimisationRules.NoStock(50, 0, Defaults));
        Assert.NotNull(OptimisationRules.NoStock(50, -2, Defaults));
        Assert.Null(OptimisationRules.NoStock(50, 1, Defaults));
        Assert.Null(OptimisationRules.NoStock(49, 0, Defaults));
    }

    [Fact]
    public void Complaints_rising_fire_at_the_minimum_and_the_rise_and_not_just_below_either()
    {
        // 50% more than 4 is 6.
        Assert.NotNull(OptimisationRules.ComplaintRise(6, 4, Defaults));
        Assert.Null(OptimisationRules.ComplaintRise(5, 4, Defaults));
        // A cause new this period rises from nothing, once it reaches the minimum of 3.
        Assert.NotNull(OptimisationRules.ComplaintRise(3, 0, Defaults));
        Assert.Null(OptimisationRules.ComplaintRise(2, 0, Defaults));
    }

    [Fact]
    public void A_segment_at_risk_fires_only_when_no_campaign_addresses_it_and_it_is_big_enough()
    {
        Assert.NotNull(OptimisationRules.UncoveredSegment(20, addressedByACampaign: false, Defaults));
        Assert.Null(OptimisationRules.UncoveredSegment(20, addressedByACampaign: true, Defaults));
        Assert.Null(OptimisationRules.UncoveredSegment(19, addressedByACampaign: false, Defaults));
    }

    [Fact]
    public void A_campaign_addresses_customers_at_risk_by_targeting_the_segment_or_by_the_words_of_its_audience_in_either_language()
    {
        Assert.True(OptimisationScan.AddressesAtRisk(null, "Customers at risk · 流失风险客户"));
        Assert.True(OptimisationScan.AddressesAtRisk(null, "老客召回"));
        Assert.True(OptimisationScan.AddressesAtRisk(Domain.Analytics.Customers.CustomerSegment.AtRisk, null));
        Assert.False(OptimisationScan.AddressesAtRisk(Domain.Analytics.Customers.CustomerSegment.Vip, "Gold members and above"));
        Assert.False(OptimisationScan.AddressesAtRisk(null, null));
    }

    [Fact]
    public void A_forecast_shortfall_fires_below_the_target_less_the_margin_and_not_at_it()
    {
        // Target ¥100,000 with 10% margin: a projection under ¥90,000 fires.
        var evidence = OptimisationRules.ForecastShortfall(40_000, 49_999, 100_000, Defaults);
        Assert.NotNull(evidence);
        Assert.Equal(89_999, evidence.Value);
        Assert.Null(OptimisationRules.ForecastShortfall(40_000, 50_000, 100_000, Defaults));
        Assert.Null(OptimisationRules.ForecastShortfall(0, 0, null, Defaults));
    }

    [Fact]
    public void Paid_traffic_at_a_loss_fires_below_break_even_and_not_at_it()
    {
        // 30% margin: break-even is 1 ÷ 0.3 = 3.33×. 20 buyers × ¥150 = ¥3,000 against ¥1,000 spend is 3.0×: a loss.
        var evidence = OptimisationRules.PaidTrafficLoss(1_000, 20, 150, Defaults);
        Assert.NotNull(evidence);
        Assert.Equal(3.0, evidence.Value, 10);
        Assert.Equal(100 / 30.0, evidence.Reference, 10);
        Assert.Equal(1_000, evidence.Volume);
        // 23 buyers bring ¥3,450, 3.45×: the margin covers the ads.
        Assert.Null(OptimisationRules.PaidTrafficLoss(1_000, 23, 150, Defaults));
    }

    [Fact]
    public void Paid_traffic_below_the_minimum_spend_or_with_buyers_nobody_can_value_does_not_fire_but_spend_without_a_buyer_does()
    {
        // ¥999.99 is under the ¥1,000 that makes a plan worth a card.
        Assert.Null(OptimisationRules.PaidTrafficLoss(999.99, 0, 150, Defaults));
        // Buyers but no order on the channel to value them by: the rule cannot judge.
        Assert.Null(OptimisationRules.PaidTrafficLoss(5_000, 40, null, Defaults));
        // ¥5,000 and no paying buyer at all is a loss whatever an order is worth.
        Assert.Equal(0, OptimisationRules.PaidTrafficLoss(5_000, 0, null, Defaults)!.Value);
    }

    [Fact]
    public void The_effect_on_conversion_is_the_listings_change_minus_its_categorys_change_in_points()
    {
        // Listing 1.25% → 5%, category 5% → 6%: (3.75 − 1) = 2.75 points, above the 0.5 that counts.
        var improved = OptimisationRules.ConversionEffect(0.0125, 0.05, 0.05, 0.06, Defaults);
        Assert.Equal(2.75, improved.Effect, 6);
        Assert.Equal(FindingOutcome.Improved, improved.Outcome);

        // The whole category rose as much as the listing: the season did it, not the action.
        var season = OptimisationRules.ConversionEffect(0.01, 0.03, 0.04, 0.06, Defaults);
        Assert.Equal(0, season.Effect, 6);
        Assert.Equal(FindingOutcome.NoChange, season.Outcome);

        // The listing held while the category rose by a point: worse.
        var worse = OptimisationRules.ConversionEffect(0.01, 0.01, 0.04, 0.05, Defaults);
        Assert.Equal(-1, worse.Effect, 6);
        Assert.Equal(FindingOutcome.Worse, worse.Outcome);
    }

    [Fact]
    public void The_effect_on_a_figure_that_should_fall_is_its_relative_fall()
    {
        var fewer = OptimisationRules.FallEffect(8, 2, Defaults);
        Assert.Equal(75, fewer.Effect, 6);
        Assert.Equal(FindingOutcome.Improved, fewer.Outcome);
        Assert.Equal(FindingOutcome.Worse, OptimisationRules.FallEffect(8, 10, Defaults).Outcome);
        Assert.Equal(FindingOutcome.NoChange, OptimisationRules.FallEffect(8, 8, Defaults).Outcome);
    }

    [Fact]
    public void A_threshold_out_of_its_range_or_a_fraction_of_a_count_is_refused_by_its_field()
    {
        var errors = OptimisationThresholds.Check(new Dictionary<string, double>
        {
            [OptimisationThresholds.ConversionRatioPercent] = 100,
            [OptimisationThresholds.ConversionMinVisitors] = 200.5,
            [OptimisationThresholds.EffectWindowDays] = 6,
            [OptimisationThresholds.ShortfallPercent] = 10,
        });

        Assert.Equal(
            [
                (OptimisationThresholds.ConversionRatioPercent, OptimisationThresholds.OutOfRange),
                (OptimisationThresholds.ConversionMinVisitors, OptimisationThresholds.NotWhole),
                (OptimisationThresholds.EffectWindowDays, OptimisationThresholds.OutOfRange),
            ],
            errors.Select(e => (e.Field, e.Code)).ToList());
        Assert.Empty(OptimisationThresholds.Check(OptimisationThresholds.All.ToDictionary(d => d.Key, d => d.Default)));
        // Every threshold reads back by its key, with its default when none is stored.
        Assert.All(OptimisationThresholds.All, d => Assert.Equal(d.Default, OptimisationThresholdValues.Defaults.Of(d.Key)));
    }
}
