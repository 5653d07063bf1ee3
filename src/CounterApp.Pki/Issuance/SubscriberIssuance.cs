using CounterApp.Domain.Periods;
using CounterApp.Domain.Time;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Issuance;

/// <summary>Issues a resident's signing certificate: R-CE-03 validity from today in Tokyo, R-CE-02 profile, unique serial.</summary>
internal static class SubscriberIssuance
{
    public static IssuedCertificate Issue(CertificateAuthority authority, CertificateSubject subject, SubscriberKey key, DateOnly cardExpiryDate)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(key);
        subject.Validate();
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
        });
        return new IssuedCertificate(serial, stored.Der, validity);
    }
}
