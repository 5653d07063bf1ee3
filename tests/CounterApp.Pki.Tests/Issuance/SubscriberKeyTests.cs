using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Issuance;

[Trait("Rule", "R-CE-01")]
public sealed class SubscriberKeyTests(AuthorityFixture toyama)
{
    [Fact]
    public void FromSubjectPublicKeyInfo_WhenRsa2048_IsCertifiedWithExactlyThatKey()
    {
        var spki = Given.CardKey().ExportSubjectPublicKeyInfo();

        using var issued = toyama.Authority.Issue(Given.Subject, SubscriberKey.FromSubjectPublicKeyInfo(spki), Given.FarCardExpiry);

        Assert.Equal(spki, issued.Certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void FromSubjectPublicKeyInfo_WhenRsa1024_RefusesAsUnacceptable()
    {
        using var weak = RSA.Create(1024);

        var error = Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromSubjectPublicKeyInfo(weak.ExportSubjectPublicKeyInfo()));

        Assert.Equal(RequestRejection.UnacceptableKey, error.Reason);
        Assert.Contains("1024 bits", error.Message);
    }

    [Fact]
    public void FromSubjectPublicKeyInfo_WhenEcKey_RefusesAsUnsupported()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromSubjectPublicKeyInfo(ec.ExportSubjectPublicKeyInfo()));

        Assert.Equal(RequestRejection.UnsupportedKeyAlgorithm, error.Reason);
    }

    [Fact]
    public void FromSubjectPublicKeyInfo_WhenNotDerOrTrailingBytes_RefusesAsMalformed()
    {
        byte[] withTrailer = [.. Given.CardKey().ExportSubjectPublicKeyInfo(), 0x00];

        Assert.Equal(RequestRejection.Malformed, Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromSubjectPublicKeyInfo([0x30, 0x03, 0x01])).Reason);
        Assert.Equal(RequestRejection.Malformed, Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromSubjectPublicKeyInfo(withTrailer)).Reason);
    }

    [Fact]
    public void FromPkcs10_WhenSignedByItsKey_IsCertifiedWithThatKeyAndNotItsSubject()
    {
        var request = new CertificateRequest("CN=anything the card says", Given.CardKey(1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        using var issued = toyama.Authority.Issue(Given.Subject, SubscriberKey.FromPkcs10(request.CreateSigningRequest()), Given.FarCardExpiry);

        Assert.Equal(Given.CardKey(1).ExportSubjectPublicKeyInfo(), issued.Certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.DoesNotContain("anything", issued.Certificate.Subject);
    }

    [Fact]
    public void FromPkcs10_WhenSignatureBroken_RefusesWithAClearError()
    {
        var der = new CertificateRequest("CN=card", Given.CardKey(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest();
        der[^1] ^= 0x01;

        var error = Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromPkcs10(der));

        Assert.Equal(RequestRejection.BadSignature, error.Reason);
        Assert.Contains("signature does not verify", error.Message);
        Assert.Contains("Nothing was issued", error.Message);
    }

    [Fact]
    public void FromPkcs10_WhenSubjectAlteredAfterSigning_RefusesAsBadSignature()
    {
        var der = new CertificateRequest("CN=card-A", Given.CardKey(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest();
        var at = der.AsSpan().IndexOf("card-A"u8);
        der[at + 5] = (byte)'B';

        Assert.Equal(RequestRejection.BadSignature, Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromPkcs10(der)).Reason);
    }

    [Fact]
    public void FromPkcs10_WhenNotARequest_RefusesAsMalformed()
    {
        Assert.Equal(RequestRejection.Malformed, Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromPkcs10([0x30, 0x82, 0x01])).Reason);
        Assert.Equal(RequestRejection.Malformed, Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromPkcs10(toyama.Authority.Certificate.RawData)).Reason);
        Assert.Equal(RequestRejection.Malformed, Assert.Throws<CertificateRequestRejectedException>(() => SubscriberKey.FromPkcs10Pem("no pem here")).Reason);
    }

    [Fact]
    public void FromPkcs10Pem_WhenMadeByOpenSsl_IsCertifiedAndOpenSslVerifiesTheResult()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("card.key"), Given.CardKey().ExportPkcs8PrivateKeyPem());
        Tool.OpenSslOk(folder.Path, "req", "-new", "-key", "card.key", "-subj", "/CN=card", "-sha256", "-out", "card.csr");

        var key = SubscriberKey.FromPkcs10Pem(File.ReadAllText(folder.File("card.csr")));
        using var issued = toyama.Authority.Issue(Given.Subject, key, Given.FarCardExpiry);

        folder.WritePem("ca.pem", toyama.Authority.Certificate);
        folder.WritePem("card.pem", issued.Certificate);
        Assert.Contains("card.pem: OK", Tool.OpenSslOk(folder.Path, "verify", "-x509_strict", "-CAfile", "ca.pem", "card.pem"));
    }
}
