using System.Security.Cryptography.X509Certificates;
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

        var (serial, stored) = UniqueSerials.SignAndStore(authority.Store, CertificateKind.Subscriber, serial =>
        {
            var request = SubscriberProfile.CreateRequest(authority.Profile, authority.Certificate, subject, key.PublicKey, serial);
            return authority.Signer.Use(generator =>
            {
                using var certificate = request.Create(authority.Certificate.SubjectName, generator, notBefore, notAfter, serial.ToByteArray());
                return certificate.RawData;
            });
        });
        return new IssuedCertificate(serial, X509CertificateLoader.LoadCertificate(stored.Der.Span), validity);
    }
}
