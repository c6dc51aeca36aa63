using System.Collections.Concurrent;
using EcomOps.Console.Live;
using EcomOps.Domain.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcomOps.Tests.Live;

public sealed class TicketPresenceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private readonly LiveFeed _feed = new(NullLogger<LiveFeed>.Instance);

    [Fact]
    public void Each_agent_sees_the_others_on_a_ticket_and_who_is_typing_until_it_fades()
    {
        using var presence = new TicketPresence(_feed, _clock, new EcomOps.Console.Live.Cluster.PeerPresence(_clock));
        var announced = new ConcurrentQueue<LiveChange>();
        _feed.Subscribe(c => { announced.Enqueue(c); return Task.CompletedTask; }, Boards.Presence);
        var liu = Guid.NewGuid();
        var chen = Guid.NewGuid();

        presence.Join(7, liu, "刘洋");
        presence.Join(7, chen, "陈静");
        presence.Typed(7, liu);
        presence.Typed(7, liu);
        var whileTyping = presence.ViewersOf(7, chen);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var afterPause = presence.ViewersOf(7, chen);
        presence.Leave(7, liu);

        Assert.Equal([new TicketViewer("刘洋", Typing: true)], whileTyping);
        Assert.Equal([new TicketViewer("刘洋", Typing: false)], afterPause);
        Assert.Empty(presence.ViewersOf(7, chen));
        Assert.Equal([new TicketViewer("陈静", false)], presence.ViewersOf(7, liu));
        // join, join, typing started (once for two keys), typing faded, leave
        Assert.Equal(5, announced.Count);
        Assert.All(announced, c => Assert.Equal(("7", TicketPresence.Entity), (c.Key, c.Entity)));
    }

    [Fact]
    public void A_viewer_whose_connection_dropped_stops_counting_at_once_and_counts_again_if_it_comes_back()
    {
        using var presence = new TicketPresence(_feed, _clock, new EcomOps.Console.Live.Cluster.PeerPresence(_clock));
        var liuCircuit = Guid.NewGuid();
        var chen = Guid.NewGuid();
        presence.Join(7, Guid.NewGuid(), "刘洋", liuCircuit);
        presence.Join(7, chen, "陈静", Guid.NewGuid());

        presence.CircuitDown(liuCircuit);
        var afterTabClosed = presence.ViewersOf(7, chen);
        presence.CircuitUp(liuCircuit);

        Assert.Empty(afterTabClosed);
        Assert.Equal([new TicketViewer("刘洋", false)], presence.ViewersOf(7, chen));
    }

    [Fact]
    public void The_same_person_in_two_tabs_is_listed_once()
    {
        using var presence = new TicketPresence(_feed, _clock, new EcomOps.Console.Live.Cluster.PeerPresence(_clock));

        presence.Join(3, Guid.NewGuid(), "刘洋");
        presence.Join(3, Guid.NewGuid(), "刘洋");

        Assert.Single(presence.ViewersOf(3, Guid.NewGuid()));
    }
}
