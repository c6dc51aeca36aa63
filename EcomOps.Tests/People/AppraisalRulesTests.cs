using EcomOps.Domain.People;

namespace EcomOps.Tests.People;

public sealed class AppraisalRulesTests
{
    [Theory]
    [InlineData(0.80, 0)] // below the floor
    [InlineData(0.85, 0)] // at the floor
    [InlineData(0.90, 50)] // half-way
    [InlineData(0.95, 100)] // at the target
    [InlineData(0.99, 100)] // beyond the target: capped
    public void A_rising_metric_scores_on_a_straight_line_from_its_floor_to_its_target_capped_at_both_ends(double value, double points) =>
        Assert.Equal(points, AppraisalRules.CurvePoints(value, floor: 0.85, target: 0.95), 6);

    [Theory]
    [InlineData(10, 0)]
    [InlineData(8, 0)]
    [InlineData(5, 50)]
    [InlineData(2, 100)]
    [InlineData(1, 100)]
    public void A_metric_where_lower_is_better_has_its_floor_above_its_target(double replyHours, double points) =>
        Assert.Equal(points, AppraisalRules.CurvePoints(replyHours, floor: 8, target: 2), 6);

    [Fact]
    public void The_total_is_the_weighted_mean_of_the_criteria_points()
    {
        // 40% × 100 + 30% × 50 + 30% × 60 (a 3 of 5) = 40 + 15 + 18 = 73.
        var score = AppraisalRules.Weighted([new("sales", 40, 100), new("reply", 30, 50), new("teamwork", 30, AppraisalRules.ScalePoints(3))]);

        Assert.Equal(73, score.Total, 6);
        Assert.Empty(score.Unscored);
    }

    [Fact]
    public void A_criterion_without_a_figure_counts_neither_for_nor_against_and_is_named()
    {
        // Without "reply": (40 × 100 + 30 × 60) / 70 = 82.857…
        var score = AppraisalRules.Weighted([new("sales", 40, 100), new("reply", 30, null), new("teamwork", 30, 60)]);

        Assert.Equal(82.86, score.Total, 6);
        Assert.Equal(["reply"], score.Unscored);
    }

    [Theory]
    [InlineData(100, "S", 1.5)]
    [InlineData(95, "S", 1.5)]
    [InlineData(94.99, "A", 1.2)]
    [InlineData(85, "A", 1.2)]
    [InlineData(70, "B", 1.0)]
    [InlineData(69.5, "C", 0.8)]
    [InlineData(59.99, "D", 0)]
    [InlineData(0, "D", 0)]
    public void A_final_score_takes_the_grade_of_the_band_it_reaches_with_its_bonus_coefficient(double score, string grade, double coefficient)
    {
        var band = AppraisalRules.GradeOf(score, AppraisalRules.DefaultBands);

        Assert.Equal((grade, (decimal)coefficient), (band.Grade, band.BonusCoefficient));
    }

    [Fact]
    public void Calibration_moves_the_score_within_0_to_100_and_an_adjustment_needs_a_reason_and_at_most_20_points()
    {
        Assert.Equal(100, AppraisalRules.Calibrated(92, 10));
        Assert.Equal(0, AppraisalRules.Calibrated(5, -10));
        Assert.Equal(77.5, AppraisalRules.Calibrated(72.5, 5));

        Assert.Equal([AppraisalErrors.ReasonNeeded], AppraisalRules.CheckCalibration(5, " ").Select(e => e.Code));
        Assert.Equal([AppraisalErrors.AdjustmentRange], AppraisalRules.CheckCalibration(-20.5, "too generous").Select(e => e.Code));
        Assert.Empty(AppraisalRules.CheckCalibration(0, null));
        Assert.Empty(AppraisalRules.CheckCalibration(-20, "too generous"));
    }

