namespace EcomOps.Console.Live.Cluster;

/// <summary>How a server hears of the changes committed on the other servers of its cluster.</summary>
public enum LiveChannelKind
{
    /// <summary>The embedded default: one server, whose boards hear only of its own commits.</summary>
    ThisServer,

    /// <summary>A cluster: every server publishes its commits and its people's presence on a Redis channel and hears the others'.</summary>
    Redis,
}

/// <summary>
/// The live channel: <c>Live:Channel</c> (ThisServer, the default, or Redis), <c>ConnectionStrings:Redis</c> (for
/// example "127.0.0.1:6379"), <c>Live:ChannelName</c> (the Redis channels' prefix, "ecomops" unless two clusters share
/// one Redis) and <c>Live:ServerName</c> (how the others name this server; machine name and process id unless set).
/// </summary>
public sealed record LiveChannelSettings(LiveChannelKind Kind, string? RedisConnection, string ChannelName, string ServerName)
{
    public static LiveChannelSettings ThisServer { get; } = new(LiveChannelKind.ThisServer, null, "ecomops", DefaultServerName());

    public static LiveChannelSettings From(IConfiguration configuration)
    {
        var kind = configuration["Live:Channel"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "thisserver" => LiveChannelKind.ThisServer,
            "redis" => LiveChannelKind.Redis,
            var other => throw new LiveSettingException(
                $"Live:Channel is \"{configuration["Live:Channel"]}\": it must be \"ThisServer\" (one server, the default) or \"Redis\" (a cluster)."),
        };
        var redis = configuration.GetConnectionString("Redis");
        if (kind == LiveChannelKind.Redis && string.IsNullOrWhiteSpace(redis))
        {
            throw new LiveSettingException("Live:Channel is Redis but ConnectionStrings:Redis is empty: set it to the Redis server, for example \"127.0.0.1:6379\".");
        }
        var name = configuration["Live:ChannelName"];
        var server = configuration["Live:ServerName"];
        return new LiveChannelSettings(kind, redis,
            string.IsNullOrWhiteSpace(name) ? "ecomops" : name.Trim(),
            string.IsNullOrWhiteSpace(server) ? DefaultServerName() : server.Trim());
    }

    private static string DefaultServerName() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>A live-channel setting that cannot work; the message names the setting and what to put there.</summary>
public sealed class LiveSettingException(string message) : Exception(message);
