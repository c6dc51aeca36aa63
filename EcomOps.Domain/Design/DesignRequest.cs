using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Design;

/// <summary>What a design request asks for (the rulebook's shop home pages, product detail pages and campaign posters).</summary>
public enum DesignKind
{
    /// <summary>An element of a channel's shop home page (店铺首页): sign, carousel, recommendations.</summary>
    ShopHomeElement,

    /// <summary>A listing's product detail page (详情页).</summary>
    DetailPage,

    /// <summary>A listing's main images (主图).</summary>
    MainImages,

    /// <summary>A campaign's poster or landing page (活动海报/页面).</summary>
    CampaignPoster,
    Other,
}

/// <summary>Where a request is on the design board. Delivered, cancelled and returned end the designers' part.</summary>
public enum DesignState
{
    Requested,
    Accepted,
    InProgress,
    InReview,
    ChangesRequested,
    Approved,
    Delivered,
    Cancelled,

    /// <summary>The supervisor sent it back for a better brief; the requester edits it and asks again.</summary>
    Returned,
}

public enum DesignPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>
/// A request from operations to the design team (美工需求): what for (a listing, a store element, a campaign), the brief and
/// the platform's specifications, by when; then who designs it, its versions and reviews, and the requester's rating on
/// delivery. Moves are the rules of <see cref="DesignRules"/>; a move from a stale copy is refused.
/// </summary>
[LiveBoard(Boards.Design)]
public sealed class DesignRequest : IVersioned, IAudited
{
    public const int MaxTitleLength = 120;
    public const int MaxBriefLength = 2000;
    public const int MaxSpecificationsLength = 1000;
    public const int MaxNoteLength = 1000;
    public const int MaxCampaignLength = 120;

    public int Id { get; set; }
    public DesignKind Kind { get; set; }
    public DesignState State { get; set; }
    public DesignPriority Priority { get; set; }
    public required string Title { get; set; }
    public required string Brief { get; set; }

    /// <summary>Sizes and formats the work must meet, pre-filled from the platform's specification and edited per request.</summary>
    public string? Specifications { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>The listing a detail page or main images are for.</summary>
    public int? ListingId { get; set; }

    /// <summary>The channel whose store (and element) a shop home element is for; for a listing, the listing's channel.</summary>
    public int? ChannelId { get; set; }
    public StoreElement? StoreElement { get; set; }

    /// <summary>The campaign a poster is for, in words (the campaign's name when it is asked from the campaign).</summary>
    public string? Campaign { get; set; }

    /// <summary>The campaign whose "page and poster" task this request carries out.</summary>
    public int? CampaignId { get; set; }

    public int? RequesterEmployeeId { get; set; }
    public string? RequesterUserId { get; set; }
    public required string RequesterName { get; set; }
    public int? AssigneeEmployeeId { get; set; }
    public string? AssigneeUserId { get; set; }
    public string? AssigneeName { get; set; }

    /// <summary>Each "changes requested" is one more round.</summary>
    public int ReworkRounds { get; set; }

    /// <summary>The supervisor's note when returning it for a better brief, or the last review's note when changes were asked.</summary>
    public string? LastNote { get; set; }

    public int? CooperationScore { get; set; }
    public string? CooperationComment { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime StateChangedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }

    /// <summary>The company-local day it was delivered: what on-time completion compares with <see cref="DueDate"/>.</summary>
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliveredByName { get; set; }
    public long Version { get; set; }

    public string Number => DesignRules.NumberOf(Id);
}

/// <summary>One submitted version of a request's work: its files, who submitted it, and the supervisor's review when given.</summary>
public sealed class DesignVersion : IAudited
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public int Number { get; set; }
    public string? Note { get; set; }
    public string? SubmittedByUserId { get; set; }
    public required string SubmittedByName { get; set; }
    public int? SubmittedByEmployeeId { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
}

/// <summary>A file of a request: a reference the requester attached (no version) or part of a submitted version.</summary>
public sealed class DesignFile
{
    public int Id { get; set; }
    public int RequestId { get; set; }

