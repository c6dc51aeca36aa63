using EcomOps.Domain.Org;

namespace EcomOps.Domain.Analytics.Kpi;

/// <summary>
/// Who may open and export which team's KPI sheet: operations directors and managers every team; the customer-service
/// and design supervisors only their own team; nobody else.
/// </summary>
public static class KpiAccess
{
    public static IReadOnlyList<Team> TeamsFor(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet();
        if (held.Contains(Roles.OperationsDirector) || held.Contains(Roles.OperationsManager))
        {
            return Enum.GetValues<Team>();
        }
        var teams = new List<Team>();
        if (held.Contains(Roles.CsSupervisor))
        {
            teams.Add(Team.CustomerService);
        }
        if (held.Contains(Roles.DesignSupervisor))
        {
            teams.Add(Team.Design);
        }
        return teams;
    }

    public static bool MayExport(IEnumerable<string> roles, Team team) => TeamsFor(roles).Contains(team);
}
