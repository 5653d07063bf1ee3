using CounterApp.Domain.Certificates;
using CounterApp.Domain.Periods;

namespace CounterApp.Web.Features.Residents;

/// <summary>What a certificate's badge says, most serious first.</summary>
public enum CertificateBadgeKind
{
    /// <summary>失効: revoked (R-RV), with its reason.</summary>
    Revoked,

    /// <summary>期限切れ: past its expiry date (R-CE-03).</summary>
    Expired,

    /// <summary>ロック中: five wrong passwords (R-CA-01); unlock at the counter.</summary>
    Locked,

    /// <summary>期限間近: inside the renewal window (R-CE-04).</summary>
    ExpiringSoon,

    /// <summary>有効.</summary>
    Active,
}

/// <summary>The badge's decision, kept out of the markup so it is tested as plain code too.</summary>
public static class CertificateBadge
{
    /// <summary>
    /// Revoked wins over everything (a revoked certificate is never usable), then expired, then locked (usable again after
    /// an unlock), then "expiring soon" from the day the renewal window opens (R-CE-04), else active.
    /// </summary>
    public static CertificateBadgeKind Of(CertificateStatus status, bool isLocked, DateOnly expiresOn, DateOnly today) =>
        status == CertificateStatus.Revoked ? CertificateBadgeKind.Revoked
        : today > expiresOn ? CertificateBadgeKind.Expired
        : isLocked ? CertificateBadgeKind.Locked
        : RenewalWindow.IsOpenOn(expiresOn, today) ? CertificateBadgeKind.ExpiringSoon
        : CertificateBadgeKind.Active;
}
