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
}
