using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;

namespace EcomOps.Tests.Service.Answers;

public sealed class AnswerTemplateTests
{
    private static Ticket Ticket(string? order) => new()
    {
        Id = 42,
        CustomerName = "李堃",
        CustomerContact = "13912345678",
        OrderReference = order,
        Subject = "快递",
        Category = TicketCategories.Shipping,
    };

    [Fact]
    public void Fill_replaces_customer_order_ticket_and_agent_placeholders()
    {
        var text = AnswerTemplate.Fill("{customer_name}您好，订单{order_no}（工单{ticket_no}）由{agent_name}跟进。", Ticket("TB-2051000001"), "刘洋");

        Assert.Equal("李堃您好，订单TB-2051000001（工单T000042）由刘洋跟进。", text);
    }

    [Fact]
    public void A_missing_order_number_fills_as_empty_text_and_unknown_placeholders_stay_as_written()
    {
        var text = AnswerTemplate.Fill("Order {order_no} for {customer_name}, coupon {coupon_code}.", Ticket(null));

        Assert.Equal("Order  for 李堃, coupon {coupon_code}.", text);
    }

    [Fact]
    public void A_missing_agent_name_fills_as_empty_text()
    {
        Assert.Equal("客服", AnswerTemplate.Fill("客服{agent_name}", new AnswerPlaceholders()));
    }

    [Fact]
    public void Generalize_turns_the_tickets_own_values_back_into_placeholders()
    {
        var values = new AnswerPlaceholders("李堃", "TB-2051000001", "T000042", "刘洋 Liu Yang");

        var template = AnswerTemplate.Generalize("李堃您好，订单TB-2051000001已发出。刘洋 Liu Yang", values);

        Assert.Equal("{customer_name}您好，订单{order_no}已发出。{agent_name}", template);
        Assert.Equal("李堃您好，订单TB-2051000001已发出。刘洋 Liu Yang", AnswerTemplate.Fill(template, values));
    }
}
