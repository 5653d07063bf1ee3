namespace CounterApp.Web.Hosting;

/// <summary>Section "Security": staff sign-in limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Signed out after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// How often a signed-in session's roles, name and office are refreshed from the account. Sessions of an account
    /// signed out, disabled, given a new password or stripped of its authenticator end at once, whatever this says
    /// (<see cref="SessionCheck"/> compares the security stamp on every request).
    /// </summary>
    public int SessionRecheckMinutes { get; set; } = 1;

    /// <summary>
    /// Comma-separated roles that must sign in with an authenticator app (TOTP): a member of staff holding one of them
    /// and not yet enrolled is sent to the enrolment page after the password and can do nothing else. Empty: nobody is forced.
    /// </summary>
    public string TwoFactorRoles { get; set; } = "Supervisor,Administrator";

    /// <summary>The roles of <see cref="TwoFactorRoles"/>, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> TwoFactorRoleList() =>
        (TwoFactorRoles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
