namespace CounterApp.Web.Features.RegisterSync;

/// <summary>How register-driven changes appear in the audit trail (R-X-01).</summary>
public static class RegisterSyncAuditing
{
    /// <summary>The actor of every register-driven change: no clerk is involved, the register system is.</summary>
    public const string Actor = "register-sync";
}
