using CounterApp.Domain.Time;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Store;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Features.CardSession;

/// <summary>The counter's link to a certificate the CA issued: which resident, which card, which application (its status and DER are the CA register's).</summary>
public static class CertificateLink
{
    public static CertificateRecord For(IssuedCertificate issued, ResidentCardRecord card, Guid? applicationId)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(card);
        return new CertificateRecord
        {
            Serial = issued.Serial.Hex,
            ResidentId = card.ResidentId,
            CardId = card.Id,
            ApplicationId = applicationId,
            IssuedOn = issued.Validity.IssuedOn,
            ExpiresOn = issued.Validity.ExpiresOn,
        };
    }

    /// <summary>The link for a certificate the CA's store holds (found after a crash by its request id): dates in Tokyo.</summary>
    public static CertificateRecord For(StoredCertificate stored, ResidentCardRecord card, Guid? applicationId)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(card);
        return new CertificateRecord
        {
            Serial = stored.Serial.Hex,
            ResidentId = card.ResidentId,
            CardId = card.Id,
            ApplicationId = applicationId,
            IssuedOn = DateOnly.FromDateTime(TokyoClock.ToTokyo(stored.NotBefore)),
            ExpiresOn = DateOnly.FromDateTime(TokyoClock.ToTokyo(stored.NotAfter)),
        };
    }
}
