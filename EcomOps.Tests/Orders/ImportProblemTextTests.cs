using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcomOps.Tests.Orders;

/// <summary>Every reason the order import (and the money rule it uses) can give has words in English and Chinese.</summary>
public sealed partial class ImportProblemTextTests
{
    [Fact]
    public void Every_import_problem_code_has_words_in_english_and_chinese()
    {
        var root = FindRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "EcomOps.Domain", "Orders", "Import"), "*.cs")
            .Append(Path.Combine(root, "EcomOps.Domain", "Orders", "Money.cs"));
        var codes = sources
            .SelectMany(File.ReadLines)
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .SelectMany(line => Code().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.Contains("TotalMismatch", codes);
        Assert.Contains("ItemCountMismatch", codes);
        foreach (var file in new[] { "UiText.resx", "UiText.zh-Hans.resx" })
        {
            var keys = XDocument.Load(Path.Combine(root, "EcomOps.Console", "Resources", file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
            Assert.Empty(codes.Where(c => !keys.Contains($"Error.{c}")).Select(c => $"{file}: Error.{c}"));
        }
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

    // A PascalCase word in quotes, as the problem codes are written ("FileTruncated", "AmountFormat").
    [GeneratedRegex("\"([A-Z][a-z]+(?:[A-Z][a-z]*)*)\"")]
    private static partial Regex Code();
}
