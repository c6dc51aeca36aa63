namespace EcomOps.Domain.Org;

/// <summary>The rulebook's three teams.</summary>
public enum Team
{
    Operations,
    CustomerService,
    Design,
}
