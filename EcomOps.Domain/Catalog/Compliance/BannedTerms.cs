namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>Why a term is banned: the groups of the platforms' 极限词 lists (PRC Advertising Law art. 9 item 3).</summary>
public enum BannedTermCategory
{
    /// <summary>最-words: 最, 最佳, 最便宜, best.</summary>
    Superlative,

    /// <summary>Rank or uniqueness: 第一, 唯一, 独家, No. 1, Top 1.</summary>
    RankOrUniqueness,

    /// <summary>Level: 国家级, 顶级, 至尊.</summary>
    Level,

    /// <summary>Absolutes: 绝对, 100%, 零风险, guaranteed.</summary>
    Absolute,

    /// <summary>False authority: 特供, 国家免检.</summary>
    FalseAuthority,

    /// <summary>Medical or health claims (治疗, 防癌, cure): banned only outside health categories (see <see cref="HealthClaimsRule"/>).</summary>
    HealthClaim,
}

/// <summary>One configured term of the banned list.</summary>
/// <param name="Text">The term as <see cref="BannedTerms"/> matches it (see there for spaces, <c>{n}</c> and case).</param>
public sealed record BannedTerm(string Text, BannedTermCategory Category);

/// <summary>
/// One place where a banned term stands in a text: <c>text.Substring(Start, Length)</c> is the offending text a
/// screen highlights. <see cref="Term"/> is the configured term; the span can differ from it in case, width
/// (full-width Ｎｏ．１) and whitespace.
/// </summary>
public readonly record struct BannedTermHit(string Term, BannedTermCategory Category, int Start, int Length);

/// <summary>
/// The banned-term list with its allow-list of innocent words, matched by whole term, never by character.
/// <para>How a text is matched:</para>
/// <list type="bullet">
/// <item>The text is scanned left to right. At each position the <b>longest</b> term that matches there wins
/// (全网最低价 over 最低 over 最; 最便宜 over 最), and the scan continues after it, so hits never overlap.</item>
/// <item>A hit that lies <b>entirely inside</b> an occurrence of an allow-listed word is not reported, and the scan
/// moves on by one character. This is what "whole term" means in Chinese, which has no spaces: 最 is banned, but
/// 最近 / 最后 / 最初 / 最终 are allow-listed, so 最近发货 and 最后发货时间 pass while 最好的茶 and 最美 are
/// flagged. Only a hit inside the allowed word is dropped: in 最终极品, 最 is inside 最终 (dropped) but 终极
/// reaches past it and is flagged (the highlight then shows 终极 where a reader sees 极品: the listing is flagged
/// either way).</item>
/// <item>Latin letters and digits match as <b>whole words</b>, case-insensitively: a term that begins (ends) with a
/// letter or digit matches only where the text has no letter or digit just before (after) it. "best" flags "the
/// best tea" but not "bestseller"; "Top 1" does not flag "Top 10"; "100 %" does not flag "1100%". Chinese
/// characters are never word boundaries' concern: 最好 matches inside 最好的.</item>
/// <item>A space in a term or allowed word matches any run of whitespace, including none: "No. 1" matches
/// "NO.1" and "no. 1"; "100 % 纯棉" matches "100%纯棉" and "100% 纯棉".</item>
/// <item><c>{n}</c> matches a number (digits, or Chinese numerals such as 两 or 十), so the allowed word
/// 最多{n} lets the purchase limit 每单最多2件 pass while 最多人选择 is still flagged. A term cannot begin with
/// <c>{n}</c>.</item>
/// <item>Full-width forms are read as their ASCII twins (１００％ is 100%), so highlighting positions stay those of
/// the original text.</item>
/// </list>
/// </summary>
public sealed partial class BannedTerms
{
    private readonly Dictionary<char, TermPattern[]> _terms;
    private readonly Dictionary<char, TermPattern[]> _allowed;

    public BannedTerms(IEnumerable<BannedTerm> terms, IEnumerable<string> allowed)
    {
        Terms = [.. terms];
        Allowed = [.. allowed];
        _terms = Index(Terms.Select(t => TermPattern.Parse(t.Text, t)));
        _allowed = Index(Allowed.Select(a => TermPattern.Parse(a, null)));
    }

    public IReadOnlyList<BannedTerm> Terms { get; }

    public IReadOnlyList<string> Allowed { get; }