    /// <summary>Null for a reference file from the requester.</summary>
    public int? VersionId { get; set; }
    public int Position { get; set; }
    public required string BlobHash { get; set; }
    public required string FileName { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>The supervisor's review of one version on the rulebook's three quality criteria, and the verdict.</summary>
public sealed class DesignReview : IAudited
{
    public const int MaxCommentLength = 1000;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public int VersionId { get; set; }
    public int BrandFit { get; set; }
    public int VisualEffect { get; set; }
    public int Creativity { get; set; }
    public string? Comment { get; set; }
    public bool Approved { get; set; }
    public string? ReviewerUserId { get; set; }
    public required string ReviewerName { get; set; }

    /// <summary>Whose work was reviewed: the version's designer, credited with the scores.</summary>
    public int? DesignerEmployeeId { get; set; }
    public DateTime ReviewedAtUtc { get; set; }

    public double Average => (BrandFit + VisualEffect + Creativity) / 3.0;
}

/// <summary>
/// A platform's specification for one kind of design (e.g. Tmall main images: 800×800 px square). Seeded with the
/// platforms' published defaults (<see cref="DesignSpecDefaults"/>) and edited by the design supervisor; a new request
/// starts from its channel's specification.
/// </summary>
public sealed class DesignSpec : IVersioned, IAudited
{
    public const int MaxTextLength = DesignRequest.MaxSpecificationsLength;

    public SalesPlatform Platform { get; set; }
    public DesignKind Kind { get; set; }
    public required string Text { get; set; }
    public long Version { get; set; }
}

internal sealed class DesignRequestConfiguration : IEntityTypeConfiguration<DesignRequest>
{
    public void Configure(EntityTypeBuilder<DesignRequest> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.StoreElement).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Title).HasMaxLength(DesignRequest.MaxTitleLength);
        b.Property(r => r.Brief).HasMaxLength(DesignRequest.MaxBriefLength);
        b.Property(r => r.Specifications).HasMaxLength(DesignRequest.MaxSpecificationsLength);
        b.Property(r => r.Campaign).HasMaxLength(DesignRequest.MaxCampaignLength);
        b.HasIndex(r => r.CampaignId);
        b.Property(r => r.LastNote).HasMaxLength(DesignRequest.MaxNoteLength);
        b.Property(r => r.CooperationComment).HasMaxLength(DesignRequest.MaxNoteLength);
        b.Property(r => r.RequesterUserId).HasMaxLength(450);
        b.Property(r => r.RequesterName).HasMaxLength(256);
        b.Property(r => r.AssigneeUserId).HasMaxLength(450);
        b.Property(r => r.AssigneeName).HasMaxLength(256);
        b.Property(r => r.DeliveredByName).HasMaxLength(256);
        b.Ignore(r => r.Number);
        b.HasOne<Listing>().WithMany().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SalesChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.RequesterEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(r => r.AssigneeEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.State, r.DueDate });
        b.HasIndex(r => new { r.AssigneeEmployeeId, r.State });
        b.HasIndex(r => new { r.ListingId, r.State });
        b.HasIndex(r => r.DeliveredAtUtc);
        b.ToTable(t => t.HasCheckConstraint("CK_DesignRequests_Cooperation", "\"CooperationScore\" IS NULL OR \"CooperationScore\" BETWEEN 1 AND 5"));
    }
}

internal sealed class DesignVersionConfiguration : IEntityTypeConfiguration<DesignVersion>
{
    public void Configure(EntityTypeBuilder<DesignVersion> b)
    {
        b.Property(v => v.Note).HasMaxLength(DesignVersion.MaxNoteLength);
        b.Property(v => v.SubmittedByUserId).HasMaxLength(450);
        b.Property(v => v.SubmittedByName).HasMaxLength(256);
        b.HasOne<DesignRequest>().WithMany().HasForeignKey(v => v.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.RequestId, v.Number }).IsUnique();
    }
}

internal sealed class DesignFileConfiguration : IEntityTypeConfiguration<DesignFile>
{
    public void Configure(EntityTypeBuilder<DesignFile> b)
    {
        b.Property(f => f.BlobHash).HasMaxLength(64);
        b.Property(f => f.FileName).HasMaxLength(ProductImage.MaxFileNameLength);
        b.HasOne<DesignRequest>().WithMany().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DesignVersion>().WithMany().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ImageBlob>().WithMany().HasForeignKey(f => f.BlobHash).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.RequestId, f.VersionId, f.Position });
        b.HasIndex(f => f.BlobHash);
    }
}

internal sealed class DesignReviewConfiguration : IEntityTypeConfiguration<DesignReview>
{
    public void Configure(EntityTypeBuilder<DesignReview> b)
    {
        b.Property(r => r.Comment).HasMaxLength(DesignReview.MaxCommentLength);
        b.Property(r => r.ReviewerUserId).HasMaxLength(450);
        b.Property(r => r.ReviewerName).HasMaxLength(256);
        b.Ignore(r => r.Average);
        b.HasOne<DesignRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DesignVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ReviewedAtUtc);
        b.HasIndex(r => r.VersionId).IsUnique();
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_DesignReviews_BrandFit", "\"BrandFit\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_DesignReviews_VisualEffect", "\"VisualEffect\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_DesignReviews_Creativity", "\"Creativity\" BETWEEN 1 AND 5");
        });
    }
}

internal sealed class DesignSpecConfiguration : IEntityTypeConfiguration<DesignSpec>
{
    public void Configure(EntityTypeBuilder<DesignSpec> b)
    {
        b.HasKey(s => new { s.Platform, s.Kind });
        b.Property(s => s.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(DesignSpec.MaxTextLength);
    }
}
