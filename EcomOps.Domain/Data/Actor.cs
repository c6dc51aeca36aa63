using System.Security.Claims;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Data;

/// <summary>
/// Who is doing a change: recorded in the audit trail, and asked by every operation whether it may.
/// A person signed in to the console carries their roles (<see cref="From"/>); an actor without roles
/// (<see cref="Roles"/> null) is the console itself — a job, an API channel key, bootstrap or demo data — whose
/// entrance was checked where it came in.
/// </summary>
public sealed record Actor(string? UserId, string Name, IReadOnlyList<string>? Roles = null)
{
    public static readonly Actor System = new(null, "system");

    /// <summary>The refusal an operation returns when the actor's roles do not grant what it asks.</summary>
    public static readonly FieldError NotPermitted = new("Actor", "NotPermitted");

    public static Actor From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
            ? new Actor(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.Identity.Name ?? "unknown",
                [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)])
            // Nobody signed in is nobody: no role, so no operation that asks for a permission lets them through.
            : new Actor(null, "anonymous", []);

    /// <summary>A person, with the roles their employee record gives them.</summary>
    public static Actor Person(string? userId, string name, params string[] roles) => new(userId, name, roles);

    /// <summary>Whether this actor may do what the permission names (the console itself may do anything).</summary>
    public bool May(string permission) => Roles is null || Roles.Any(role => Permissions.Allows(role, permission));
}
