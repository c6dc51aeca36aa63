using System.Net.Mail;
using EcomOps.Domain.Data;

namespace EcomOps.Domain.Org;

/// <summary>The facts an employee form carries, whether it creates or edits.</summary>
public sealed record EmployeeForm
{
    public string EmployeeNumber { get; init; } = "";
    public string FullName { get; init; } = "";
    public string Email { get; init; } = "";
    public string Role { get; init; } = Roles.CsAgent;
    public int? ManagerId { get; init; }
    public DateOnly? HireDate { get; init; }
    public bool Active { get; init; } = true;

    /// <summary>Required when creating; when editing, a non-empty value resets the password.</summary>
    public string? Password { get; init; }

    /// <summary>The version the editor read; a save from an older version is refused as a conflict.</summary>
    public long Version { get; init; }
}

/// <summary>Validation of an employee that needs no database: required fields, formats, lengths.</summary>
public static class EmployeeRules
{
    public const int MaxNumberLength = 20;
    public const int MaxNameLength = 100;
    public const int MinPasswordLength = 8;

    public static List<FieldError> Check(EmployeeForm form, bool creating, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.EmployeeNumber))
        {
            errors.Add(new(nameof(form.EmployeeNumber), "Required"));
        }
        else if (form.EmployeeNumber.Trim().Length > MaxNumberLength || form.EmployeeNumber.Any(char.IsWhiteSpace))
        {
            errors.Add(new(nameof(form.EmployeeNumber), "EmployeeNumberFormat"));
        }

        if (string.IsNullOrWhiteSpace(form.FullName))
        {
            errors.Add(new(nameof(form.FullName), "Required"));
        }
        else if (form.FullName.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(form.FullName), "TooLong"));
        }

        if (string.IsNullOrWhiteSpace(form.Email))
        {
            errors.Add(new(nameof(form.Email), "Required"));
        }
        else if (!IsEmail(form.Email.Trim()))
        {
            errors.Add(new(nameof(form.Email), "EmailFormat"));
        }

        if (!Roles.IsKnown(form.Role))
        {
            errors.Add(new(nameof(form.Role), "UnknownRole"));
        }

        if (form.HireDate is null)
        {
            errors.Add(new(nameof(form.HireDate), "Required"));
        }
        else if (form.HireDate > today.AddYears(1))
        {
            errors.Add(new(nameof(form.HireDate), "HireDateTooLate"));
        }

        if (creating && string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new(nameof(form.Password), "Required"));
        }
        else if (!string.IsNullOrEmpty(form.Password) && !IsStrongEnough(form.Password))
        {
            errors.Add(new(nameof(form.Password), "PasswordWeak"));
        }
        TextRules.CheckAll(errors, form);
        return errors;
    }

    public static bool IsStrongEnough(string password) =>
        password.Length >= MinPasswordLength && password.Any(char.IsLetter) && password.Any(char.IsDigit);

    /// <summary>
    /// True when making <paramref name="managerId"/> the manager of <paramref name="employeeId"/> would close a loop
    /// (the employee would end up managing themselves, directly or through others).
    /// </summary>
    public static bool WouldCycle(int employeeId, int managerId, IReadOnlyDictionary<int, int?> managerOf)
    {
        var seen = new HashSet<int>();
        for (int? current = managerId; current is { } id; current = managerOf.GetValueOrDefault(id))
        {
            if (id == employeeId || !seen.Add(id))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsEmail(string value) =>
        value.Length <= 256 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
