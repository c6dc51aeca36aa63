using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;

namespace EcomOps.Tests.Orders;

public sealed class OrderListChangesTests
{
    private static LiveChange Change(int id, LiveChangeKind kind, string entity = nameof(Order)) =>
        new(Boards.Orders, entity, $"{id}", kind, DateTime.UtcNow);

    private static readonly Func<int, bool> PageOf1To25 = id => id is >= 1 and <= 25;

    [Fact]
    public void A_new_order_concerns_every_open_list()
    {
        var list = new OrderListChanges(new OrderFilter(ChannelId: 3), OrderQueries.NewestFirst);

        Assert.True(list.Concerns(Change(900, LiveChangeKind.Created), PageOf1To25));
    }

    [Fact]
    public void An_update_to_an_order_the_newest_first_list_does_not_show_concerns_it_not()
    {
        var list = new OrderListChanges(new OrderFilter(ChannelId: 3, From: new DateOnly(2026, 12, 1)), OrderQueries.NewestFirst);

        Assert.False(list.Concerns(Change(900, LiveChangeKind.Updated), PageOf1To25));
        Assert.True(list.Concerns(Change(7, LiveChangeKind.Updated), PageOf1To25));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("reason")]
    [InlineData("promise")]
    [InlineData("search")]
    [InlineData("sort by total")]
    public void An_update_anywhere_concerns_a_list_picked_or_sorted_by_what_updates_change(string by)
    {
        var (filter, sort) = by switch
        {
            "status" => (new OrderFilter(Status: OrderStatus.OnHold), OrderQueries.NewestFirst),
            "reason" => (new OrderFilter(Reason: HoldReason.AddressIncomplete), OrderQueries.NewestFirst),
            "promise" => (new OrderFilter(Promise: PromiseState.Late), OrderQueries.NewestFirst),
            "search" => (new OrderFilter(Search: "王"), OrderQueries.NewestFirst),
            _ => (new OrderFilter(), new ListSort<OrderColumn>(OrderColumn.Total, true)),
        };

        Assert.True(new OrderListChanges(filter, sort).Concerns(Change(900, LiveChangeKind.Updated), PageOf1To25));
    }
}
