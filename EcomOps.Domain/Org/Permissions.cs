namespace EcomOps.Domain.Org;

/// <summary>
/// What a role may do, named by what it allows. The console turns each permission into an authorization policy
/// of the same name; navigation, pages, endpoints, the hub and the jobs dashboard all ask by these names.
/// </summary>
public static class Permissions
{
    public const string UseConsole = nameof(UseConsole);
    public const string ManageEmployees = nameof(ManageEmployees);
    public const string ReadAuditTrail = nameof(ReadAuditTrail);
    public const string RunJobs = nameof(RunJobs);
    public const string WorkTickets = nameof(WorkTickets);
    public const string SuperviseService = nameof(SuperviseService);
    public const string WatchOperations = nameof(WatchOperations);
    public const string ManageInventory = nameof(ManageInventory);
    public const string ExportKpiSheets = nameof(ExportKpiSheets);
    public const string WorkDesignTasks = nameof(WorkDesignTasks);
    public const string HandleComplaints = nameof(HandleComplaints);
    public const string WorkOrders = nameof(WorkOrders);
    public const string ImportPlatformReports = nameof(ImportPlatformReports);
    public const string ManageTrafficSources = nameof(ManageTrafficSources);
    public const string AnalyseCustomers = nameof(AnalyseCustomers);
    public const string ManageCatalog = nameof(ManageCatalog);
    public const string ManageChannels = nameof(ManageChannels);
    public const string EditListings = nameof(EditListings);
    public const string ApproveListings = nameof(ApproveListings);
    public const string ImportCatalog = nameof(ImportCatalog);
    public const string RequestDesigns = nameof(RequestDesigns);
    public const string SuperviseDesign = nameof(SuperviseDesign);
    public const string SeeDesignBoard = nameof(SeeDesignBoard);
    public const string ViewCampaigns = nameof(ViewCampaigns);
    public const string PlanCampaigns = nameof(PlanCampaigns);
    public const string ApproveCampaigns = nameof(ApproveCampaigns);
    public const string PlanTraining = nameof(PlanTraining);
    public const string ApproveTrainingPlans = nameof(ApproveTrainingPlans);
    public const string ProposePromotions = nameof(ProposePromotions);
    public const string ApprovePromotions = nameof(ApprovePromotions);
    public const string SeeOptimisation = nameof(SeeOptimisation);
    public const string ActOnFindings = nameof(ActOnFindings);
    public const string ScoreAppraisals = nameof(ScoreAppraisals);
    public const string CalibrateAppraisals = nameof(CalibrateAppraisals);
    public const string ManageMailboxes = nameof(ManageMailboxes);
    public const string ReadDevelopmentTexts = nameof(ReadDevelopmentTexts);

    private static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [UseConsole] = [.. Roles.All],
        [ManageEmployees] = [Roles.Admin],
        [ReadAuditTrail] = [Roles.Admin, Roles.OperationsDirector],
        [RunJobs] = [Roles.Admin, Roles.OperationsDirector],
        [WorkTickets] = [Roles.CsAgent, Roles.CsSupervisor],
        [SuperviseService] = [Roles.CsSupervisor, Roles.OperationsDirector],
        [WatchOperations] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector, Roles.CsSupervisor],
        [ManageInventory] = [Roles.OperationsManager, Roles.OperationsDirector],
        [ExportKpiSheets] = [Roles.OperationsDirector, Roles.OperationsManager, Roles.CsSupervisor, Roles.DesignSupervisor],
        [WorkDesignTasks] = [Roles.Designer, Roles.DesignSupervisor],
        [HandleComplaints] = [Roles.CsSupervisor, Roles.CsAgent, Roles.OperationsManager, Roles.OperationsDirector],
        [WorkOrders] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        [ImportPlatformReports] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        // Which platform source name counts as search, paid, live stream …: it changes every dashboard by source, so managers decide.
        [ManageTrafficSources] = [Roles.OperationsManager, Roles.OperationsDirector],
        // Customer segments name people and their phone numbers: operations, who market to them, see and export them.
        [AnalyseCustomers] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        // Master data (categories, brands, price bands, warehouses) and products: what a new company enters first.
        [ManageCatalog] = [Roles.OperationsManager, Roles.OperationsDirector, Roles.Admin],
        // Sales channels (the shops on the platforms): opened, changed and retired by those who run the stores.
        [ManageChannels] = [Roles.OperationsManager, Roles.OperationsDirector],
        // Listings: operations people put products on the channels' stores; a manager or director approves them (four-eyes).
        [EditListings] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        [ApproveListings] = [Roles.OperationsManager, Roles.OperationsDirector],
        // The catalogue workbook's import: whoever edits products or listings; each row still needs the permission of what it changes.
        [ImportCatalog] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector, Roles.Admin],
        // Design requests come from operations; the design supervisor plans, assigns and reviews; designers work them.
        [RequestDesigns] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        [SuperviseDesign] = [Roles.DesignSupervisor],
        [SeeDesignBoard] = [Roles.Designer, Roles.DesignSupervisor, Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        // Campaigns: operations plans and runs them; customer service is briefed and design makes their pages, so both supervisors see them.
        [ViewCampaigns] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector, Roles.CsSupervisor, Roles.DesignSupervisor],
        [PlanCampaigns] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        // The director approves; a manager too when the Campaigns:ApproverRole setting says so (CampaignSettings).
        [ApproveCampaigns] = [Roles.OperationsManager, Roles.OperationsDirector],
        // Training: a team's manager or supervisor drafts its annual plan and schedules its sessions; the director approves
        // plans and may plan for any team. Everyone sees sessions, enrols and reads their own record (UseConsole).
        [PlanTraining] = [Roles.OperationsManager, Roles.CsSupervisor, Roles.DesignSupervisor, Roles.OperationsDirector],
        [ApproveTrainingPlans] = [Roles.OperationsDirector],
        // Careers: the team's manager proposes a promotion or arranges a rotation; the director approves promotions.
        [ProposePromotions] = [Roles.OperationsManager, Roles.CsSupervisor, Roles.DesignSupervisor, Roles.OperationsDirector],
        [ApprovePromotions] = [Roles.OperationsDirector],
        // The optimisation board: operations read it; managers and the director turn findings into work and set the rules' thresholds.
        [SeeOptimisation] = [Roles.OperationsSpecialist, Roles.OperationsManager, Roles.OperationsDirector],
        [ActOnFindings] = [Roles.OperationsManager, Roles.OperationsDirector],
        // Appraisals: each team's head opens its cycles, scores and interviews its people; the director opens any team's cycles,
        // calibrates, scores the heads themselves and sets templates and grade bands. Everyone reads their own (UseConsole).
        [ScoreAppraisals] = [Roles.OperationsManager, Roles.CsSupervisor, Roles.DesignSupervisor],
        [CalibrateAppraisals] = [Roles.OperationsDirector],
        // The company's mailboxes (servers, passwords) and what they let in: the customer-service supervisor.
        [ManageMailboxes] = [Roles.CsSupervisor],
        // What the development SMS gateway recorded instead of sending: those who answer for customer notices.
        [ReadDevelopmentTexts] = [Roles.CsSupervisor, Roles.OperationsManager],
    };

    public static IEnumerable<string> All => Grants.Keys;

    public static IReadOnlyList<string> RolesFor(string permission) => Grants[permission];

    public static bool Allows(string role, string permission) => Grants.TryGetValue(permission, out var roles) && roles.Contains(role);
}
