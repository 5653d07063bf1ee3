using CounterApp.Domain.Periods;
using CounterApp.Domain.Time;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Issuance;

/// <summary>Issues a resident's signing certificate: R-CE-03 validity from today in Tokyo, R-CE-02 profile, unique serial.</summary>
internal static class SubscriberIssuance
{
    public static IssuedCertificate Issue(CertificateAuthority authority, CertificateSubject subject, SubscriberKey key, DateOnly cardExpiryDate, Guid? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(key);
        subject.Validate();
        if (requestId is { } request && authority.Store.FindByRequest(request) is { } earlier)
        {
            // R-CE-09: asked again for the same request (a retry after a crash or a lost answer): the same certificate.
            return Earlier(earlier, key, cardExpiryDate);
        }

        var validity = CertificateValidity.For(TokyoClock.Today(authority.Time), cardExpiryDate);
        var (notBefore, notAfter) = Validity.Of(validity);
        if (notAfter > authority.Certificate.NotAfter)
        {
            throw new InvalidOperationException(
                $"The CA certificate ends on {authority.Certificate.NotAfter:yyyy-MM-dd}, before this certificate would ({validity.ExpiresOn:yyyy-MM-dd}); the CA must be renewed first.");
        }

        var encoder = authority.SubscriberEncoder;
        var (serial, stored) = UniqueSerials.SignAndStore(authority.Store, CertificateKind.Subscriber, notBefore, notAfter, serial =>
        {
            var toBeSigned = encoder.EncodeToBeSigned(authority.Profile, subject, key, serial, notBefore, notAfter);
            return encoder.EncodeCertificate(toBeSigned, authority.Signer.SignData(toBeSigned));
        }, requestId);
        // With a request id, another thread may have won the same request: what the store kept is the answer.
        return requestId is null ? new IssuedCertificate(serial, stored.Der, validity) : Earlier(stored, key, cardExpiryDate);
    }

    private static IssuedCertificate Earlier(StoredCertificate stored, SubscriberKey key, DateOnly cardExpiryDate) =>
        Checked(stored, key, CertificateValidity.For(DateOnly.FromDateTime(TokyoClock.ToTokyo(stored.NotBefore)), cardExpiryDate));

    // The certificate a request already has is handed back only for the key it was signed for.
    private static IssuedCertificate Checked(StoredCertificate stored, SubscriberKey key, CertificateValidity validity)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(stored.Der.Span);
        if (!certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            throw new CertificateRequestRejectedException(RequestRejection.RequestIdReused,
                $"Request {stored.RequestId} was already signed (serial {stored.Serial.Hex}) for another public key; nothing was issued.");
        }

        return new IssuedCertificate(stored.Serial, stored.Der, validity);
    }
}
