using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.People;

/// <summary>The director's settings of appraisal: each team's template (KPIs with weight, floor and target; qualitative criteria) and the grade bands.</summary>
public sealed partial class AppraisalSetupPage
{
    private Dictionary<Team, TemplateDraft>? _templates;
    private List<BandDraft>? _bands;
    private int _maxTopShare;
    private long _bandsVersion;
    private IReadOnlyList<FieldError> _bandErrors = [];
    private bool _busy;
    private Actor _actor = Actor.System;

    [Inject] private AppraisalQueries Queries { get; set; } = default!;
    [Inject] private AppraisalDesk Desk { get; set; } = default!;
    [Inject] private MetricCatalogue Catalogue { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Appraisals];

    // The settings are a form: another person's save does not overwrite what is being typed (a stale save is refused).
    protected override bool RendersOnEveryChange => false;

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthState).User);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _templates = (await Queries.TemplatesAsync()).ToDictionary(t => t.Team, t => new TemplateDraft
        {
            Version = t.Version,
            Quantitative = [.. t.Quantitative.Select(q => new QuantitativeDraft { MetricKey = q.MetricKey, WeightPercent = q.WeightPercent, Floor = q.Floor, Target = q.Target })],
            Qualitative = [.. t.Qualitative.Select(q => new QualitativeDraft { Key = q.Key, NameEn = q.NameEn, NameZh = q.NameZh, WeightPercent = q.WeightPercent })],
        });
        var grading = await Queries.GradingAsync();
        _bands = [.. grading.Bands.Select(b => new BandDraft { Grade = b.Grade, MinScore = b.MinScore, BonusCoefficient = b.BonusCoefficient })];
        _maxTopShare = grading.MaxTopSharePercent;
        _bandsVersion = grading.Version;
    }

    private void AddKpi(TemplateDraft draft, Team team) =>
        draft.Quantitative.Add(new QuantitativeDraft { MetricKey = Catalogue.ForTeam(team).FirstOrDefault(m => draft.Quantitative.All(q => q.MetricKey != m.Key))?.Key ?? "" });

    private string? UnitOf(string key) => Catalogue.Find(key) is { } m ? L[$"Appraisals.Unit.{m.Unit}"].Value : null;

    private string? ErrorOf(TemplateDraft draft, string field) => TrainingText.ErrorOf(draft.Errors, field, L);

    private string? BandError(string field) => TrainingText.ErrorOf(_bandErrors, field, L);

    private async Task SaveTemplateAsync(Team team)
    {
        var draft = _templates![team];
        _busy = true;
        try
        {
            var outcome = await Desk.SaveTemplateAsync(_actor, team, draft.Version,
                [.. draft.Quantitative.Select(q => new QuantitativeCriterion(q.MetricKey, q.WeightPercent, q.Floor, q.Target))],
                [.. draft.Qualitative.Select(q => new QualitativeCriterion(q.Key ?? KeyOf(q.NameEn), q.NameEn ?? "", q.NameZh ?? "", q.WeightPercent))]);
            draft.Errors = outcome.Errors;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L["Appraisals.TemplateSaved"], Severity.Success);
                await LoadAsync();
            }
            else
            {
                Snackbar.Add(TrainingText.Refusal(outcome, L), Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A new criterion's key, from its English name (existing criteria keep theirs, so past appraisals still match).</summary>
    private static string KeyOf(string? name) => string.Concat((name ?? "").ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)) is { Length: > 0 } key ? key : Guid.NewGuid().ToString("N")[..8];

    private async Task SaveBandsAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Desk.SaveGradingAsync(_actor, _bandsVersion,
                [.. _bands!.Select(b => new GradeBand(b.Grade ?? "", b.MinScore, b.BonusCoefficient))], _maxTopShare);
            _bandErrors = outcome.Errors;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L["Appraisals.BandsSaved"], Severity.Success);
                await LoadAsync();
            }
            else
            {
                Snackbar.Add(TrainingText.Refusal(outcome, L), Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class TemplateDraft
    {
        public long Version { get; set; }
        public List<QuantitativeDraft> Quantitative { get; set; } = [];
        public List<QualitativeDraft> Qualitative { get; set; } = [];
        public IReadOnlyList<FieldError> Errors { get; set; } = [];
        public int WeightTotal => Quantitative.Sum(q => q.WeightPercent) + Qualitative.Sum(q => q.WeightPercent);
    }

    private sealed class QuantitativeDraft
    {
        public string MetricKey { get; set; } = "";
        public int WeightPercent { get; set; } = 10;
        public double Floor { get; set; }
        public double Target { get; set; } = 1;
    }

    private sealed class QualitativeDraft
    {
        public string? Key { get; set; }
        public string? NameEn { get; set; }
        public string? NameZh { get; set; }
        public int WeightPercent { get; set; } = 10;
    }

    private sealed class BandDraft
    {
        public string? Grade { get; set; }
        public double MinScore { get; set; }
        public decimal BonusCoefficient { get; set; } = 1;
    }
}
