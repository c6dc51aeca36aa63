using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;

namespace EcomOps.Domain.Design;

/// <summary>
/// A file someone uploads, as the boundary received it: its name, the length the client declared (or the stream knows),
/// and the stream to read it from. Nothing is read before the length is checked.
/// </summary>
public sealed record DesignUpload(string? FileName, long Length, Stream Content);

/// <summary>A picture checked and ready to store: bytes, what they are, and the thumbnail.</summary>
public sealed record PreparedImage(string FileName, string Hash, InspectedImage Image, byte[] Bytes, byte[] Thumbnail);

/// <summary>
/// Reads and checks uploaded files with the catalogue's image rules (<see cref="ImageRules"/>): a file over the size limit
/// is refused from its length before a byte is read, and reading stops one byte past the limit, so a 200 MB upload (or
/// one that lies about its length) never sits in memory. What is not a JPEG, PNG or WebP picture by its bytes is refused
/// whatever its name says.
/// </summary>
public static class DesignUploads
{
    public static async Task<(IReadOnlyList<PreparedImage> Files, FieldError? Refusal)> PrepareAsync(IReadOnlyList<DesignUpload> uploads, CancellationToken ct)
    {
        var prepared = new List<PreparedImage>(uploads.Count);
        foreach (var upload in uploads)
        {
            if (upload.Length > ImageRules.MaxBytes)
            {
                return ([], new FieldError(ImageRules.UploadField, ImageRules.TooLarge));
            }
            var bytes = await ReadCappedAsync(upload.Content, ct);
            if (bytes is null)
            {
                return ([], new FieldError(ImageRules.UploadField, ImageRules.TooLarge));
            }
            var (inspected, refusal) = ImageRules.Inspect(bytes);
            var thumbnail = inspected is null ? null : ImageRules.Thumbnail(bytes);
            if (inspected is null || thumbnail is null)
            {
                return ([], new FieldError(ImageRules.UploadField, refusal ?? ImageRules.NotAnImage));
            }
            prepared.Add(new PreparedImage(ImageRules.CleanFileName(upload.FileName), ImageRules.HashOf(bytes), inspected, bytes, thumbnail));
        }
        return (prepared, null);
    }

    /// <summary>The stream's bytes, or null as soon as it goes past the limit.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImageRules.MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
