using System.Collections.Concurrent;
using System.Diagnostics;
using EcomOps.Console.Live;
using EcomOps.Console.Live.Cluster;
using EcomOps.Domain.Live;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcomOps.Tests.Live;

/// <summary>The parts of the cluster's live channel that need no Redis: the wire, the feed's relay, peers' presence, the settings.</summary>
public sealed class ClusterChannelTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private readonly LiveFeed _feed = new(NullLogger<LiveFeed>.Instance);

    [Fact]
    public void A_ticket_change_travels_with_its_stored_fields_before_and_after_so_a_queue_on_another_server_can_judge_it_without_a_query()
    {
        var at = new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);
        var before = new Ticket { Id = 42, CustomerName = "王喆", CustomerContact = "13812345678", Subject = "物流", Category = "Logistics", Status = TicketStatus.New, Version = 3, NextDeadlineUtc = at.AddHours(2) };
        var after = new Ticket { Id = 42, CustomerName = "王喆", CustomerContact = "13812345678", Subject = "物流", Category = "Logistics", Status = TicketStatus.Open, AssigneeId = 7, Version = 4, NextDeadlineUtc = at.AddHours(2) };
        var notification = new Notification { Id = 5, RecipientUserId = "u-1", TextKey = "Note.Key", EventKey = "e-1", ArgsJson = "[\"a\"]", CreatedAtUtc = at };

        var read = LiveWire.Read(LiveWire.Write(
        [
            new LiveChange(Boards.Tickets, nameof(Ticket), "42", LiveChangeKind.Updated, at) { Before = before, After = after },
            new LiveChange(Boards.Notifications, nameof(Notification), "5", LiveChangeKind.Created, at) { After = notification },
            new LiveChange(Boards.Orders, "Order", "9", LiveChangeKind.Deleted, at),
        ]))!;

        Assert.Equal(3, read.Count);
        var ticket = read[0];
        Assert.Equal((Boards.Tickets, nameof(Ticket), "42", LiveChangeKind.Updated, at), (ticket.Board, ticket.Entity, ticket.Key, ticket.Kind, ticket.AtUtc));
        var was = Assert.IsType<Ticket>(ticket.Before);
        var now = Assert.IsType<Ticket>(ticket.After);
        Assert.Equal((TicketStatus.New, (int?)null, 3L), (was.Status, was.AssigneeId, was.Version));
        Assert.Equal((TicketStatus.Open, (int?)7, 4L, at.AddHours(2)), (now.Status, now.AssigneeId, now.Version, now.NextDeadlineUtc));
        Assert.Equal("王喆", now.CustomerName);
        var bell = Assert.IsType<Notification>(read[1].After);
        Assert.Equal(("u-1", "Note.Key"), (bell.RecipientUserId, bell.TextKey));
        Assert.Equal(["a"], bell.Args);
        Assert.Null(read[2].Before);
        Assert.Null(read[2].After);
    }

    [Fact]
    public void A_message_this_version_cannot_read_is_ignored_rather_than_thrown()
    {
        Assert.Null(LiveWire.Read("not json"u8));
        Assert.Null(LiveWire.Read("{\"board\":1}"u8));
    }

    [Fact]
    public async Task The_feed_relays_only_this_servers_own_commits_and_hands_a_peers_to_its_subscribers_without_relaying_them_back()
    {
        var relayed = new ConcurrentQueue<LiveChange>();
        var heard = new ConcurrentQueue<LiveChange>();
        _feed.RelayTo(changes => { foreach (var c in changes) { relayed.Enqueue(c); } });
        _feed.Subscribe(c => { heard.Enqueue(c); return Task.CompletedTask; }, Boards.Orders);
        var at = _clock.GetUtcNow().UtcDateTime;

        _feed.Publish(new LiveChange(Boards.Orders, "Order", "1", LiveChangeKind.Created, at));
        _feed.PublishFromPeer([new LiveChange(Boards.Orders, "Order", "2", LiveChangeKind.Created, at)]);
        await WaitUntil(() => heard.Count == 2);

        Assert.Equal(["1"], relayed.Select(c => c.Key));
        Assert.Equal(["1", "2"], heard.Select(c => c.Key).Order());
        Assert.Equal(2, _feed.VersionOf(Boards.Orders));
    }

    [Fact]
    public async Task A_resync_reaches_every_subscriber_once_per_board_it_listens_to_and_the_order_list_and_ticket_queue_reload_for_it()
    {
        var orders = new ConcurrentQueue<IReadOnlyList<LiveChange>>();
        var all = new ConcurrentQueue<IReadOnlyList<LiveChange>>();
        _feed.SubscribeBatches(batch => { orders.Enqueue(batch); return Task.CompletedTask; }, Boards.Orders, Boards.Inventory);
        _feed.SubscribeBatches(batch => { all.Enqueue(batch); return Task.CompletedTask; });

        _feed.Resync(_clock.GetUtcNow().UtcDateTime);
        await WaitUntil(() => orders.Count == 1 && all.Count == 1);

        var batch = Assert.Single(orders);
        Assert.Equal([Boards.Inventory, Boards.Orders], batch.Select(c => c.Board).Order());
        Assert.All(batch, c => Assert.True(c.IsResync));
        Assert.Equal(Boards.All.Count, Assert.Single(all).Count);
        var resync = batch.First(c => c.Board == Boards.Orders);
        Assert.True(new EcomOps.Domain.Orders.OrderListChanges(new EcomOps.Domain.Orders.OrderFilter(), EcomOps.Domain.Orders.OrderQueries.NewestFirst).Concerns(resync, _ => false));
    }

    [Fact]
    public void Another_servers_people_count_on_shift_and_as_viewers_until_it_falls_silent_and_each_change_names_what_it_touched()
    {
        var peers = new PeerPresence(_clock);
        using var presence = new TicketPresence(_feed, _clock, peers);
        var onShift = new OnShiftRegistry(_feed, _clock, peers);
        presence.Join(7, Guid.NewGuid(), "刘洋");
        var page = Guid.NewGuid();

        var first = peers.Heard("B", new PresenceState([11, 12], [new PresenceViewer(7, page, "陈静", Typing: true)]));
        var same = peers.Heard("B", new PresenceState([11, 12], [new PresenceViewer(7, page, "陈静", Typing: true)]));
        var stopped = peers.Heard("B", new PresenceState([11], [new PresenceViewer(7, page, "陈静", Typing: false)]));

        Assert.Equal([11, 12], first.Employees.Order());
        Assert.Equal([7], first.Tickets);
        Assert.True(same.IsEmpty);
        Assert.Equal([12], stopped.Employees);
        Assert.Equal([7], stopped.Tickets);
        Assert.Equal([11], onShift.EmployeeIds);
        Assert.Equal([new TicketViewer("刘洋", false), new TicketViewer("陈静", false)], presence.ViewersOf(7, Guid.NewGuid()));
        Assert.Equal([new TicketViewer("刘洋", false)], presence.ViewersOf(7, page));

        _clock.Advance(PeerPresence.Forget - TimeSpan.FromSeconds(1));
        Assert.True(peers.ForgetSilent().IsEmpty);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var gone = peers.ForgetSilent();

        Assert.Equal([11], gone.Employees);
        Assert.Equal([7], gone.Tickets);
        Assert.Empty(onShift.EmployeeIds);
        Assert.Equal([new TicketViewer("刘洋", false)], presence.ViewersOf(7, Guid.NewGuid()));
    }

    [Theory]
    [InlineData("Kafka", null, "Live:Channel is \"Kafka\"")]
    [InlineData("Redis", null, "ConnectionStrings:Redis is empty")]
    [InlineData("Redis", "  ", "ConnectionStrings:Redis is empty")]
    public void A_live_channel_setting_that_cannot_work_is_refused_with_the_setting_to_fix(string channel, string? redis, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Live:Channel"] = channel,
            ["ConnectionStrings:Redis"] = redis,
        }).Build();

        var refused = Assert.Throws<LiveSettingException>(() => LiveChannelSettings.From(configuration));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_live_setting_a_server_is_on_its_own()
    {
        var settings = LiveChannelSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(LiveChannelKind.ThisServer, settings.Kind);
        Assert.Equal("ecomops", settings.ChannelName);
    }

    [Fact]
    public async Task A_server_told_to_use_a_redis_that_does_not_answer_does_not_start_and_says_which_setting_to_fix()
    {
        using var folder = new Support.TempFolder();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcomOps.Console.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Support.FreePort.Next()}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Ops"] = $"Data Source={folder.File("ops.db")}";
        start.Environment["Live__Channel"] = "Redis";
        // A port nobody listens on.
        start.Environment["ConnectionStrings__Redis"] = $"127.0.0.1:{Support.FreePort.Next()},connectTimeout=2000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var said = await errors;
        Assert.Contains("EcomOps cannot start: Redis at 127.0.0.1:", said, StringComparison.Ordinal);
        Assert.Contains("(ConnectionStrings:Redis) does not answer", said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said + await output, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
