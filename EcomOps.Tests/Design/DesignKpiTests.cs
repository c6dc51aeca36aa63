using EcomOps.Domain.Design;

namespace EcomOps.Tests.Design;

/// <summary>The design KPIs' arithmetic against hand-computed examples.</summary>
public sealed class DesignKpiTests
{
    private static readonly DateOnly Due = new(2026, 11, 20);

    [Fact]
    public void Quality_is_the_average_of_the_reviews_each_the_mean_of_its_three_criteria()
    {
        // (5+4+3)/3 = 4 and (2+2+5)/3 = 3: the average is 3.5.
        Assert.Equal(3.5, DesignKpi.Quality([(5, 4, 3), (2, 2, 5)])!.Value, 9);
        Assert.Null(DesignKpi.Quality([]));
    }

    [Fact]
    public void On_time_rate_counts_deliveries_on_or_before_the_due_date_among_the_delivered()
    {
        DeliveredWork[] delivered =
        [
            new(Due, Due.AddDays(-2), 0, 5),
            new(Due, Due, 1, 4),
            new(Due, Due.AddDays(1), 2, null),
            new(Due, Due.AddDays(6), 0, 3),
        ];

        Assert.Equal(0.5, DesignKpi.OnTimeRate(delivered));
        Assert.Null(DesignKpi.OnTimeRate([]));
    }

    [Fact]
    public void Rework_rate_is_changes_requested_rounds_per_delivered_request()
    {
        DeliveredWork[] delivered = [new(Due, Due, 0, 5), new(Due, Due, 1, 4), new(Due, Due, 2, null)];

        Assert.Equal(1.0, DesignKpi.ReworkRate(delivered));
        Assert.Equal(2.0, DesignKpi.ReworkRate([new(Due, Due, 2, null)]));
    }

    [Fact]
    public void Cooperation_averages_the_requesters_ratings_and_leaves_out_the_unrated()
    {
        DeliveredWork[] delivered = [new(Due, Due, 0, 5), new(Due, Due, 1, 2), new(Due, Due, 2, null)];

        Assert.Equal(3.5, DesignKpi.Cooperation(delivered));
        Assert.Null(DesignKpi.Cooperation([new(Due, Due, 0, null)]));
    }

    [Fact]
    public void Contribution_is_the_listings_change_in_sales_less_its_categorys_over_the_same_days()
    {
        // Listing 1,000 → 1,500 yuan (+50%); the rest of the category 10,000 → 11,000 (+10%): the design earns 40 points.
        var figure = DesignKpi.Contribution(new SalesWindow(100_000, 10, 1_000), new SalesWindow(150_000, 15, 1_000),
            new SalesWindow(1_000_000, 100, 1_000), new SalesWindow(1_100_000, 110, 1_000));

        Assert.Equal(0.5, figure.ListingSalesChange!.Value, 9);
        Assert.Equal(0.1, figure.CategorySalesChange!.Value, 9);
        Assert.Equal(0.4, figure.SalesContribution!.Value, 9);
        // Conversion: 10 → 15 orders per 1,000 visitors (+50%) against 100 → 110 (+10%).
        Assert.Equal(0.4, figure.ConversionContribution!.Value, 9);
    }

    [Fact]
    public void A_category_wide_rise_is_not_credited_to_the_design()
    {
        // A festival lifts everything by 80%: the listing rose exactly as much as its category.
        var figure = DesignKpi.Contribution(new SalesWindow(50_000, 5, 2_000), new SalesWindow(90_000, 9, 3_000),
            new SalesWindow(400_000, 40, 2_000), new SalesWindow(720_000, 72, 3_000));

        Assert.Equal(0.8, figure.ListingSalesChange!.Value, 9);
        Assert.Equal(0.0, figure.SalesContribution!.Value, 9);
        Assert.Equal(0.0, figure.ConversionContribution!.Value, 9);
    }

    [Fact]
    public void A_listing_that_sold_nothing_before_has_no_base_and_no_contribution_figure()
    {
        var figure = DesignKpi.Contribution(SalesWindow.None, new SalesWindow(90_000, 9, 3_000), new SalesWindow(400_000, 40, 2_000), new SalesWindow(720_000, 72, 3_000));

        Assert.Null(figure.ListingSalesChange);
        Assert.Null(figure.SalesContribution);
    }

    [Fact]
    public void The_windows_are_the_n_days_before_and_after_the_delivery_day_and_final_once_the_after_window_is_over()
    {
        var delivered = new DateOnly(2026, 11, 10);

        Assert.Equal((new DateOnly(2026, 10, 27), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 24)), DesignKpi.Windows(delivered));
        Assert.False(DesignKpi.IsComplete(delivered, new DateOnly(2026, 11, 24)));
        Assert.True(DesignKpi.IsComplete(delivered, new DateOnly(2026, 11, 25)));
    }
}
