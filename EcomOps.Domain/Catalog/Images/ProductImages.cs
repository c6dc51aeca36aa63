using System.Security.Cryptography;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkiaSharp;

namespace EcomOps.Domain.Catalog.Images;

/// <summary>
/// One main image of a product (主图), in the order the shop shows them: position 0 is the first image a buyer sees.
/// The picture itself is an <see cref="ImageBlob"/>, stored once however many products use it.
/// </summary>
public sealed class ProductImage : IAudited
{
    public const int MaxFileNameLength = 200;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Position { get; set; }
    public required string BlobHash { get; set; }

    /// <summary>The name of the file as it was uploaded (shown to people; never used as a path).</summary>
    public required string FileName { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedByName { get; set; }
}

/// <summary>An uploaded picture and its thumbnail, keyed by the SHA-256 of its bytes (the same file is kept once).</summary>
public sealed class ImageBlob
{
    public required string Hash { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public required byte[] Thumbnail { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}

/// <summary>What an upload turned out to be, read from its bytes (never from its name or the browser's word).</summary>
public sealed record InspectedImage(string ContentType, int Width, int Height);

/// <summary>
/// The rules of main images: which files are pictures the shops take (JPEG, PNG, WebP, read from the bytes), how large
/// a file and a picture may be, how many a product has, and the thumbnail lists and pages show.
/// </summary>
public static class ImageRules
{
    public const string UploadField = "Image";
    public const string NotAnImage = "ImageNotAnImage";
    public const string TooLarge = "ImageTooLarge";
    public const string TooManyPixels = "ImageTooManyPixels";
    public const string TooMany = "ImageTooMany";
    public const string Empty = "ImageEmpty";

    /// <summary>5 MB: more than any platform takes for a main image.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>A side longer than this is refused before its pixels are decoded (a small file can claim a huge picture).</summary>
    public const int MaxSide = 8_000;

    /// <summary>The platforms show five main images.</summary>
    public const int MaxPerProduct = 5;

    /// <summary>Thumbnails fit this square (lists, pickers, the product page).</summary>
    public const int ThumbnailSide = 240;

    private static readonly Dictionary<SKEncodedImageFormat, string> Accepted = new()
    {
        [SKEncodedImageFormat.Jpeg] = "image/jpeg",
        [SKEncodedImageFormat.Png] = "image/png",
        [SKEncodedImageFormat.Webp] = "image/webp",
    };

    /// <summary>Reads the file's format and size from its header; null with the refusal when it is not a main image the console takes.</summary>
    public static (InspectedImage? Image, string? Refusal) Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, Empty);
        }
        if (bytes.Length > MaxBytes)
        {
            return (null, TooLarge);
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Accepted.TryGetValue(codec.EncodedFormat, out var contentType))
        {
            return (null, NotAnImage);
        }
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            return (null, NotAnImage);
        }
        if (info.Width > MaxSide || info.Height > MaxSide)
        {
            return (null, TooManyPixels);
        }
        return (new InspectedImage(contentType, info.Width, info.Height), null);
    }

    /// <summary>A JPEG that fits <see cref="ThumbnailSide"/> (transparent parts on white); null when the pixels cannot be decoded.</summary>
    public static byte[]? Thumbnail(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var source = SKBitmap.Decode(data);
        if (source is null)
        {
            return null;
        }
        var scale = Math.Min(1.0, (double)ThumbnailSide / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A file name fit to show: the last path segment, control characters out, at most <see cref="ProductImage.MaxFileNameLength"/>.</summary>
    public static string CleanFileName(string? name)
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = TextRules.Strip(last).Trim();
        if (clean.Length == 0)
        {
            clean = "image";
        }
        return clean.Length > ProductImage.MaxFileNameLength ? clean[^ProductImage.MaxFileNameLength..] : clean;
    }
}

/// <summary>The pictures kept once however many products and design requests use them.</summary>
public static class ImageStore
{
    /// <summary>Adds the picture unless it is stored already (the same bytes are kept once).</summary>
    public static async Task AddOnceAsync(OpsDb db, string hash, InspectedImage inspected, byte[] bytes, byte[] thumbnail, CancellationToken ct)
    {
        if (!await db.ImageBlobs.AnyAsync(b => b.Hash == hash, ct) && db.ImageBlobs.Local.All(b => b.Hash != hash))
        {
            db.ImageBlobs.Add(new ImageBlob
            {
                Hash = hash, ContentType = inspected.ContentType, Content = bytes, Thumbnail = thumbnail, Width = inspected.Width, Height = inspected.Height,
            });
        }
    }

    /// <summary>Deletes the pictures no product image and no design file shows any more (after their last user went).</summary>
    public static Task DropUnusedAsync(OpsDb db, IReadOnlyCollection<string> hashes, CancellationToken ct) =>
        hashes.Count == 0
            ? Task.CompletedTask
            : db.ImageBlobs.Where(b => hashes.Contains(b.Hash) && !db.ProductImages.Any(i => i.BlobHash == b.Hash) && !db.Set<Design.DesignFile>().Any(f => f.BlobHash == b.Hash))
                .ExecuteDeleteAsync(ct);
}

/// <summary>An image as lists and pages show it.</summary>
public sealed record ProductImageRow(int Id, int Position, string BlobHash, string FileName, int Width, int Height, DateTime UploadedAtUtc, string? UploadedByName);

