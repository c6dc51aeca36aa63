using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>Where visitors come from, in the console's own words; each platform's source names map to one of these.</summary>
public enum TrafficSource
{
    Search,
    Recommendation,
    Paid,
    LiveStream,
    Content,
    Direct,
    Other,
}

/// <summary>
/// One platform's own name for a traffic source (手淘搜索, 直通车 …) and the source it counts as. The mapping is edited by
/// managers; a report naming a source the platform's mapping does not know is refused row by row.
/// </summary>
public sealed class TrafficSourceName : IVersioned, IAudited
{
    public const int MaxNameLength = 60;

    public int Id { get; set; }
    public TrafficChannel Platform { get; set; }
    public required string Name { get; set; }
    public TrafficSource Source { get; set; }
    public long Version { get; set; }
}

/// <summary>One platform source's traffic on one company-local day of one channel, as its per-source report gave it.</summary>
public sealed class SourceTrafficDay
{
    public int Id { get; set; }
    public TrafficChannel Channel { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The platform's own name for the source, as the report wrote it.</summary>
    public required string SourceName { get; set; }

    /// <summary>What <see cref="SourceName"/> maps to; re-mapped when the mapping changes.</summary>
    public TrafficSource Source { get; set; }
    public int Visitors { get; set; }
    public int PageViews { get; set; }
    public int PayingBuyers { get; set; }

    /// <summary>What the source cost that day (ad spend, fen), when the report said; null for a free source or a report without spend.</summary>
    public long? SpendCents { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedBy { get; set; }
    public string? SourceFile { get; set; }
}

/// <summary>One listing's traffic funnel on one company-local day, as its platform's per-listing report gave it.</summary>
public sealed class ListingTrafficDay
{
    public int Id { get; set; }
    public int ListingId { get; set; }
    public DateOnly Day { get; set; }
    public int Visitors { get; set; }
    public int PageViews { get; set; }
    public int AddToCart { get; set; }
    public int PayingBuyers { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string? ImportedBy { get; set; }
    public string? SourceFile { get; set; }
}

/// <summary>
/// The platforms' back-office source names a new database starts with (生意参谋, 京东商智, 抖店罗盘, 拼多多 and the web shop's
/// analytics), from the reference of platform vocabulary. They are only defaults: the mapping page changes them.
/// </summary>
public static class TrafficSourceDefaults
{
    public static readonly IReadOnlyList<(TrafficChannel Platform, string Name, TrafficSource Source)> Names =
    [
        (TrafficChannel.Tmall, "手淘搜索", TrafficSource.Search),
        (TrafficChannel.Tmall, "手淘推荐", TrafficSource.Recommendation),
        (TrafficChannel.Tmall, "猜你喜欢", TrafficSource.Recommendation),
        (TrafficChannel.Tmall, "直通车", TrafficSource.Paid),
        (TrafficChannel.Tmall, "引力魔方", TrafficSource.Paid),
        (TrafficChannel.Tmall, "万相台", TrafficSource.Paid),
        (TrafficChannel.Tmall, "淘宝直播", TrafficSource.LiveStream),
        (TrafficChannel.Tmall, "逛逛", TrafficSource.Content),
        (TrafficChannel.Tmall, "内容", TrafficSource.Content),
        (TrafficChannel.Tmall, "购物车", TrafficSource.Direct),
        (TrafficChannel.Tmall, "我的淘宝", TrafficSource.Direct),
        (TrafficChannel.Tmall, "直接访问", TrafficSource.Direct),
        (TrafficChannel.Tmall, "淘内免费其他", TrafficSource.Other),
        (TrafficChannel.Tmall, "淘外流量", TrafficSource.Other),
        (TrafficChannel.JD, "搜索", TrafficSource.Search),
        (TrafficChannel.JD, "推荐", TrafficSource.Recommendation),
        (TrafficChannel.JD, "京东快车", TrafficSource.Paid),
        (TrafficChannel.JD, "京准通", TrafficSource.Paid),
        (TrafficChannel.JD, "直接访问", TrafficSource.Direct),
        (TrafficChannel.JD, "其他", TrafficSource.Other),
        (TrafficChannel.Douyin, "商品卡", TrafficSource.Search),
        (TrafficChannel.Douyin, "搜索", TrafficSource.Search),
        (TrafficChannel.Douyin, "直播", TrafficSource.LiveStream),
        (TrafficChannel.Douyin, "短视频", TrafficSource.Content),
        (TrafficChannel.Douyin, "千川", TrafficSource.Paid),
        (TrafficChannel.Douyin, "其他", TrafficSource.Other),
        (TrafficChannel.Pinduoduo, "搜索", TrafficSource.Search),
        (TrafficChannel.Pinduoduo, "推荐", TrafficSource.Recommendation),
        (TrafficChannel.Pinduoduo, "场景", TrafficSource.Recommendation),
        (TrafficChannel.Pinduoduo, "推广", TrafficSource.Paid),
        (TrafficChannel.Pinduoduo, "其他", TrafficSource.Other),
        (TrafficChannel.WebShop, "搜索引擎", TrafficSource.Search),
        (TrafficChannel.WebShop, "广告", TrafficSource.Paid),
        (TrafficChannel.WebShop, "直接访问", TrafficSource.Direct),
        (TrafficChannel.WebShop, "其他", TrafficSource.Other),
    ];
}

internal sealed class TrafficSourceNameConfiguration : IEntityTypeConfiguration<TrafficSourceName>
{
    public void Configure(EntityTypeBuilder<TrafficSourceName> b)
    {
        b.Property(x => x.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(TrafficSourceName.MaxNameLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Platform, x.Name }).IsUnique();
        b.HasData(TrafficSourceDefaults.Names.Select((n, i) => new TrafficSourceName { Id = i + 1, Platform = n.Platform, Name = n.Name, Source = n.Source }));
    }
}

internal sealed class SourceTrafficDayConfiguration : IEntityTypeConfiguration<SourceTrafficDay>
{
    public void Configure(EntityTypeBuilder<SourceTrafficDay> b)
    {
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceName).HasMaxLength(TrafficSourceName.MaxNameLength);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.Property(x => x.SourceFile).HasMaxLength(260);
        b.HasIndex(x => new { x.Channel, x.Day, x.SourceName }).IsUnique();
        b.HasIndex(x => x.Day);
    }
}

internal sealed class ListingTrafficDayConfiguration : IEntityTypeConfiguration<ListingTrafficDay>
{
    public void Configure(EntityTypeBuilder<ListingTrafficDay> b)
    {
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.Property(x => x.SourceFile).HasMaxLength(260);
        b.HasOne<Catalog.Listing>().WithMany().HasForeignKey(x => x.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ListingId, x.Day }).IsUnique();
        b.HasIndex(x => x.Day);
    }
}
