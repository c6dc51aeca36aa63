using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Analytics;

public sealed partial class KpiSheetPage
{
    [Inject] private KpiSheets Sheets { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<Team> _teams = [];
    private Team _team;
    private ReportPeriod _period = default!;
    private KpiSheet? _sheet;

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _teams = KpiAccess.TeamsFor(Roles.All.Where(user.IsInRole));
        _team = _teams.Contains(Team.CustomerService) ? Team.CustomerService : _teams.FirstOrDefault();
        _period = ReportPeriod.Containing(PeriodKind.Month, Time.Today);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _sheet = null;
        _sheet = await Sheets.BuildAsync(_team, _period);
    }

    private async Task TeamChanged(Team team)
    {
        _team = team;
        await LoadAsync();
    }

    private async Task PeriodChanged(ReportPeriod period)
    {
        _period = period;
        await LoadAsync();
    }

    /// <summary>The workbook of the shown period for one team, or for every team the user may export (null).</summary>
    private string DownloadUrl(Team? team) =>
        $"/api/analytics/kpi-workbook?kind={_period.Kind}&start={_period.Start:yyyy-MM-dd}" + (team is { } t ? $"&team={t}" : "");

    private RenderFragment Figure(KpiColumn column, KpiCell cell, KpiRow row) => builder =>
    {
        var text = MetricText.Display(column.Metric.Unit, cell.Value, Culture);
        var testId = row.EmployeeId is { } id ? $"kpi-cell-{id}-{column.Metric.Key}" : $"kpi-total-{column.Metric.Key}";
        if (cell.Value is null)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", testId);
            if (row.EmployeeId is not null && !column.Metric.PerEmployee)
            {
                // A team-only figure (revenue, stock-out rate) has no value per person: a faint mark, said on hover.
                builder.AddAttribute(30, "class", "mud-text-disabled");
                builder.AddAttribute(31, "title", L["Kpi.TeamOnly"].Value);
            }
            builder.AddContent(2, text);
            builder.CloseElement();
            return;
        }
        builder.OpenComponent<MudLink>(3);
        builder.AddComponentParameter(4, nameof(MudLink.OnClick), Microsoft.AspNetCore.Components.EventCallback.Factory.Create<Microsoft.AspNetCore.Components.Web.MouseEventArgs>(this, () => ShowRecordsAsync(column, row)));
        builder.AddAttribute(5, "data-testid", testId);
        builder.AddComponentParameter(6, nameof(MudLink.ChildContent), (RenderFragment)(b => b.AddContent(0, text)));
        builder.CloseComponent();
        if (cell.Attainment is { } attainment)
        {
            builder.OpenComponent<MudChip<string>>(7);
            builder.AddComponentParameter(8, nameof(MudChip<string>.Size), Size.Small);
            builder.AddComponentParameter(9, nameof(MudChip<string>.Variant), Variant.Text);
            builder.AddComponentParameter(10, nameof(MudChip<string>.Color), KpiRules.Band(attainment) switch
            {
                AttainmentBand.Met => Color.Success,
                AttainmentBand.Near => Color.Warning,
                _ => Color.Error,
            });
            builder.AddComponentParameter(11, nameof(MudChip<string>.Text), attainment.ToString("0%", Culture));
            builder.CloseComponent();
        }
    };

    private Task ShowRecordsAsync(KpiColumn column, KpiRow row) =>
        RecordsDialog.ShowAsync(Dialogs, $"{column.Metric.Name(Culture)} · {(row.EmployeeId is null ? L["Kpi.TeamTotal"] : row.Name)} · {Format.Period(_period)}",
            _sheet!.RecordsOf(column, row.EmployeeId));

    private async Task EditTargetsAsync()
    {
        var parameters = new DialogParameters<KpiTargetsDialog>
        {
            { d => d.Team, _team },
            { d => d.Kind, _period.Kind },
            { d => d.Metrics, _sheet!.Columns.Select(c => c.Metric).ToList() },
        };
        var dialog = await Dialogs.ShowAsync<KpiTargetsDialog>(L["Kpi.EditTargets"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await LoadAsync();
        }
    }
}
