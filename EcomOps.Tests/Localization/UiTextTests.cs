using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcomOps.Domain.Org;

namespace EcomOps.Tests.Localization;

public sealed partial class UiTextTests
{
    private static readonly string Root = FindRoot();

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Root, "EcomOps.Console", "Resources", file)).Root!
            .Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void English_and_chinese_have_the_same_keys_and_no_empty_text()
    {
        var english = Load("UiText.resx");
        var chinese = Load("UiText.zh-Hans.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.DoesNotContain(english, e => string.IsNullOrWhiteSpace(e.Value));
        Assert.DoesNotContain(chinese, e => string.IsNullOrWhiteSpace(e.Value));
    }

    [Fact]
    public void Every_key_the_screens_use_exists()
    {
        var english = Load("UiText.resx");
        var used = Directory.EnumerateFiles(Path.Combine(Root, "EcomOps.Console"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !english.ContainsKey(k));
    }

    [Fact]
    public void Every_role_team_and_validation_code_has_words_in_both_languages()
    {
        var chinese = Load("UiText.zh-Hans.resx");
        var codes = new[] { "Required", "EmployeeNumberFormat", "TooLong", "EmailFormat", "UnknownRole", "HireDateTooLate", "PasswordWeak", "EmployeeNumberTaken", "SignInTaken", "ManagerUnknown", "ManagerCycle" };

        Assert.All(Roles.All, r => Assert.Contains($"Role.{r}", chinese.Keys));
        Assert.All(Roles.All, r => Assert.Contains($"Home.Focus.{r}", chinese.Keys));
        Assert.All(Enum.GetNames<Team>(), t => Assert.Contains($"Team.{t}", chinese.Keys));
        Assert.All(codes, c => Assert.Contains($"Error.{c}", chinese.Keys));
    }

    [Fact]
    public void Every_error_and_validation_code_the_domain_can_produce_has_words_in_both_languages()
    {
        var english = Load("UiText.resx");
        var chinese = Load("UiText.zh-Hans.resx");
        var codes = DomainCodes();

        // Guards against the scan going blind: the Domain had 136 codes when this test was written.
        Assert.True(codes.Count >= 130, $"only {codes.Count} codes found");
        Assert.Empty(codes.Where(c => !english.ContainsKey($"Error.{c.Key}")).Select(c => $"{c.Key} ({c.Value})"));
        Assert.Empty(codes.Where(c => !chinese.ContainsKey($"Error.{c.Key}")).Select(c => $"{c.Key} ({c.Value})"));
    }

    /// <summary>
    /// Every code the Domain can hand to a screen (shown as <c>Error.{Code}</c>), with the file it comes from. A code is a
    /// PascalCase string, or a string constant, in one of the places codes are made: a <c>FieldError</c> (also written
    /// <c>new(field, code)</c>) after its field, an <c>ImportProblem</c>, the helpers <c>Errors</c>, <c>Refused</c>,
    /// <c>Fail</c> and <c>Invalid</c>, an assignment to a <c>code</c>/<c>problem</c>/<c>error</c>/<c>reason</c>
    /// variable, a list of reasons or problems, and the guards that answer a code or <c>null</c>. Demo data makes none.
    /// </summary>
    private static Dictionary<string, string> DomainCodes()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "EcomOps.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.EndsWith("DemoData.cs", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText);
        var constants = sources.Values.SelectMany(s => StringConstant().Matches(s))
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.First().Groups[2].Value);
        var codes = new Dictionary<string, string>();
        foreach (var (file, text) in sources)
        {
            var places = CodeRegion().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(CodeStatement().Matches(text).Select(m => m.Groups["text"].Value));
            foreach (var place in places.Select(p => FieldArgument().Replace(p, "")))
            {
                foreach (var code in PascalLiteral().Matches(place).Select(m => m.Groups[1].Value)
                    .Concat(ConstantName().Matches(place).Select(m => m.Groups[1].Value).Where(constants.ContainsKey).Select(n => constants[n])))
                {
                    codes.TryAdd(code, file);
                }
            }
        }
        return codes;
    }
    [Fact]
    public void Chinese_text_uses_chinese_characters()
    {
        var chinese = Load("UiText.zh-Hans.resx");

        Assert.True(chinese.Values.Count(v => v.Any(ch => ch >= '\u4e00' && ch <= '\u9fff')) >= chinese.Count * 9 / 10);
        Assert.Equal("zh-Hans", new CultureInfo("zh-Hans").Name);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcomOps.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("EcomOps.sln not found above the test output.");
    }

    [GeneratedRegex("""L\["([A-Za-z][A-Za-z0-9.]+)"[\],]""")]
    private static partial Regex LiteralKey();

    private const string FieldArg = """(?:"[^"]*"|\$"[^"]*"|nameof\([^)]*\)|[A-Za-z_][\w.]*)""";

    [GeneratedRegex("""((?:new FieldError|\bnew(?=\(""" + FieldArg + """\s*,\s*(?:"[A-Za-z]+"|[A-Z][\w.]*)\))|new ImportProblem|\bErrors|\bRefused|\bFail|\bInvalid)\([^;]*)""")]
    private static partial Regex CodeRegion();

    [GeneratedRegex("""\b\w*(?:[Cc]ode|[Pp]roblem|[Ee]rror|[Rr]efused|[Rr]eason)\s*=(?![>=])(?<text>[^;]*)|\b(?:reasons|problems|errors|codes)\.Add(?<text>\([^;]*)|return \(null, \[(?<text>[^;]*)|(?<text>\? null : "[A-Za-z]+")|(?<text>_ => "[A-Za-z]+"),?\s*$|return (?<text>"[A-Za-z]+");|(?<text>\?\s*"[A-Za-z]+"(?:\s*:\s*"[A-Za-z]+")?)""", RegexOptions.Multiline)]
    private static partial Regex CodeStatement();

    /// <summary>The field a <c>FieldError</c> (or <c>Errors</c> helper) names: not a code.</summary>
    [GeneratedRegex("""(?:new FieldError|\bnew|\bErrors)\(\s*""" + FieldArg + """\s*,""")]
    private static partial Regex FieldArgument();

    [GeneratedRegex("\"([A-Z][A-Za-z]+)\"")]
    private static partial Regex PascalLiteral();

    [GeneratedRegex("""(?<![\w"])(?:[A-Z]\w*\.)?([A-Z]\w*)(?![\w"(])""")]
    private static partial Regex ConstantName();

    [GeneratedRegex("const string (\\w+) = \"([A-Z][A-Za-z]+)\"")]
    private static partial Regex StringConstant();
}
