namespace EcomOps.Domain.Service.Answers;

/// <summary>What the matcher needs of an answer.</summary>
public sealed record AnswerCandidate(
    int Id, string Title, string Body, string Category, IReadOnlyList<string> Tags, string Language, AnswerStatus Status, int UsageCount = 0);

/// <summary>An answer and how well it fits the message: higher is better; only comparable within one ranking.</summary>
public sealed record AnswerMatch(AnswerCandidate Answer, double Score);

/// <summary>
/// Ranks approved answers against a customer's message. Chinese is tokenized into characters and bigrams (there are
/// no spaces to split on, and a bigram such as 快递 carries most of the meaning), Latin text into lower-case words.
/// Each shared token counts by its rarity among the answers, more in the title and tags than in the body; an answer
/// in the ticket's category and in the customer's language is preferred. The order is fully deterministic.
/// </summary>
public static class AnswerMatcher
{
    public const double TitleWeight = 3;
    public const double TagWeight = 3;
    public const double BodyWeight = 1;
    public const double CategoryBoost = 1.5;

    /// <summary>What an answer in the ticket's category scores even when it shares no word: it is still a fair suggestion.</summary>
    public const double CategoryFloor = 0.5;

    /// <summary>The share of its score an answer keeps when it is not in the preferred language.</summary>
    public const double OtherLanguageFactor = 0.4;

    private static readonly HashSet<string> StopTokens = new(StringComparer.Ordinal)
    {
        "的", "了", "我", "你", "您", "是", "在", "吗", "呢", "吧", "啊", "和", "也", "都", "就", "还", "有", "这", "那", "个", "一", "不", "们", "么", "什",
        "the", "a", "an", "and", "or", "to", "of", "in", "on", "is", "it", "my", "me", "i", "you", "your", "we", "for", "with", "be", "was", "are", "has",
        "have", "not", "at", "this", "that", "do", "can", "will", "please", "hi", "hello",
    };

    public static IReadOnlyList<AnswerMatch> Rank(string? message, string? category, string? preferredLanguage, IEnumerable<AnswerCandidate> answers, int top = 5)
    {
        var approved = answers.Where(a => a.Status == AnswerStatus.Approved).ToList();
        if (approved.Count == 0 || top <= 0)
        {
            return [];
        }
        var language = preferredLanguage ?? AnswerLanguages.Of(message);
        var query = Tokens(message).ToHashSet(StringComparer.Ordinal);
        var indexed = approved.Select(a => new Indexed(a, Tokens(a.Title).ToHashSet(), Tokens(string.Join(" ", a.Tags)).ToHashSet(), Tokens(StripPlaceholders(a.Body)).ToHashSet())).ToList();

        var rarity = query.ToDictionary(t => t, t =>
        {
            var containing = indexed.Count(i => i.Title.Contains(t) || i.Tags.Contains(t) || i.Body.Contains(t));
            return Math.Log(1 + (double)indexed.Count / (1 + containing));
        });

        var scored = new List<AnswerMatch>();
        foreach (var answer in indexed)
        {
            var text = 0.0;
            foreach (var token in query)
            {
                var fields = (answer.Title.Contains(token) ? TitleWeight : 0) + (answer.Tags.Contains(token) ? TagWeight : 0) + (answer.Body.Contains(token) ? BodyWeight : 0);
                text += fields * TokenWeight(token) * rarity[token];
            }
            var inCategory = category is not null && string.Equals(answer.Answer.Category, category, StringComparison.Ordinal);
            var score = inCategory ? text * CategoryBoost + CategoryFloor : text;
            if (!string.Equals(answer.Answer.Language, language, StringComparison.Ordinal))
            {
                score *= OtherLanguageFactor;
            }
            if (score > 0)
            {
                scored.Add(new AnswerMatch(answer.Answer, Math.Round(score, 6)));
            }
        }
        return scored
            .OrderByDescending(m => m.Score)
            .ThenByDescending(m => m.Answer.UsageCount)
            .ThenBy(m => m.Answer.Id)
            .Take(top)
            .ToList();
    }

    /// <summary>Lower-case words for Latin text and digits; single characters and bigrams for each run of CJK text.</summary>
    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var word = new System.Text.StringBuilder();
        var run = new System.Text.StringBuilder();
        foreach (var ch in text + " ")
        {
            if (IsCjk(ch))
            {
                foreach (var token in FlushWord(word))
                {
                    yield return token;
                }
                run.Append(ch);
            }
            else
            {
                foreach (var token in FlushRun(run))
                {
                    yield return token;
                }
                if (char.IsLetterOrDigit(ch))
                {
                    word.Append(char.ToLowerInvariant(ch));
                }
                else
                {
                    foreach (var token in FlushWord(word))
                    {
                        yield return token;
                    }
                }
            }
        }
    }

    public static bool IsCjk(char ch) => ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    private static IEnumerable<string> FlushWord(System.Text.StringBuilder word)
    {
        if (word.Length == 0)
        {
            yield break;
        }
        var value = word.ToString();
        word.Clear();
        if (value.Length >= 2 && !StopTokens.Contains(value))
        {
            yield return value;
        }
    }

    private static IEnumerable<string> FlushRun(System.Text.StringBuilder run)
    {
        if (run.Length == 0)
        {
            yield break;
        }
        var value = run.ToString();
        run.Clear();
        for (var i = 0; i < value.Length; i++)
        {
            var single = value[i].ToString();
            if (!StopTokens.Contains(single))
            {
                yield return single;
            }
            if (i + 1 < value.Length)
            {
                yield return value.Substring(i, 2);
            }
        }
    }

    /// <summary>A bigram or a word says more than one Chinese character.</summary>
    private static double TokenWeight(string token) => token.Length == 1 ? 0.3 : token.Any(IsCjk) ? 1.0 : 1.2;

    private static string StripPlaceholders(string body)
    {
        var text = body;
        foreach (var placeholder in AnswerTemplate.Known)
        {
            text = text.Replace(placeholder, " ", StringComparison.Ordinal);
        }
        return text;
    }

    private sealed record Indexed(AnswerCandidate Answer, HashSet<string> Title, HashSet<string> Tags, HashSet<string> Body);
}
