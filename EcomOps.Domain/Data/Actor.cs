using System.Security.Claims;

namespace EcomOps.Domain.Data;

/// <summary>Who is doing a change: recorded in the audit trail. Jobs act as <see cref="System"/>.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");

    public static Actor From(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
            ? new Actor(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.Identity.Name ?? "unknown")
            : System;
}
