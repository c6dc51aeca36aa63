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
    public void Validation_codes_in_the_domain_are_all_translated()
    {
        var english = Load("UiText.resx");
        var domainCodes = Directory.EnumerateFiles(Path.Combine(Root, "EcomOps.Domain"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(c => c != "FirstAdminMissing")
            .ToHashSet();

        Assert.NotEmpty(domainCodes);
        Assert.DoesNotContain(domainCodes, c => !english.ContainsKey($"Error.{c}"));
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

    [GeneratedRegex("""new\((?:nameof\([^)]*\)|"[A-Za-z]+"), "([A-Za-z]+)"\)""")]
    private static partial Regex ErrorCode();
}
