using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Data;

/// <summary>Rules that pages used to decide for themselves, now answered by the Domain for every page, job and endpoint.</summary>
public sealed class PageRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(239, false)]
    [InlineData(240, false)]
    [InlineData(241, true)]
    public void A_held_order_is_flagged_once_it_has_waited_more_than_four_hours(int minutes, bool flagged)
    {
        var row = new HeldOrderRow(1, "P-1", "Tmall", "王喆", 100, Now.AddMinutes(-minutes), [HoldReason.AddressIncomplete]);

        Assert.Equal(flagged, row.WaitedTooLong(Now));
    }

    [Fact]
    public void Only_a_policy_without_priority_channel_or_category_catches_every_ticket()
    {
        Assert.True(new SlaPolicySettings { Name = "Standard" }.IsCatchAll);
        Assert.False(new SlaPolicySettings { Name = "Urgent", Priority = TicketPriority.Urgent }.IsCatchAll);
        Assert.False(new SlaPolicySettings { Name = "Chat", Channel = TicketChannel.OnlineChat }.IsCatchAll);
        Assert.False(new SlaPolicySettings { Name = "Refunds", Category = TicketCategories.ReturnsRefunds }.IsCatchAll);
    }

    [Fact]
    public void A_complaint_responded_to_by_its_deadline_is_in_time_and_one_not_yet_responded_to_is_neither()
    {
        var complaint = new ComplaintCase { ComplainantName = "王喆", Contact = "13812345678", Matter = "破损", FirstResponseDueUtc = Now };

        Assert.Null(ComplaintRules.RespondedInTime(complaint));
        complaint.FirstResponseAtUtc = Now;
        Assert.True(ComplaintRules.RespondedInTime(complaint));
        complaint.FirstResponseAtUtc = Now.AddSeconds(1);
        Assert.False(ComplaintRules.RespondedInTime(complaint));
    }

    [Theory]
    [InlineData(130, 100, 30)]
    [InlineData(100, 100, 0)]
    [InlineData(80, 100, 0)]
    public void The_overstock_excess_is_what_lies_above_the_maximum(int onHand, int max, int excess)
    {
        var row = new AlertBoardRow(1, InventoryAlertKind.Overstock, 1, 1, "SKU-1", "Sku", 1, "SH-01", onHand, 0, 10, max, Now, null, null, null, null, null, 1);

        Assert.Equal(excess, row.OverstockExcess);
    }
}
