using EcomOps.Domain.Service.Sla;

namespace EcomOps.Tests.Service.Sla;

public sealed class SlaPolicyTests
{
    private static readonly SlaTarget OneHour = new(TimeSpan.FromHours(1));

    private static readonly SlaPolicySet Policies = new(
    [
        new SlaPolicy { Name = "Urgent chat", Priority = TicketPriority.Urgent, Channel = TicketChannel.OnlineChat, FirstResponse = OneHour },
        new SlaPolicy { Name = "Urgent", Priority = TicketPriority.Urgent, FirstResponse = OneHour },
        new SlaPolicy { Name = "Refunds", Category = "Refund", FirstResponse = OneHour },
        new SlaPolicy { Name = "Everything else", FirstResponse = OneHour },
    ]);

    [Theory]
    [InlineData(TicketPriority.Urgent, TicketChannel.OnlineChat, "Refund", "Urgent chat")]
    [InlineData(TicketPriority.Urgent, TicketChannel.Email, "Refund", "Urgent")]
    [InlineData(TicketPriority.Low, TicketChannel.Hotline, "refund", "Refunds")]
    [InlineData(TicketPriority.Normal, TicketChannel.PlatformMessage, null, "Everything else")]
    public void The_first_policy_that_matches_wins_and_a_null_criterion_matches_anything(
        TicketPriority priority, TicketChannel channel, string? category, string expected)
    {
        Assert.Equal(expected, Policies.Match(priority, channel, category)?.Name);
    }

    [Fact]
    public void A_ticket_no_policy_matches_has_no_policy()
    {
        var set = new SlaPolicySet([new SlaPolicy { Name = "Hotline only", Channel = TicketChannel.Hotline }]);

        Assert.Null(set.Match(TicketPriority.High, TicketChannel.Email, "Delivery"));
    }

    [Fact]
    public void The_warning_share_defaults_to_80_percent_and_must_lie_above_zero_and_at_most_one()
    {
        Assert.Equal(0.8, new SlaPolicy { Name = "Default" }.WarningShare);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaPolicy { Name = "Never", WarningShare = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaPolicy { Name = "Late", WarningShare = 1.2 });
    }

    [Fact]
    public void A_target_needs_a_positive_duration()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(TimeSpan.Zero));
    }
}
