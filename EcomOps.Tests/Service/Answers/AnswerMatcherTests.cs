using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;

namespace EcomOps.Tests.Service.Answers;

public sealed class AnswerMatcherTests
{
    private static readonly AnswerCandidate ShippingZh = new(1, "包裹物流未更新", "{customer_name}您好，您的包裹已发出，快递物流信息24小时内更新。", TicketCategories.Shipping, ["快递", "包裹", "物流"], AnswerLanguages.Chinese, AnswerStatus.Approved);
    private static readonly AnswerCandidate RefundZh = new(2, "退款到账时间", "{customer_name}您好，退款已原路退回，1-3个工作日到账。", TicketCategories.ReturnsRefunds, ["退款", "到账"], AnswerLanguages.Chinese, AnswerStatus.Approved);
    private static readonly AnswerCandidate PaymentZh = new(3, "付款失败", "{customer_name}您好，付款失败请更换支付方式。", TicketCategories.Payment, ["付款", "支付"], AnswerLanguages.Chinese, AnswerStatus.Approved);
    private static readonly AnswerCandidate ShippingEn = new(4, "Parcel tracking not updated", "Hi {customer_name}, your parcel has shipped; tracking updates within 24 hours.", TicketCategories.Shipping, ["parcel", "tracking", "delivery"], AnswerLanguages.English, AnswerStatus.Approved);
    private static readonly AnswerCandidate RefundEn = new(5, "Refund timing", "Hi {customer_name}, your refund takes 1-3 business days.", TicketCategories.ReturnsRefunds, ["refund"], AnswerLanguages.English, AnswerStatus.Approved);

    private static readonly AnswerCandidate[] Library = [ShippingZh, RefundZh, PaymentZh, ShippingEn, RefundEn];

    [Fact]
    public void A_chinese_shipping_message_ranks_the_chinese_shipping_answer_first()
    {
        var ranked = AnswerMatcher.Rank("我的包裹三天没有动了，快递物流也不更新", TicketCategories.Shipping, null, Library);

        Assert.Equal(1, ranked[0].Answer.Id);
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void The_message_words_outweigh_the_ticket_category()
    {
        // Filed under shipping, but the customer asks about the refund.
        var ranked = AnswerMatcher.Rank("退款什么时候到账？", TicketCategories.Shipping, null, Library);

        Assert.Equal(2, ranked[0].Answer.Id);
    }

    [Fact]
    public void An_english_message_prefers_the_english_answer_and_a_chinese_one_the_chinese_answer()
    {
        var english = AnswerMatcher.Rank("My parcel tracking has not updated for three days", TicketCategories.Shipping, null, Library);
        var chinese = AnswerMatcher.Rank("包裹三天没有更新", TicketCategories.Shipping, null, Library);

        Assert.Equal(4, english[0].Answer.Id);
        Assert.Equal(1, chinese[0].Answer.Id);
    }

    [Fact]
    public void An_explicit_language_preference_wins_over_the_language_of_the_message()
    {
        var ranked = AnswerMatcher.Rank("包裹 parcel", TicketCategories.Shipping, AnswerLanguages.English, [ShippingZh, ShippingEn]);

        Assert.Equal(4, ranked[0].Answer.Id);
    }

    [Fact]
    public void Retired_and_proposed_answers_are_never_suggested()
    {
        var retired = ShippingZh with { Id = 10, Status = AnswerStatus.Retired };
        var proposed = ShippingZh with { Id = 11, Status = AnswerStatus.Proposed };

        var ranked = AnswerMatcher.Rank("包裹快递物流", TicketCategories.Shipping, null, [retired, proposed, RefundZh], top: 10);

        Assert.DoesNotContain(ranked, m => m.Answer.Id is 10 or 11);
    }

    [Fact]
    public void The_ranking_is_deterministic_and_ties_go_to_the_more_used_then_the_older_answer()
    {
        var a = ShippingZh with { Id = 20, UsageCount = 1 };
        var b = ShippingZh with { Id = 21, UsageCount = 9 };
        var c = ShippingZh with { Id = 19, UsageCount = 1 };

        var first = AnswerMatcher.Rank("包裹", TicketCategories.Shipping, null, [a, b, c]);
        var second = AnswerMatcher.Rank("包裹", TicketCategories.Shipping, null, [c, b, a]);

        Assert.Equal([21, 19, 20], first.Select(m => m.Answer.Id));
        Assert.Equal(first, second);
    }

    [Fact]
    public void At_most_top_answers_come_back_and_answers_sharing_nothing_outside_the_category_are_left_out()
    {
        var ranked = AnswerMatcher.Rank("包裹", TicketCategories.Shipping, null, Library, top: 2);
        var nothing = AnswerMatcher.Rank("zzz", null, null, Library);

        Assert.Equal(2, ranked.Count);
        Assert.Empty(nothing);
    }

    [Fact]
    public void Chinese_is_tokenized_into_characters_and_bigrams_and_latin_into_lower_case_words()
    {
        var tokens = AnswerMatcher.Tokens("快递到了 Parcel-Tracking").ToList();

        Assert.Contains("快递", tokens);
        Assert.Contains("递到", tokens);
        Assert.Contains("快", tokens);
        Assert.Contains("parcel", tokens);
        Assert.Contains("tracking", tokens);
        Assert.DoesNotContain("了", tokens);
    }
}
