using EcomOps.Domain.Data;

namespace EcomOps.Domain.Service.Answers;

/// <summary>The languages an answer can be written in.</summary>
public static class AnswerLanguages
{
    public const string Chinese = "zh-Hans";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Chinese, English];

    /// <summary>Chinese when the text has any CJK ideograph, English otherwise.</summary>
    public static string Of(string? text) => text is not null && text.Any(AnswerMatcher.IsCjk) ? Chinese : English;
}

/// <summary>What a supervisor enters for an answer, or an agent proposes.</summary>
public sealed record AnswerForm
{
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string Category { get; init; } = TicketCategories.Other;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Language { get; init; } = AnswerLanguages.Chinese;

    /// <summary>The version the editor read; an update from an older version is refused.</summary>
    public long Version { get; init; }
}

/// <summary>Validation of standard answers that needs no database.</summary>
public static class AnswerRules
{
    public const int MaxTitleLength = 120;
    public const int MaxBodyLength = 2000;
    public const int MaxTagLength = 30;
    public const int MaxTags = 10;
    public const int MaxTagsLength = (MaxTagLength + 1) * MaxTags;

    public static List<FieldError> Check(AnswerForm form)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors.Add(new(nameof(form.Title), "Required"));
        }
        else if (form.Title.Trim().Length > MaxTitleLength)
        {
            errors.Add(new(nameof(form.Title), "AnswerTitleTooLong"));
        }
        if (string.IsNullOrWhiteSpace(form.Body))
        {
            errors.Add(new(nameof(form.Body), "Required"));
        }
        else if (form.Body.Trim().Length > MaxBodyLength)
        {
            errors.Add(new(nameof(form.Body), "AnswerBodyTooLong"));
        }
        if (!TicketCategories.All.Contains(form.Category))
        {
            errors.Add(new(nameof(form.Category), "UnknownCategory"));
        }
        if (!AnswerLanguages.All.Contains(form.Language))
        {
            errors.Add(new(nameof(form.Language), "UnknownLanguage"));
        }
        var tags = NormalizeTags(form.Tags);
        if (tags.Count > MaxTags || tags.Any(t => t.Length > MaxTagLength))
        {
            errors.Add(new(nameof(form.Tags), "AnswerTagsTooLong"));
        }
        TextRules.CheckAll(errors, form);
        return errors;
    }

    /// <summary>Trimmed, without empties or repeats (case-insensitive), commas turned into separate tags.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        (tags ?? []).SelectMany(t => t.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static string JoinTags(IEnumerable<string>? tags) => string.Join(",", NormalizeTags(tags));

    public static IReadOnlyList<string> SplitTags(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
