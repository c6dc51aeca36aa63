using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using EcomOps.Domain.Live;
using StackExchange.Redis;

namespace EcomOps.Console.Live.Cluster;

/// <summary>
/// The live channel between the servers of a cluster, over Redis pub/sub. Each server publishes its own commits (the
/// changes its <see cref="LiveFeed"/> relays) and its people's presence (who is on shift, who has which ticket open);
/// each hears the others' and hands them to its own feed, so every board, list and hub client on every server follows
/// every server's changes. Each server keeps serving its own boards when Redis is lost: the link says it is
/// <see cref="Paused"/> (the layout shows it), and when Redis answers again it tells the others it is back, and every
/// server reloads its boards once (<see cref="LiveFeed.Resync"/>) for the changes that could not travel meanwhile.
/// With <see cref="LiveChannelKind.ThisServer"/> (the embedded default) it does nothing.
/// </summary>
public sealed class ClusterLink(
    LiveChannelSettings settings, LiveFeed feed, OnShiftRegistry onShift, TicketPresence presence, PeerPresence peers,
    TimeProvider clock, ILogger<ClusterLink> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>How often a server tells the others it is there (with its presence), and checks Redis answers.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<IReadOnlyCollection<LiveChange>> _outgoing =
        Channel.CreateUnbounded<IReadOnlyCollection<LiveChange>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _announcing = new(1, 1);
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _changesIn;
    private ChannelMessageQueue? _presenceIn;
    private ITimer? _heartbeat;
    private Task? _sending;
    private int _presenceDirty;
    private readonly Lock _gate = new();
    private volatile bool _paused;

    public LiveChannelKind Kind => settings.Kind;

    /// <summary>Redis is lost: changes on other servers do not reach this one, nor this one's theirs.</summary>
    public bool Paused => _paused;

    /// <summary>The channel paused or came back.</summary>
    public event Action? PausedChanged;

    private RedisChannel ChangesChannel => RedisChannel.Literal($"{settings.ChannelName}:changes");

    private RedisChannel PresenceChannel => RedisChannel.Literal($"{settings.ChannelName}:presence");

    /// <summary>
    /// Connects to Redis before the server starts: a server that cannot reach it stops with the setting to fix rather
    /// than serve boards that silently miss the other servers' changes.
    /// </summary>
    public async Task ConnectAsync()
    {
        if (settings.Kind != LiveChannelKind.Redis || _redis is not null)
        {
            return;
        }
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(settings.RedisConnection!);
        }
        catch (ArgumentException e)
        {
            throw new LiveSettingException($"ConnectionStrings:Redis cannot be read ({e.Message}): set it to the Redis server, for example \"127.0.0.1:6379\".");
        }
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        // While Redis is lost a publish fails at once (the pause covers it) instead of queueing minutes of stale changes.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Try again every second while Redis is lost, so the pause ends soon after Redis is back.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= settings.ServerName;
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (RedisConnectionException)
        {
            var where = string.Join(", ", options.EndPoints.Select(e => e.ToString()));
            throw new LiveSettingException($"Redis at {where} (ConnectionStrings:Redis) does not answer: start it, or fix the setting. Live:Channel is Redis, so this server would miss the other servers' changes.");
        }
        _redis.ConnectionFailed += (_, e) => OnLost(e.Exception);
        _redis.ConnectionRestored += (_, _) => _ = TryResumeAsync();
    }

    /// <summary>Whether Redis answers now (for /health).</summary>
    public async Task<bool> AnswersAsync()
    {
        if (_redis is null)
        {
            return settings.Kind == LiveChannelKind.ThisServer;
        }
        try
        {
            await _redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Kind != LiveChannelKind.Redis)
        {
            return;
        }
        await ConnectAsync();
        var subscriber = _redis!.GetSubscriber();
        // A queue delivers one message at a time, in the order published: a server's changes arrive as committed.
        _changesIn = await subscriber.SubscribeAsync(ChangesChannel);
        _changesIn.OnMessage(message => OnChanges(message.Message));
        _presenceIn = await subscriber.SubscribeAsync(PresenceChannel);
        _presenceIn.OnMessage(message => OnPresence(message.Message));
        feed.RelayTo(changes =>
        {
            // Presence travels as each server's whole state (below), not as its changes.
            var travelling = changes.Where(c => c.Board != Boards.Presence).ToList();
            if (travelling.Count > 0)
            {
                _outgoing.Writer.TryWrite(travelling);
            }
        });
        onShift.ChangedHere += PresenceChangedHere;
        presence.ChangedHere += PresenceChangedHere;
        _sending = Task.Run(SendChangesAsync, CancellationToken.None);
        _heartbeat = clock.CreateTimer(_ => _ = BeatAsync(), null, Heartbeat, Heartbeat);
        // A server that starts (or restarts after a crash) says so: the others hear its presence at once.
        await AnnounceAsync(rejoined: false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (settings.Kind != LiveChannelKind.Redis)
        {
            return;
        }
        feed.RelayTo(null);
        onShift.ChangedHere -= PresenceChangedHere;
        presence.ChangedHere -= PresenceChangedHere;
        _outgoing.Writer.TryComplete();
        if (_sending is not null)
        {
            await _sending.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await _stopping.CancelAsync();
        if (_heartbeat is not null)
        {
            await _heartbeat.DisposeAsync();
        }
        // The others forget this server's people now rather than after the silence.
        await PublishAsync(PresenceChannel, Message(JsonSerializer.SerializeToUtf8Bytes(new PresenceMessage(PresenceState.Empty, false), Json)));
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task SendChangesAsync()
    {
        // While paused a change is not sent: the others reload their boards for it when the channel is back.
        await foreach (var changes in _outgoing.Reader.ReadAllAsync())
        {
            if (!_paused)
            {
                await PublishAsync(ChangesChannel, Message(LiveWire.Write(changes)));
            }
        }
    }

    private void PresenceChangedHere()
    {
        Interlocked.Exchange(ref _presenceDirty, 1);
        _ = AnnounceIfChangedAsync();
    }

    private async Task AnnounceIfChangedAsync()
    {
        // One announcement at a time, each with the latest state: a burst of keystrokes costs one or two messages.
        if (!await _announcing.WaitAsync(0))
        {
            return;
        }
        try
        {
            while (Interlocked.Exchange(ref _presenceDirty, 0) == 1 && !_paused)
            {
                await PublishAsync(PresenceChannel, PresenceMessageBytes(rejoined: false));
            }
        }
        finally
        {
            _announcing.Release();
        }
        if (Volatile.Read(ref _presenceDirty) == 1 && !_paused)
        {
            await AnnounceIfChangedAsync();
        }
    }

    private async Task BeatAsync()
    {
        try
        {
            var gone = peers.ForgetSilent();
            AnnounceHere(gone);
            if (_paused)
            {
                await TryResumeAsync();
            }
            else
            {
                await AnnounceAsync(rejoined: false);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The live channel's heartbeat failed");
        }
    }

    private async Task AnnounceAsync(bool rejoined) => await PublishAsync(PresenceChannel, PresenceMessageBytes(rejoined));

    private byte[] PresenceMessageBytes(bool rejoined) =>
        Message(JsonSerializer.SerializeToUtf8Bytes(new PresenceMessage(new PresenceState(onShift.Here, presence.Here), rejoined), Json));

    private async Task TryResumeAsync()
    {
        if (!_paused || _redis is null || !_redis.IsConnected)
        {
            return;
        }
        // Back: say so (the others reload for what this server could not send), and reload here for what it missed.
        if (await PublishAsync(PresenceChannel, PresenceMessageBytes(rejoined: true), resuming: true) && SetPaused(false))
        {
            feed.Resync(clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Live updates between servers resumed: boards reload once");
        }
    }

    private void OnLost(Exception? e)
    {
        if (SetPaused(true))
        {
            logger.LogWarning(e, "Live updates between servers paused: Redis does not answer");
        }
    }

    /// <summary>Pauses or resumes; true when this call changed it (two failures at once log and tell once).</summary>
    private bool SetPaused(bool paused)
    {
        lock (_gate)
        {
            if (_paused == paused)
            {
                return false;
            }
            _paused = paused;
        }
        PausedChanged?.Invoke();
        return true;
    }

    private async Task<bool> PublishAsync(RedisChannel channel, byte[] message, bool resuming = false)
    {
        if (_redis is null || (_paused && !resuming))
        {
            return false;
        }
        try
        {
            await _redis.GetSubscriber().PublishAsync(channel, message);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            OnLost(e);
            return false;
        }
    }

    private void OnChanges(RedisValue message)
    {
        if (From(message, out var body) is not { } server || server == settings.ServerName)
        {
            return;
        }
        if (LiveWire.Read(body) is { } changes)
        {
            feed.PublishFromPeer(changes);
        }
        else
        {
            logger.LogWarning("A live message from {Server} could not be read (another version of the console?)", server);
        }
    }

    private void OnPresence(RedisValue message)
    {
        if (From(message, out var body) is not { } server || server == settings.ServerName)
        {
            return;
        }
        PresenceMessage? heard;
        try
        {
            heard = JsonSerializer.Deserialize<PresenceMessage>(body, Json);
        }
        catch (JsonException)
        {
            heard = null;
        }
        if (heard is null)
        {
            return;
        }
        var met = !peers.Knows(server);
        AnnounceHere(peers.Heard(server, heard.State));
        if (met && !heard.Rejoined)
        {
            // A server that just started (or that this one had forgotten) hears who is here now, not at the next beat.
            PresenceChangedHere();
        }
        if (heard.Rejoined)
        {
            // Its changes could not reach this server while it was cut off: reload once, and tell it who is here.
            feed.Resync(clock.GetUtcNow().UtcDateTime);
            PresenceChangedHere();
        }
    }

    private void AnnounceHere(PresenceDifference difference)
    {
        onShift.AnnouncePeers(difference.Employees);
        presence.AnnouncePeers(difference.Tickets);
    }

    /// <summary>A message: the sending server's name, a line break, and the body.</summary>
    private byte[] Message(byte[] body)
    {
        var name = Encoding.UTF8.GetBytes(settings.ServerName);
        var message = new byte[name.Length + 1 + body.Length];
        name.CopyTo(message, 0);
        message[name.Length] = (byte)'\n';
        body.CopyTo(message, name.Length + 1);
        return message;
    }

    private static string? From(RedisValue message, out ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> bytes = (byte[]?)message;
        var split = bytes.IndexOf((byte)'\n');
        if (split <= 0)
        {
            body = default;
            return null;
        }
        body = bytes[(split + 1)..];
        return Encoding.UTF8.GetString(bytes[..split]);
    }

    private sealed record PresenceMessage(PresenceState State, bool Rejoined);
}
