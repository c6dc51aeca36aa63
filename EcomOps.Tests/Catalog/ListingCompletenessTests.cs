using EcomOps.Domain.Catalog;
using EcomOps.Domain.Orders;

namespace EcomOps.Tests.Catalog;

public sealed class ListingCompletenessTests
{
    private static ListingFacts Full(params ListingSkuFacts[] skus) => new("云朵纯棉T恤", "浙江杭州", "100% 棉", "冷水手洗", "7天无理由退货", "柔软透气", null, true, true,
        skus.Length > 0 ? skus : [new ListingSkuFacts("黑色 M", "AP-0001", "6901234567892", 220, 9_900, 5)], Images: 2);

    [Fact]
    public void A_listing_with_every_rulebook_field_is_complete_on_a_channel_that_asks_for_nothing_more()
    {
        var result = ListingCompleteness.Of(Full(), ListingFields.Required(ListingFields.DefaultExtras(SalesPlatform.Taobao)));

        Assert.Equal(100, result.Percent);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void The_same_listing_misses_the_description_a_tmall_store_requires_and_is_no_longer_complete()
    {
        var required = ListingFields.Required(ListingFields.DefaultExtras(SalesPlatform.Tmall));

        var result = ListingCompleteness.Of(Full(), required);

        Assert.Equal([ListingField.Description], result.Missing);
        Assert.Equal(14 * 100 / 15, result.Percent);
        Assert.Equal(100, ListingCompleteness.Of(Full() with { Description = "详情" }, required).Percent);
    }

    [Fact]
    public void A_per_sku_field_is_missing_when_one_variant_lacks_it_and_stock_is_present_when_one_variant_has_some()
    {
        var result = ListingCompleteness.Of(Full(
            new ListingSkuFacts("黑色 M", "AP-0001", null, 220, 9_900, 0),
            new ListingSkuFacts("白色 L", null, null, 220, 0, 3)), ListingFields.Required([ListingField.Barcode]));

        Assert.Equal([ListingField.Model, ListingField.Price, ListingField.Barcode], result.Missing);
        Assert.DoesNotContain(ListingField.Stock, result.Missing);
    }

    [Fact]
    public void A_listing_without_available_stock_or_without_skus_misses_stock_and_never_rounds_up_to_100()
    {
        var noStock = ListingCompleteness.Of(Full(new ListingSkuFacts("黑色 M", "AP-1", "1", 1, 1, 0)), ListingFields.Rulebook);
        var noSkus = ListingCompleteness.Of(Full() with { Skus = [] }, ListingFields.Rulebook);

        Assert.Equal([ListingField.Stock], noStock.Missing);
        Assert.Equal(92, noStock.Percent);
        Assert.Equal([ListingField.Specification, ListingField.Model, ListingField.Price, ListingField.Stock], noSkus.Missing);
        Assert.Equal(69, noSkus.Percent);
    }

    [Fact]
    public void A_product_without_a_main_image_is_not_complete_on_any_channel()
    {
        var result = ListingCompleteness.Of(Full() with { Images = 0 }, ListingFields.Rulebook);

        Assert.Equal([ListingField.Images], result.Missing);
        Assert.Equal(92, result.Percent);
    }

    [Theory]
    [InlineData(ListingState.Draft, ListingState.InReview, true)]
    [InlineData(ListingState.InReview, ListingState.Draft, true)]
    [InlineData(ListingState.Paused, ListingState.Live, true)]
    [InlineData(ListingState.Draft, ListingState.Live, false)]
    [InlineData(ListingState.Live, ListingState.Draft, false)]
    [InlineData(ListingState.Draft, ListingState.Paused, false)]
    [InlineData(ListingState.Retired, ListingState.Live, false)]
    [InlineData(ListingState.Retired, ListingState.Draft, false)]
    [InlineData(ListingState.Live, ListingState.Retired, true)]
    public void A_state_moves_only_along_the_listing_workflow(ListingState from, ListingState to, bool allowed) =>
        Assert.Equal(allowed, ListingStates.CanMove(from, to));

    [Fact]
    public void Stored_field_lists_read_back_and_unknown_names_are_skipped() =>
        Assert.Equal([ListingField.Barcode, ListingField.Weight], ListingFields.Parse(" Barcode,Colour,Weight "));
}
