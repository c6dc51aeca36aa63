using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Org;

/// <summary>A person on the staff, with their team, role, manager and sign-in.</summary>
[LiveBoard(Boards.Org)]
public sealed class Employee : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string EmployeeNumber { get; set; }
    public required string FullName { get; set; }
    public required string Email { get; set; }
    public Team Team { get; set; }
    public required string Role { get; set; }
    public int? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    public DateOnly HireDate { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The employee's sign-in (user name = <see cref="Email"/>).</summary>
    public string? UserId { get; set; }

    public long Version { get; set; }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(e => e.EmployeeNumber).HasMaxLength(EmployeeRules.MaxNumberLength);
        b.Property(e => e.FullName).HasMaxLength(EmployeeRules.MaxNameLength);
        b.Property(e => e.Email).HasMaxLength(256);
        b.Property(e => e.Role).HasMaxLength(40);
        b.Property(e => e.Team).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(e => e.EmployeeNumber).IsUnique();
        b.HasIndex(e => e.Email).IsUnique();
        b.HasIndex(e => e.UserId).IsUnique();
        b.HasIndex(e => new { e.Team, e.Active });
        b.HasOne(e => e.Manager).WithMany().HasForeignKey(e => e.ManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OpsUser>().WithOne().HasForeignKey<Employee>(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>An employee as a picker offers them: the name, and the number and team that tell two of the same name apart.</summary>
public sealed record EmployeePick(int Id, string Name, string EmployeeNumber, Team Team);