    /// <summary>Every banned term in <paramref name="text"/>, in order of position (see the class for the semantics).</summary>
    public IReadOnlyList<BannedTermHit> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        List<BannedTermHit>? hits = null;
        int[]? coveredUntil = null;
        var i = 0;
        while (i < text.Length)
        {
            if (Longest(_terms, text, i) is not ({ } term, var end))
            {
                i++;
                continue;
            }

            coveredUntil ??= AllowedCoverage(text);
            if (coveredUntil[i] >= end)
            {
                i++;
                continue;
            }

            hits ??= [];
            hits.Add(new BannedTermHit(term.Source!.Text, term.Source.Category, i, end - i));
            i = end;
        }

        return hits ?? (IReadOnlyList<BannedTermHit>)[];
    }

    /// <summary>
    /// For each position, the furthest end of an allowed word that starts at or before it: a hit [s, e) is inside an
    /// allowed word exactly when the value at s reaches e.
    /// </summary>
    private int[] AllowedCoverage(string text)
    {
        var covered = new int[text.Length];
        var reach = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (Longest(_allowed, text, i) is (_, var end) && end > reach)
            {
                reach = end;
            }

            covered[i] = reach;
        }

        return covered;
    }

    private static (TermPattern Pattern, int End)? Longest(Dictionary<char, TermPattern[]> index, string text, int start)
    {
        if (!index.TryGetValue(Fold(text[start]), out var candidates))
        {
            return null;
        }

        (TermPattern, int)? best = null;
        foreach (var candidate in candidates)
        {
            var end = candidate.MatchAt(text, start);
            if (end > 0 && (best is null || end > best.Value.Item2))
            {
                best = (candidate, end);
            }
        }

        return best;
    }

    private static Dictionary<char, TermPattern[]> Index(IEnumerable<TermPattern> patterns)
    {
        var list = patterns.ToList();
        var duplicate = list.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The term '{duplicate.Key}' is listed twice.");
        }

        return list.GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Full-width ASCII as ASCII, the ideographic space as a space, then upper case.</summary>
    internal static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            c = ' ';
        }

        return char.ToUpperInvariant(c);
    }

    /// <summary>A letter or digit of an alphabetic script; CJK characters (from U+2E80 on) are not word characters.</summary>
    internal static bool IsWordChar(char c) => c < '\u2E80' && char.IsLetterOrDigit(c);

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || "〇零一二两三四五六七八九十百千万".Contains(c);

    private sealed class TermPattern
    {
        private const char Space = ' ';
        private const char Number = '\0';

        private readonly char[] _tokens;
        private readonly bool _wordStart;
        private readonly bool _wordEnd;

        private TermPattern(char[] tokens, BannedTerm? source)
        {
            _tokens = tokens;
            Source = source;
            _wordStart = IsWordChar(tokens[0]);
            _wordEnd = IsWordChar(tokens[^1]);
        }

        public BannedTerm? Source { get; }

        public char First => _tokens[0];

        public string Key => new(_tokens);

        public static TermPattern Parse(string text, BannedTerm? source)
        {
            var tokens = new List<char>();
            var trimmed = text.Trim();
            for (var i = 0; i < trimmed.Length; i++)
            {
                if (trimmed.AsSpan(i).StartsWith("{n}", StringComparison.Ordinal))
                {
                    tokens.Add(Number);
                    i += 2;
                    continue;
                }

                var c = Fold(trimmed[i]);
                if (char.IsWhiteSpace(c))
                {
                    if (tokens[^1] != Space)
                    {
                        tokens.Add(Space);
                    }

                    continue;
                }

                tokens.Add(c);
            }

            if (tokens.Count == 0 || tokens[0] == Number)
            {
                throw new ArgumentException($"The term '{text}' is empty or begins with {{n}}.");
            }

            return new TermPattern([.. tokens], source);
        }

        /// <summary>The end of the match starting at <paramref name="start"/>, or -1.</summary>
        public int MatchAt(string text, int start)
        {
            if (_wordStart && start > 0 && IsWordChar(Fold(text[start - 1])))
            {
                return -1;
            }

            var j = start;
            foreach (var token in _tokens)
            {
                switch (token)
                {
                    case Space:
                        while (j < text.Length && char.IsWhiteSpace(text[j]))
                        {
                            j++;
                        }

                        break;
                    case Number:
                        var digits = j;
                        while (j < text.Length && IsNumeral(Fold(text[j])))
                        {
                            j++;
                        }

                        if (j == digits)
                        {
                            return -1;
                        }

                        break;
                    default:
                        if (j >= text.Length || Fold(text[j]) != token)
                        {
                            return -1;
                        }

                        j++;
                        break;
                }
            }

            return _wordEnd && j < text.Length && IsWordChar(Fold(text[j])) ? -1 : j;
        }
    }
}
