namespace CounterApp.Domain.Certificates;

/// <summary>A signing certificate's status as the counter tracks it. Expiry follows from the validity dates.</summary>
public enum CertificateStatus
{
    /// <summary>Issued and not revoked.</summary>
    Active,

    /// <summary>失効: revoked (R-RV).</summary>
    Revoked,
}
