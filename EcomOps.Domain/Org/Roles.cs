namespace EcomOps.Domain.Org;

/// <summary>The rulebook's roles, plus Admin who runs the console itself.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string OperationsDirector = nameof(OperationsDirector);
    public const string OperationsManager = nameof(OperationsManager);
    public const string OperationsSpecialist = nameof(OperationsSpecialist);
    public const string CsSupervisor = nameof(CsSupervisor);
    public const string CsAgent = nameof(CsAgent);
    public const string DesignSupervisor = nameof(DesignSupervisor);
    public const string Designer = nameof(Designer);

    public static readonly IReadOnlyList<string> All =
        [Admin, OperationsDirector, OperationsManager, OperationsSpecialist, CsSupervisor, CsAgent, DesignSupervisor, Designer];

    /// <summary>The team a role belongs to. Admin sits with Operations, who own the console.</summary>
    public static Team TeamOf(string role) => role switch
    {
        CsSupervisor or CsAgent => Team.CustomerService,
        DesignSupervisor or Designer => Team.Design,
        _ => Team.Operations,
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
