namespace EcomOps.Domain.Data;

/// <summary>
/// What text a person or a platform may put into the console: every way in (forms, the API, imports) refuses text
/// that carries invisible control or direction characters — a NUL that a workbook later shows as <c>_x0000_</c>, a
/// backspace, or a right-to-left override (U+202E) that makes "gpj.exe" read as "exe.jpg" or reverses a name on screen.
/// Tabs and line breaks are ordinary text.
/// </summary>
public static class TextRules
{
    public const string UnsafeCharacters = "TextUnsafeCharacters";

    public static bool IsSafe(string? value)
    {
        if (value is null)
        {
            return true;
        }
        foreach (var c in value)
        {
            if (IsUnsafe(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Adds the refusal for <paramref name="field"/> when its text is not safe; says whether it was.</summary>
    public static bool Check(List<FieldError> errors, string field, string? value)
    {
        if (IsSafe(value))
        {
            return true;
        }
        errors.Add(new FieldError(field, UnsafeCharacters));
        return false;
    }

    /// <summary>Checks every text property of a form, each under its own name (the name a page shows the error beside).</summary>
    public static void CheckAll(List<FieldError> errors, object form)
    {
        foreach (var property in form.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                Check(errors, property.Name, (string?)property.GetValue(form));
            }
        }
    }

    /// <summary>The text without the characters <see cref="IsSafe"/> refuses (for output of text stored before the rule).</summary>
    public static string Strip(string value) => IsSafe(value) ? value : string.Concat(value.Where(c => !IsUnsafe(c)));

    private static bool IsUnsafe(char c) =>
        c is not ('\t' or '\n' or '\r') && char.IsControl(c)
        // Direction marks, embeddings, overrides and isolates: they reorder what is shown without being seen.
        || c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
