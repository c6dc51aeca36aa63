using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Service.Complaints;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Analytics;

/// <summary>
/// The optimisation board: the findings every viewer shares (computed once per change for all), a column per state,
/// each card with its evidence, chart, formula in words and suggested action; a manager turns a new card into work in one
/// click and marks a card's task done; below, the measured outcomes and their export.
/// </summary>
public sealed partial class OptimisationPage
{
    /// <summary>The cards a column shows; a longer column says how many it holds.</summary>
    private const int PerColumn = 12;

    private OptimisationBoard? _board;
    private IReadOnlyList<OptimisationFinding>? _outcomes;
    private Actor _actor = new(null, "anonymous", []);
    private bool _canAct;
    private bool _busy;
    private bool _showThresholds;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private OptimisationDesk Desk { get; set; } = default!;
    [Inject] private OptimisationOutcomes Outcomes { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthState).User);
        _canAct = _actor.May(Domain.Org.Permissions.ActOnFindings);
        await WatchAsync(Board, snapshot =>
        {
            var closedBefore = _board?.Cards.Count(c => c.Finding.State == FindingState.Closed);
            _board = snapshot.Value;
            if (_board.Cards.Count(c => c.Finding.State == FindingState.Closed) != closedBefore)
            {
                _ = ReloadOutcomesAsync();
            }
        });
    }

    private async Task ReloadOutcomesAsync()
    {
        var outcomes = await Outcomes.ListAsync(200);
        await InvokeAsync(() =>
        {
            _outcomes = outcomes;
            StateHasChanged();
        });
    }

    private Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) => Outcomes.ExportAsync(text, ct);

    private async Task ActAsync(OptimisationFinding f)
    {
        _busy = true;
        try
        {
            var outcome = await Desk.ActAsync(_actor, f.Id, f.Version);
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[$"Optimise.Acted.{f.Rule}", f.Number], Severity.Success);
            }
            else
            {
                Snackbar.Add(Refusal(outcome), Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DoneAsync(OptimisationFinding f)
    {
        _busy = true;
        try
        {
            var outcome = await Desk.MarkTaskDoneAsync(_actor, f.Id, f.Version);
            Snackbar.Add(outcome.Succeeded ? L["Optimise.TaskMarkedDone", f.Number] : Refusal(outcome), outcome.Succeeded ? Severity.Success : Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private string Refusal(Outcome<int> outcome) => outcome.Kind switch
    {
        OutcomeKind.Conflict => L["Optimise.Stale"],
        OutcomeKind.NotFound => L["Optimise.Gone"],
        _ => outcome.Errors.Count > 0 ? L[$"Error.{outcome.Errors[0].Code}"] : L["Optimise.Stale"],
    };

    private CultureInfo Culture => Format.Culture;

    private string Percent(double value) => value.ToString("0.00%", Culture);

    private string Count(double value) => value.ToString("#,##0", Culture);

    private string Yuan(double value) => "¥" + value.ToString("#,##0", Culture);

    /// <summary>A rule's figure in its unit: a conversion in percent, revenue in yuan, anything else a count.</summary>
    private string Figure(OptimisationRule rule, double value) => rule switch
    {
        OptimisationRule.LowConversion => Percent(value),
        OptimisationRule.ForecastShortfall => Yuan(value),
        OptimisationRule.PaidTrafficLoss => Times(value),
        _ => Count(value),
    };

    private string Times(double value) => value.ToString("0.00", Culture) + "×";

    private string SubjectText(OptimisationFinding f) => f.Rule switch
    {
        OptimisationRule.UncoveredSegment when Enum.TryParse<CustomerSegment>(f.SubjectName, out var s) => L[$"Customers.Segment.{s}"],
        OptimisationRule.ComplaintRise when f.SubjectName.LastIndexOf(" · ", StringComparison.Ordinal) is var i and > 0
            && Enum.TryParse<ComplaintRootCause>(f.SubjectName[(i + 3)..], out var cause) => $"{f.SubjectName[..i]} · {L[$"RootCause.{cause}"]}",
        OptimisationRule.ForecastShortfall => L["Optimise.Month", f.SubjectName],
        OptimisationRule.PaidTrafficLoss => L["Optimise.PaidChannel", L[$"Traffic.Channel.{f.SubjectName}"]],
        _ => f.SubjectName,
    };

    /// <summary>The evidence in labelled figures with their units.</summary>
    private IEnumerable<(string Label, string Value)> Evidence(OptimisationFinding f)
    {
        switch (f.Rule)
        {
            case OptimisationRule.LowConversion:
                yield return (L["Optimise.Ev.Conversion"], Percent(f.Value));
                yield return (L["Optimise.Ev.CategoryConversion"], Percent(f.Reference));
                yield return (L["Optimise.Ev.Visitors"], Count(f.Volume));
                break;
            case OptimisationRule.NoStock:
                yield return (L["Optimise.Ev.VisitorsWeek"], Count(f.Value));
                yield return (L["Optimise.Ev.Available"], Count(f.Reference));
                break;
            case OptimisationRule.ComplaintRise:
                yield return (L["Optimise.Ev.CasesNow"], Count(f.Value));
                yield return (L["Optimise.Ev.CasesBefore"], Count(f.Reference));
                yield return (L["Optimise.Ev.Since"], Format.Date(f.WindowFrom));
                break;
            case OptimisationRule.UncoveredSegment:
                yield return (L["Optimise.Ev.Customers"], Count(f.Value));
                yield return (L["Optimise.Ev.Campaigns"], Count(0));
                break;
            case OptimisationRule.PaidTrafficLoss:
                // Volume is the spend in yuan; what the paid buyers brought is the return times the spend.
                yield return (L["Optimise.Ev.ReturnOnSpend"], Times(f.Value));
                yield return (L["Optimise.Ev.BreakEven"], Times(f.Reference));
                yield return (L["Optimise.Ev.Spend"], Yuan(f.Volume));
                yield return (L["Optimise.Ev.PaidRevenue"], Yuan(f.Value * f.Volume));
                break;
            default:
                yield return (L["Optimise.Ev.Projected"], Yuan(f.Value));
                yield return (L["Optimise.Ev.Target"], Yuan(f.Reference));
                yield return (L["Optimise.Ev.SoFar"], Yuan(f.Volume));
                yield return (L["Optimise.Ev.Gap"], (f.Value / f.Reference - 1).ToString("0.0%", Culture));
                break;
        }
    }

    private string Formula(OptimisationFinding f)
    {
        var t = _board!.Thresholds;
        return f.Rule switch
        {
            OptimisationRule.LowConversion => L["Optimise.Formula.LowConversion", t.ConversionRatioPercent.ToString("0.#", Culture), t.ConversionWindowDays, t.ConversionMinVisitors],
            OptimisationRule.NoStock => L["Optimise.Formula.NoStock", t.NoStockMinVisitors],
            OptimisationRule.ComplaintRise => L["Optimise.Formula.ComplaintRise", t.ComplaintPeriodDays, t.ComplaintMinCases, t.ComplaintRisePercent.ToString("0.#", Culture)],
            OptimisationRule.UncoveredSegment => L["Optimise.Formula.UncoveredSegment", t.SegmentMinCustomers],
            OptimisationRule.PaidTrafficLoss => L["Optimise.Formula.PaidTrafficLoss", t.PaidMarginPercent.ToString("0.#", Culture), t.PaidMinSpend.ToString("#,##0", Culture), t.PaidWindowDays],
            _ => L["Optimise.Formula.ForecastShortfall", t.ShortfallPercent.ToString("0.#", Culture)],
        };
    }

    private string? ReferenceLabel(OptimisationRule rule) => rule switch
    {
        OptimisationRule.LowConversion => L["Optimise.Chart.Category"].Value,
        OptimisationRule.ForecastShortfall => L["Optimise.Chart.TargetPace"].Value,
        OptimisationRule.PaidTrafficLoss => L["Optimise.Chart.BreakEven"].Value,
        _ => null,
    };

    private static string? WorkHref(OptimisationFinding f) => f.Work switch
    {
        FindingWork.DesignRequest => $"/design/requests/{f.WorkId}",
        FindingWork.CampaignDraft => $"/campaigns/{f.WorkId}",
        _ => null,
    };

    private static Severity OutcomeSeverity(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Improved => Severity.Success,
        FindingOutcome.Worse => Severity.Error,
        FindingOutcome.ResolvedByItself => Severity.Info,
        _ => Severity.Normal,
    };

    private string EffectFigure(OptimisationFinding f) => f.Effect is not { } e ? "—"
        : f.Rule == OptimisationRule.LowConversion ? L["Optimise.Points", e.ToString("+0.00;-0.00;0", Culture)].Value
        : (e / 100).ToString("+0.0%;-0.0%;0%", Culture);

    /// <summary>The measured effect in words: before, after, the reference's change, the effect.</summary>
    private string EffectText(OptimisationFinding f) => f.Rule == OptimisationRule.LowConversion
        ? L["Optimise.EffectConversion", Percent(f.Value), Percent(f.ValueAfter ?? 0), Percent(f.Reference), Percent(f.ReferenceAfter ?? 0), EffectFigure(f)]
        : L["Optimise.EffectFigure", Figure(f.Rule, f.Value), Figure(f.Rule, f.ValueAfter ?? 0), EffectFigure(f)];
}
