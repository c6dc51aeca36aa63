using EcomOps.Domain.Audit;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>The console's one database: identity, business entities of every area, audit trail.</summary>
public sealed class OpsDb(DbContextOptions<OpsDb> options) : IdentityDbContext<OpsUser>(options)
{
    /// <summary>Who the changes saved through this context are made by; the audit trail records it.</summary>
    public Actor Actor { get; set; } = Actor.System;

    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpsDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }
}
