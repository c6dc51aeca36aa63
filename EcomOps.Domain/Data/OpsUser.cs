using EcomOps.Domain.Live;
using Microsoft.AspNetCore.Identity;

namespace EcomOps.Domain.Data;

/// <summary>A sign-in. The business facts about the person live on <see cref="Org.Employee"/>.</summary>
[LiveBoard(Boards.Sessions)]
public sealed class OpsUser : IdentityUser
{
    /// <summary>UI culture the user chose last ("en" or "zh-Hans"); null until they choose.</summary>
    public string? Culture { get; set; }

    public bool DarkMode { get; set; }
}
