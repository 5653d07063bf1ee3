namespace CounterApp.Domain.Fees;

/// <summary>What a fee line is for (R-FE-01).</summary>
public enum FeeItem
{
    /// <summary>電子証明書発行手数料.</summary>
    CertificateIssuance,

    /// <summary>電子証明書更新手数料.</summary>
    CertificateRenewal,

    /// <summary>住民基本台帳カード交付手数料, its own line.</summary>
    ResidentCard,
}
