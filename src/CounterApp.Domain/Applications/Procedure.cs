namespace CounterApp.Domain.Applications;

/// <summary>What the resident applies for at the counter.</summary>
public enum Procedure
{
    /// <summary>電子証明書の新規発行.</summary>
    NewIssuance,

    /// <summary>電子証明書の更新 (R-CE-04).</summary>
    Renewal,

    /// <summary>失効申請 (R-RV-01).</summary>
    RevocationRequest,

    /// <summary>秘密鍵漏えい等届出 (R-RV-01).</summary>
    CompromiseNotice,

    /// <summary>パスワードロック解除 (R-CA-01).</summary>
    Unlock,

    /// <summary>パスワード変更 (R-CA-02).</summary>
    PasswordChange,

    /// <summary>暗証番号の再設定 (R-CA-03).</summary>
    CardPinReset,
}

/// <summary>Groups of procedures that share rules.</summary>
public static class ProcedureKinds
{
    /// <summary>Procedures that put a new certificate on the card (fees, key generation, R-VI).</summary>
    public static bool IssuesCertificate(this Procedure procedure) =>
        procedure is Procedure.NewIssuance or Procedure.Renewal;

    /// <summary>Procedures that revoke (R-RV-01).</summary>
    public static bool Revokes(this Procedure procedure) =>
        procedure is Procedure.RevocationRequest or Procedure.CompromiseNotice;

    /// <summary>Card services done in person only (R-CA, R-PX-03).</summary>
    public static bool IsCardService(this Procedure procedure) =>
        procedure is Procedure.Unlock or Procedure.PasswordChange or Procedure.CardPinReset;
}
