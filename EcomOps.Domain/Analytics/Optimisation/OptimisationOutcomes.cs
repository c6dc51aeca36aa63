using EcomOps.Domain.Data;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>
/// What the team learned: every closed finding that was acted on with its measured outcome (before, after, the
/// reference's change and the effect), newest first, as a list and as a workbook.
/// </summary>
public sealed class OptimisationOutcomes(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public async Task<IReadOnlyList<OptimisationFinding>> ListAsync(int take = ListWorkbook.MaxRows + 1, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OptimisationFinding>().AsNoTracking()
            .Where(f => f.State == FindingState.Closed && f.Outcome != FindingOutcome.ResolvedByItself && f.Outcome != null)
            .OrderByDescending(f => f.ClosedAtUtc).ThenByDescending(f => f.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>A figure as the rule measures it: a conversion as a percentage, anything else as it is.</summary>
    public static double Shown(OptimisationRule rule, double value) => rule == OptimisationRule.LowConversion ? Math.Round(value * 100, 2) : Math.Round(value, 2);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static readonly IReadOnlyList<ListColumn<OptimisationFinding>> Columns =
    [
        new("Optimise.Col.Number", (f, _) => ListCell.Of(f.Number)),
        new("Optimise.Col.Rule", (f, text) => ListCell.Of(text($"Optimise.Rule.{f.Rule}"))),
        new("Optimise.Col.Subject", (f, _) => ListCell.Of(f.SubjectName)),
        new("Optimise.Col.Work", (f, text) => ListCell.Of(f.Work is { } w ? text($"Optimise.Work.{w}") : "")),
        new("Optimise.Col.FoundOn", (f, _) => ListCell.Of(Day(f.FoundOn))),
        new("Optimise.Col.DoneOn", (f, _) => ListCell.Of(Day(f.WorkDoneOn))),
        new("Optimise.Col.Before", (f, _) => ListCell.Of(Shown(f.Rule, f.Value))),
        new("Optimise.Col.After", (f, _) => ListCell.Of(f.ValueAfter is { } v ? Shown(f.Rule, v) : null)),
        new("Optimise.Col.ReferenceBefore", (f, _) => ListCell.Of(f.Rule == OptimisationRule.LowConversion ? Shown(f.Rule, f.Reference) : null)),
        new("Optimise.Col.ReferenceAfter", (f, _) => ListCell.Of(f.Rule == OptimisationRule.LowConversion && f.ReferenceAfter is { } r ? Shown(f.Rule, r) : null)),
        new("Optimise.Col.Effect", (f, _) => ListCell.Of(f.Effect)),
        new("Optimise.Col.Outcome", (f, text) => ListCell.Of(f.Outcome is { } o ? text($"Optimise.Outcome.{o}") : "")),
        new("Optimise.Col.Owner", (f, _) => ListCell.Of(f.OwnerName)),
    ];

    public async Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct = default) =>
        ListWorkbook.Build(text("Optimise.Outcomes"), Columns, await ListAsync(ct: ct), text, time.Zone);
}
