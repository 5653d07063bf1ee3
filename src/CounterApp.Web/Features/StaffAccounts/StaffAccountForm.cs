using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Features.StaffAccounts;

/// <summary>The fields of the staff account forms; the password is bound for the one request and never rendered back.</summary>
public sealed class StaffAccountForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public int? OfficeId { get; set; }

    public bool Clerk { get; set; }

    public bool Supervisor { get; set; }

    public bool Administrator { get; set; }

    public string? Password { get; set; }

    public bool Disable { get; set; }

    public IReadOnlyCollection<string> Roles() =>
        [.. StaffRoles.All.Where(r => r switch
        {
            StaffRoles.Clerk => Clerk,
            StaffRoles.Supervisor => Supervisor,
            StaffRoles.Administrator => Administrator,
            _ => false,
        })];
}