    [Fact]
    public void A_template_whose_weights_do_not_add_up_to_100_is_refused_and_so_are_a_flat_line_and_a_criterion_twice()
    {
        QuantitativeCriterion[] quantitative = [new("service.reply-on-time", 40, 0.8, 0.95), new("service.reply-on-time", 20, 0.8, 0.95), new("service.csat", 10, 4, 4)];
        QualitativeCriterion[] qualitative = [new("teamwork", "Teamwork", "团队合作", 20), new("attitude", "", "工作态度", 0)];

        var errors = AppraisalRules.CheckTemplate(quantitative, qualitative);

        Assert.Equal(
        [
            ("Quantitative[1].MetricKey", AppraisalErrors.CriterionTwice),
            ("Quantitative[2].Target", AppraisalErrors.FloorIsTarget),
            ("Qualitative[1].WeightPercent", AppraisalErrors.WeightRange),
            ("Qualitative[1].Name", "Required"),
            ("Weights", AppraisalErrors.WeightsNotHundred),
        ], errors.Select(e => (e.Field, e.Code)));
        Assert.Empty(AppraisalRules.CheckTemplate([new("service.reply-on-time", 60, 0.8, 0.95)], [new("teamwork", "Teamwork", "团队合作", 40)]));
    }

    [Fact]
    public void Grade_bands_must_fall_from_the_highest_score_to_zero_with_coefficients_of_0_to_5()
    {
        Assert.Empty(AppraisalRules.CheckBands(AppraisalRules.DefaultBands, AppraisalRules.DefaultMaxTopSharePercent));

        var errors = AppraisalRules.CheckBands([new("A", 80, 1.2m), new("B", 85, 1m), new("C", 10, 6m)], 0);

        Assert.Equal(
        [
            ("Bands[1].MinScore", AppraisalErrors.BandsOrder),
            ("Bands[2].BonusCoefficient", AppraisalErrors.CoefficientRange),
            ("Bands", AppraisalErrors.BandsFloor),
            ("MaxTopSharePercent", AppraisalErrors.TopShareRange),
        ], errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void A_team_with_more_than_the_allowed_share_in_the_top_two_grades_is_flagged_and_one_at_the_line_is_not()
    {
        Assert.True(AppraisalRules.TopHeavy(["S", "A", "B", "B", "C"], AppraisalRules.DefaultBands, 30)); // 40%
        Assert.False(AppraisalRules.TopHeavy(["S", "B", "B", "B", "C", "A", "B", "B", "D", "B"], AppraisalRules.DefaultBands, 20)); // 20%
        Assert.False(AppraisalRules.TopHeavy([], AppraisalRules.DefaultBands, 30));
    }

    [Fact]
    public void Each_step_has_its_owner_in_the_rulebooks_order()
    {
        var stage = AppraisalStage.SelfAssessment;
        var owners = new List<AppraisalStepOwner>();
        while (stage != AppraisalStage.Closed)
        {
            owners.Add(AppraisalRules.OwnerOf(stage));
            stage = AppraisalRules.Next(stage);
        }

        Assert.Equal([AppraisalStepOwner.Employee, AppraisalStepOwner.Head, AppraisalStepOwner.Director, AppraisalStepOwner.Head], owners);
        Assert.Equal(AppraisalStepOwner.Nobody, AppraisalRules.OwnerOf(AppraisalStage.Closed));
    }

    [Theory]
    [InlineData(AppraisalFrequency.Monthly, "2026-02-14", "2026-02-01", "2026-02-28")]
    [InlineData(AppraisalFrequency.Quarterly, "2026-05-31", "2026-04-01", "2026-06-30")]
    [InlineData(AppraisalFrequency.Quarterly, "2026-12-06", "2026-10-01", "2026-12-31")]
    [InlineData(AppraisalFrequency.Annual, "2026-07-01", "2026-01-01", "2026-12-31")]
    public void A_cycle_covers_the_calendar_month_quarter_or_year_of_its_day(AppraisalFrequency frequency, string day, string first, string last) =>
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), AppraisalRules.PeriodOf(frequency, DateOnly.Parse(day)));
}