/// <summary>
/// Adds, orders and removes the main images of a product. Each change recomputes the completeness of the product's
/// listings (a listing needs at least one main image) and is in the audit trail.
/// </summary>
public sealed class ProductImageDesk(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProductImageRow>> ListAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductImages.AsNoTracking().Where(i => i.ProductId == productId).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new ProductImageRow(i.Id, i.Position, i.BlobHash, i.FileName, i.Width, i.Height, i.UploadedAtUtc, i.UploadedByName))
            .ToListAsync(ct);
    }

    /// <summary>The picture (or its thumbnail) with its content type, for the image endpoint; null when unknown.</summary>
    public async Task<(byte[] Content, string ContentType)?> ContentAsync(string hash, bool thumbnail, CancellationToken ct = default)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = thumbnail
            ? await db.ImageBlobs.AsNoTracking().Where(b => b.Hash == hash).Select(b => new { Content = b.Thumbnail, ContentType = "image/jpeg" }).FirstOrDefaultAsync(ct)
            : await db.ImageBlobs.AsNoTracking().Where(b => b.Hash == hash).Select(b => new { b.Content, b.ContentType }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Content, found.ContentType);
    }

    /// <summary>
    /// Adds an uploaded file as the product's last main image. Refused, with nothing saved: a file that is not a JPEG,
    /// PNG or WebP picture (whatever its name says), one over 5 MB or over 8,000 px a side, and a sixth image.
    /// </summary>
    public Task<Outcome<int>> AddAsync(Actor actor, int productId, string? fileName, byte[] bytes, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ManageCatalog))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var (inspected, refusal) = ImageRules.Inspect(bytes);
            var thumbnail = inspected is null ? null : ImageRules.Thumbnail(bytes);
            if (inspected is null || thumbnail is null)
            {
                return Outcome<int>.Invalid([new FieldError(ImageRules.UploadField, refusal ?? ImageRules.NotAnImage)]);
            }
            var hash = ImageRules.HashOf(bytes);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            {
                return Outcome<int>.NotFound();
            }
            var positions = await db.ProductImages.Where(i => i.ProductId == productId).Select(i => i.Position).ToListAsync(ct);
            if (positions.Count >= ImageRules.MaxPerProduct)
            {
                return Outcome<int>.Invalid([new FieldError(ImageRules.UploadField, ImageRules.TooMany)]);
            }
            await ImageStore.AddOnceAsync(db, hash, inspected, bytes, thumbnail, ct);
            var image = new ProductImage
            {
                ProductId = productId, Position = positions.Count == 0 ? 0 : positions.Max() + 1, BlobHash = hash, FileName = ImageRules.CleanFileName(fileName),
                Width = inspected.Width, Height = inspected.Height, UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedByName = actor.Name,
            };
            db.ProductImages.Add(image);
            await db.SaveChangesAsync(ct);
            await ListingFactsReader.RefreshAsync(db, [productId], ct);
            await transaction.CommitAsync(ct);
            return Outcome<int>.Done(image.Id);
        }, ct);

    /// <summary>Makes the image the product's first (main) one, keeping the others in their order.</summary>
    public Task<Outcome<int>> MakeFirstAsync(Actor actor, int imageId, CancellationToken ct = default) =>
        ChangeAsync(actor, imageId, async (db, image) =>
        {
            var images = await db.ProductImages.Where(i => i.ProductId == image.ProductId).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);
            var ordered = images.Where(i => i.Id == imageId).Concat(images.Where(i => i.Id != imageId)).ToList();
            for (var position = 0; position < ordered.Count; position++)
            {
                ordered[position].Position = position;
            }
        }, ct);

    /// <summary>Removes the image; the picture itself goes too when no other product uses it.</summary>
    public Task<Outcome<int>> RemoveAsync(Actor actor, int imageId, CancellationToken ct = default) =>
        ChangeAsync(actor, imageId, async (db, image) =>
        {
            db.ProductImages.Remove(image);
            await db.SaveChangesAsync(ct);
            await ImageStore.DropUnusedAsync(db, [image.BlobHash], ct);
            var rest = await db.ProductImages.Where(i => i.ProductId == image.ProductId && i.Id != image.Id).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);
            for (var position = 0; position < rest.Count; position++)
            {
                rest[position].Position = position;
            }
        }, ct);

    private Task<Outcome<int>> ChangeAsync(Actor actor, int imageId, Func<OpsDb, ProductImage, Task> change, CancellationToken ct) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ManageCatalog))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var image = await db.ProductImages.FirstOrDefaultAsync(i => i.Id == imageId, ct);
            if (image is null)
            {
                // Someone else removed it meanwhile.
                return Outcome<int>.NotFound();
            }
            await change(db, image);
            await db.SaveChangesAsync(ct);
            await ListingFactsReader.RefreshAsync(db, [image.ProductId], ct);
            await transaction.CommitAsync(ct);
            return Outcome<int>.Done(image.ProductId);
        }, ct);
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> b)
    {
        b.Property(i => i.BlobHash).HasMaxLength(64);
        b.Property(i => i.FileName).HasMaxLength(ProductImage.MaxFileNameLength);
        b.Property(i => i.UploadedByName).HasMaxLength(256);
        b.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ImageBlob>().WithMany().HasForeignKey(i => i.BlobHash).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ProductId, i.Position });
        b.HasIndex(i => i.BlobHash);
    }
}

internal sealed class ImageBlobConfiguration : IEntityTypeConfiguration<ImageBlob>
{
    public void Configure(EntityTypeBuilder<ImageBlob> b)
    {
        b.HasKey(i => i.Hash);
        b.Property(i => i.Hash).HasMaxLength(64);
        b.Property(i => i.ContentType).HasMaxLength(20);
    }
}
