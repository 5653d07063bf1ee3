using CounterApp.Domain.Certificates;

namespace CounterApp.Domain.Revocation;

/// <summary>
/// R-RV-02: which certificates a register or card event revokes, and why. A change of any of the four basic data items
/// in the certificate (name, address, sex, birth date) or a move out makes the certificate's content wrong
/// (affiliationChanged); a death or the end of the card ends the certificate's use (cessationOfOperation).
/// R-CE-04's renewal supersession and R-RV-01's requests are decided here too, so every revocation has one source.
/// </summary>
public static class RevocationTriggers
{
    public static IReadOnlyList<RevocationOrder> ForRegisterEvent(RegisterEvent registerEvent, IEnumerable<Certificate> certificatesOfResident)
    {
        ArgumentNullException.ThrowIfNull(registerEvent);
        ArgumentNullException.ThrowIfNull(certificatesOfResident);
        var reason = registerEvent.Kind switch
        {
            RegisterEventKind.Died or RegisterEventKind.CardReplaced or RegisterEventKind.CardReturned => RevocationReason.CessationOfOperation,
            _ => RevocationReason.AffiliationChanged,
        };
        var cardEvent = registerEvent.Kind is RegisterEventKind.CardReplaced or RegisterEventKind.CardReturned;
        if (cardEvent && string.IsNullOrWhiteSpace(registerEvent.CardNumber))
        {
            // Without the card, no certificate would match and the event would silently revoke nothing.
            throw new ArgumentException($"A {registerEvent.Kind} event must name the card concerned.", nameof(registerEvent));
        }

        return certificatesOfResident
            .Where(c => c.Status == CertificateStatus.Active)
            .Where(c => !cardEvent || c.CardNumber == registerEvent.CardNumber)
            .Select(c => new RevocationOrder(c.Serial, reason, registerEvent.OccurredAt, "R-RV-02", registerEvent.Kind.ToString()))
            .ToList();
    }

    /// <summary>R-RV-01: a request (失効申請) or a compromise notice (秘密鍵漏えい等届出) revokes the certificate at once.</summary>
    public static RevocationOrder ForRequest(Certificate certificate, bool compromise, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Status != CertificateStatus.Active)
        {
            throw new InvalidOperationException($"Certificate {certificate.Serial} is already revoked.");
        }

        return new RevocationOrder(
            certificate.Serial,
            compromise ? RevocationReason.KeyCompromise : RevocationReason.CessationOfOperation,
            at,
            "R-RV-01",
            compromise ? "CompromiseNotice" : "RevocationRequest");
    }

    /// <summary>R-CE-04: the old certificate is superseded once the new one is on the card.</summary>
    public static RevocationOrder ForRenewal(Certificate old, DateTimeOffset newCertificateWrittenAt)
    {
        ArgumentNullException.ThrowIfNull(old);
        return new(old.Serial, RevocationReason.Superseded, newCertificateWrittenAt, "R-CE-04", "Renewal");
    }

    /// <summary>R-FE-03 / issue flow: a certificate issued but never written to the card is revoked.</summary>
    public static RevocationOrder ForUnwrittenCertificate(string serial, DateTimeOffset at) =>
        new(serial, RevocationReason.CessationOfOperation, at, "R-CE-01", "NotWrittenToCard");

    /// <summary>R-CE-09: an issuance cut before the password was set; what the CA signed for it is revoked.</summary>
    public static RevocationOrder ForInterruptedIssuance(string serial, DateTimeOffset at) =>
        new(serial, RevocationReason.CessationOfOperation, at, "R-CE-09", "IssuanceInterrupted");
}
