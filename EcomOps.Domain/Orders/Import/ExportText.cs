using System.Text;

namespace EcomOps.Domain.Orders.Import;

/// <summary>An export file's text and the encoding it was read in.</summary>
public sealed record DecodedExport(string Text, string EncodingName);

/// <summary>
/// Reads an export's bytes the way the platforms write them: UTF-8 (with or without BOM) or GBK. "GBK" is read as
/// GB18030, its superset, so names such as 王喆 or 李堃 (outside GB2312) survive. Decoding is strict: a byte sequence
/// that is not valid in the chosen encoding stops the import instead of turning into replacement characters.
/// </summary>
public static class ExportText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Taken from the code-page provider itself when first needed, so this type works whether or not anyone has
    // registered the provider (the console does at start-up). A static property initialiser next to a static
    // constructor that registers it would run first and throw: C# runs initialisers before the constructor's body.
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
        CodePagesEncodingProvider.Instance.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("The code-page provider has no GB18030."));

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? throw new InvalidOperationException("The code-page provider has no Windows-1252."));

    /// <summary>GB18030 (the superset of GBK) that throws on bytes or characters it cannot map instead of replacing them.</summary>
    public static Encoding Gb18030 => StrictGb18030.Value;

    /// <summary>
    /// The text, or the code of the problem (EmptyFile, WrongEncoding or FileTruncated) and the row, as a spreadsheet
    /// numbers it, where the file stops being readable (1 for an empty file or one that is wrong from its first byte).
    /// </summary>
    public static (DecodedExport? Text, string? Problem, int Row) Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            // UTF-16 ("Unicode text" from Excel) is not what any platform exports.
            return (null, "WrongEncoding", 1);
        }
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var body = hasBom ? bytes.AsSpan(3) : bytes.AsSpan();
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, "EmptyFile", 1);
        }
        if (TryDecode(StrictUtf8, body, out var utf8, out var utf8FailedAt))
        {
            return (new DecodedExport(utf8, hasBom ? "UTF-8 BOM" : "UTF-8"), null, 0);
        }
        if (hasBom)
        {
            return (null, NearEnd(utf8FailedAt, body.Length) ? "FileTruncated" : "WrongEncoding", RowAt(Encoding.UTF8, body, utf8FailedAt));
        }
        if (TryDecode(Gb18030, body, out var gb, out var gbFailedAt))
        {
            return (new DecodedExport(gb, "GB18030"), null, 0);
        }
        var lenientGb = CodePagesEncodingProvider.Instance.GetEncoding("GB18030") ?? Encoding.UTF8;
        return (null, NearEnd(gbFailedAt, body.Length) ? "FileTruncated" : "WrongEncoding", RowAt(lenientGb, body, gbFailedAt));
    }

    /// <summary>The spreadsheet row the byte at <paramref name="failedAt"/> is in, reading what comes before it.</summary>
    private static int RowAt(Encoding lenient, ReadOnlySpan<byte> body, int failedAt) =>
        CsvTable.RowAtEnd(lenient.GetString(body[..Math.Clamp(failedAt, 0, body.Length)]));

    /// <summary>
    /// Text that was already garbled before it reached us: UTF-8 read as GBK (鐜嬪皬鏄), or as Latin-1 / Windows-1252
    /// (çŽ‹å°), or with replacement characters. Such text is never imported.
    /// </summary>
    public static bool LooksLikeMojibake(string value)
    {
        if (value.Contains('\uFFFD'))
        {
            return true;
        }
        if (value.Any(c => c is >= '\u00C0' and <= '\u00FF') && value.All(c => c <= '\u00FF' || Windows1252Extra.Contains(c)))
        {
            var bytes = Windows1252.Value.GetBytes(value);
            return TryDecode(StrictUtf8, bytes, out var again, out _) && again.Any(c => c > '\u00FF');
        }
        if (value.Any(c => c > '\u2E80'))
        {
            try
            {
                var bytes = Gb18030.GetBytes(value);
                // Real Chinese text almost never re-reads as valid UTF-8 this long; garbled UTF-8 always does.
                return bytes.Length >= 6 && bytes.Any(b => b >= 0x80) && TryDecode(StrictUtf8, bytes, out var again, out _) && again.Any(c => c > '\u2E80');
            }
            catch (EncoderFallbackException)
            {
                return true;
            }
        }
        return false;
    }

    private const string Windows1252Extra = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

    private static bool NearEnd(int failedAt, int length) => failedAt >= length - 4;

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text, out int failedAt)
    {
        try
        {
            text = encoding.GetString(bytes);
            failedAt = -1;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = "";
            failedAt = e.Index < 0 ? 0 : e.Index;
            return false;
        }
    }
}
