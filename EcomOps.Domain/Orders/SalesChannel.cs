using System.Security.Cryptography;
using System.Text;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Orders;

/// <summary>Which seller back office a channel's orders and exports come from.</summary>
public enum SalesPlatform
{
    Tmall,
    Taobao,
    JD,
    Douyin,
    Pinduoduo,
    WebShop,
    Other,
}

/// <summary>
/// A sales channel (a shop on a platform, or the own web shop). Its API key is shown once when issued and stored only
/// as a SHA-256 hash: the key is 32 random bytes, so a plain hash cannot be reversed or guessed.
/// </summary>
public sealed class SalesChannel : IRetirable, IAudited
{
    public const int MaxCodeLength = 20;
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public SalesPlatform Platform { get; set; }

    /// <summary>Hex SHA-256 of the API key; null when the channel has no key (it cannot post to the API).</summary>
    public string? ApiKeyHash { get; set; }

    /// <summary>The key's first characters, so people can tell which key is in use without seeing it.</summary>
    public string? ApiKeyHint { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }
}

public static class ChannelApiKey
{
    /// <summary>The HTTP header an integration sends its channel's key in.</summary>
    public const string Header = "X-Api-Key";

    public static string NewKey() => "eco_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    public static string Hint(string key) => key[..Math.Min(10, key.Length)] + "…";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class SalesChannelConfiguration : IEntityTypeConfiguration<SalesChannel>
{
    public void Configure(EntityTypeBuilder<SalesChannel> b)
    {
        b.Property(c => c.Code).HasMaxLength(SalesChannel.MaxCodeLength);
        b.Property(c => c.Name).HasMaxLength(SalesChannel.MaxNameLength);
        b.Property(c => c.Platform).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ApiKeyHash).HasMaxLength(64);
        b.Property(c => c.ApiKeyHint).HasMaxLength(16);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.ApiKeyHash).IsUnique();
    }
}
