using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Analytics;

public static class AnalyticsEndpoints
{
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Access is decided here rather than by the policy alone, so a refusal says why (and which team) in words.
        endpoints.MapGet("/api/analytics/kpi-workbook", async (string? kind, string? start, string? end, string? team, HttpContext http,
            KpiExport export, CompanyTime time, IStringLocalizer<UiText> L, CancellationToken ct) =>
        {
            var allowed = KpiAccess.TeamsFor(Roles.All.Where(http.User.IsInRole));
            if (allowed.Count == 0)
            {
                return Results.Text(L["Kpi.ExportRefused"], statusCode: StatusCodes.Status403Forbidden);
            }
            if (!TryPeriod(kind, start, end, out var period))
            {
                return Results.Text(L["Kpi.BadPeriod"], statusCode: StatusCodes.Status400BadRequest);
            }
            IReadOnlyList<Team> teams;
            if (string.IsNullOrEmpty(team))
            {
                teams = allowed;
            }
            else if (!Enum.TryParse<Team>(team, ignoreCase: true, out var one))
            {
                return Results.Text(L["Kpi.BadTeam"], statusCode: StatusCodes.Status400BadRequest);
            }
            else if (!allowed.Contains(one))
            {
                return Results.Text(L["Kpi.ExportRefusedTeam", L[$"Team.{one}"]], statusCode: StatusCodes.Status403Forbidden);
            }
            else
            {
                teams = [one];
            }
            var bytes = await export.BuildAsync(teams, period, key => L[key], CultureInfo.CurrentUICulture, ct: ct);
            return Results.File(bytes, WorkbookContentType, KpiExport.FileName(teams, period));
        });
        endpoints.MapGet("/api/analytics/reports/{id:int}", DownloadReportAsync);
    }

    private static async Task<IResult> DownloadReportAsync(int id, HttpContext http, ReportArchive archive, IStringLocalizer<UiText> L, CancellationToken ct)
    {
        var allowed = KpiAccess.TeamsFor(Roles.All.Where(http.User.IsInRole));
        if (allowed.Count == 0)
        {
            return Results.Text(L["Kpi.ExportRefused"], statusCode: StatusCodes.Status403Forbidden);
        }
        var found = await archive.DownloadAsync(id, ct);
        if (found is not { } report)
        {
            return Results.Text(L["Reports.NotFound"], statusCode: StatusCodes.Status404NotFound);
        }
        if (!report.Report.Teams.All(allowed.Contains))
        {
            return Results.Text(L["Reports.Refused"], statusCode: StatusCodes.Status403Forbidden);
        }
        return Results.File(report.Content, WorkbookContentType, report.Report.FileName);
    }

    /// <summary>A period from the query string: a kind and a day inside it; a custom period also takes its last day.</summary>
    public static bool TryPeriod(string? kind, string? start, string? end, out ReportPeriod period)
    {
        period = default!;
        if (!Enum.TryParse<PeriodKind>(kind, ignoreCase: true, out var k)
            || !DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }
        if (k != PeriodKind.Custom)
        {
            period = ReportPeriod.Containing(k, first);
            return true;
        }
        if (!DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) || last < first || last.DayNumber - first.DayNumber > 366)
        {
            return false;
        }
        period = ReportPeriod.Custom(first, last);
        return true;
    }
}
