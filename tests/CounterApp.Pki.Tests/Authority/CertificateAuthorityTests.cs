using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Time;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Store;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Authority;

[Trait("Rule", "R-CE-02")]
public sealed class CertificateAuthorityTests(AuthorityFixture toyama, MiyagiFixture miyagi)
{
    [Fact]
    public void OpenOrCreate_WhenFirstUse_CreatesASelfSignedCaNamedForTheGovernor()
    {
        var ca = toyama.Authority.Certificate;

        Assert.Equal(ca.SubjectName.RawData, ca.IssuerName.RawData);
        Assert.Equal(["C=JP", "S=富山県", "O=公的個人認証サービス", "CN=富山県知事"], Rdns(ca.SubjectName));
        var basic = Assert.IsType<X509BasicConstraintsExtension>(ca.Extensions["2.5.29.19"]);
        Assert.True(basic.Critical);
        Assert.True(basic.CertificateAuthority);
        var usage = Assert.IsType<X509KeyUsageExtension>(ca.Extensions["2.5.29.15"]);
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        var ski = Assert.IsType<X509SubjectKeyIdentifierExtension>(ca.Extensions["2.5.29.14"]);
        var aki = Assert.IsType<X509AuthorityKeyIdentifierExtension>(ca.Extensions["2.5.29.35"]);
        Assert.Equal(ski.SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
        Assert.Equal(2048, ca.GetRSAPublicKey()!.KeySize);
        Assert.Equal("1.2.840.113549.1.1.11", ca.SignatureAlgorithm.Value);
        Assert.InRange((ca.NotAfter - ca.NotBefore).TotalDays, 20 * 365, 20 * 366);
        Assert.Equal(TimeSpan.Zero, TokyoClock.ToTokyo(new DateTimeOffset(ca.NotBefore)).TimeOfDay);
        Assert.NotNull(toyama.Store.Find(CertificateSerial.Parse(ca.SerialNumber)));
    }

    [Fact]
    public void OpenOrCreate_WhenKeySizeConfigured_UsesItForCaAndResponder()
    {
        Assert.Equal(3072, miyagi.Authority.Certificate.GetRSAPublicKey()!.KeySize);
        Assert.Equal(3072, miyagi.Authority.ResponderCertificate.GetRSAPublicKey()!.KeySize);
        Assert.Contains("CN=宮城県知事", miyagi.Authority.Certificate.Subject);
    }

    [Fact]
    public void OpenOrCreate_WhenOpenedAgain_ReusesKeyCertificateAndResponder()
    {
        using var folder = new TempFolder();
        var store = new InMemoryCertificateStore();
        string thumbprint, responder;
        using (var custody = new EncryptedPkcs8FileCustody(folder.Path, "correct horse battery staple", iterations: 1000))
        using (var first = CertificateAuthority.OpenOrCreate(Given.Toyama, custody, store))
        {
            thumbprint = first.Certificate.Thumbprint;
            responder = first.ResponderCertificate.Thumbprint;
        }

        using (var custody = new EncryptedPkcs8FileCustody(folder.Path, "correct horse battery staple", iterations: 1000))
        using (var second = CertificateAuthority.OpenOrCreate(Given.Toyama, custody, store))
        {
            Assert.Equal(thumbprint, second.Certificate.Thumbprint);
            Assert.Equal(responder, second.ResponderCertificate.Thumbprint);
        }

        using var wrong = new EncryptedPkcs8FileCustody(folder.Path, "not the passphrase at all", iterations: 1000);
        var error = Assert.Throws<KeyCustodyException>(() => CertificateAuthority.OpenOrCreate(Given.Toyama, wrong, store));
        Assert.Contains("toyama-ca", error.Message);
        Assert.DoesNotContain("passphrase at all", error.Message);
    }

    [Fact]
    public void OpenOrCreate_WhenStoreHasCaButCustodyHasNoKey_RefusesInsteadOfRekeying()
    {
        var error = Assert.Throws<KeyCustodyException>(() => CertificateAuthority.OpenOrCreate(Given.Toyama, new InMemoryKeyCustody(), toyama.Store));

        Assert.Contains("no key 'toyama-ca'", error.Message);
    }

    [Fact]
    public void OpenOrCreate_WhenCustodyHoldsAnotherKey_Refuses()
    {
        var custody = new InMemoryKeyCustody();
        custody.Generate("toyama-ca", 2048).Dispose();

        var error = Assert.Throws<KeyCustodyException>(() => CertificateAuthority.OpenOrCreate(Given.Toyama, custody, toyama.Store));

        Assert.Contains("does not match", error.Message);
    }

    [Fact]
    public void OpenOrCreate_WhenProfileInvalid_RefusesBeforeTouchingCustody()
    {
        var custody = new InMemoryKeyCustody();

        Assert.ThrowsAny<ArgumentException>(() => CertificateAuthority.OpenOrCreate(Given.Toyama with { PolicyOid = "x" }, custody, new InMemoryCertificateStore()));
        Assert.Null(custody.Open("toyama-ca"));
    }

    [Fact]
    public void ResponderCertificate_IsADelegatedOcspSignerIssuedByTheCa()
    {
        var responder = toyama.Authority.ResponderCertificate;
        var ca = toyama.Authority.Certificate;

        Assert.Equal(ca.SubjectName.RawData, responder.IssuerName.RawData);
        var eku = Assert.IsType<X509EnhancedKeyUsageExtension>(responder.Extensions["2.5.29.37"]);
        Assert.Equal(["1.3.6.1.5.5.7.3.9"], eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        var noCheck = responder.Extensions["1.3.6.1.5.5.7.48.1.5"];
        Assert.NotNull(noCheck);
        Assert.Equal([0x05, 0x00], noCheck.RawData);
        var usage = Assert.IsType<X509KeyUsageExtension>(responder.Extensions["2.5.29.15"]);
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        Assert.InRange((responder.NotAfter - responder.NotBefore).TotalDays, 89, 91);
        Assert.Equal(CertificateKind.OcspResponder, toyama.Store.Find(CertificateSerial.Parse(responder.SerialNumber))!.Kind);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(responder), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void ResponderCertificate_WhenNearItsEnd_IsReplacedByANewKeyAndCertificate()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var custody = new InMemoryKeyCustody();
        var store = new InMemoryCertificateStore();
        using var ca = CertificateAuthority.OpenOrCreate(Given.Toyama, custody, store, clock);
        var first = ca.ResponderCertificate;

        clock.Advance(TimeSpan.FromDays(59));
        Assert.Same(first, ca.ResponderCertificate);
        clock.Advance(TimeSpan.FromDays(2));
        var second = ca.ResponderCertificate;

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.NotEqual(first.PublicKey.EncodedKeyValue.RawData, second.PublicKey.EncodedKeyValue.RawData);
        Assert.True(second.NotAfter > first.NotAfter);
        Assert.NotNull(custody.Open("toyama-ocsp-" + second.SerialNumber.ToLowerInvariant()));
        Assert.Equal(second.SerialNumber, store.FindLatest(CertificateKind.OcspResponder)!.Serial.Hex);
    }

    [Fact]
    public void IssueCrossCertificate_WhenOtherIsNotACa_Refuses()
    {
        using var issued = toyama.Issue();

        Assert.Throws<ArgumentException>(() => miyagi.Authority.IssueCrossCertificate(issued.Certificate, DateTimeOffset.UtcNow.AddYears(1)));
        Assert.Throws<ArgumentException>(() => toyama.Authority.IssueCrossCertificate(toyama.Authority.Certificate, DateTimeOffset.UtcNow.AddYears(1)));
    }

    [Fact]
    public void IssueCrossCertificate_WhenOtherIsACa_CertifiesItsNameAndKeyWithPathLengthZero()
    {
        using var cross = miyagi.Authority.IssueCrossCertificate(toyama.Authority.Certificate, DateTimeOffset.UtcNow.AddYears(5));

        Assert.Equal(toyama.Authority.Certificate.SubjectName.RawData, cross.SubjectName.RawData);
        Assert.Equal(miyagi.Authority.Certificate.SubjectName.RawData, cross.IssuerName.RawData);
        Assert.Equal(toyama.Authority.Certificate.PublicKey.EncodedKeyValue.RawData, cross.PublicKey.EncodedKeyValue.RawData);
        var basic = Assert.IsType<X509BasicConstraintsExtension>(cross.Extensions["2.5.29.19"]);
        Assert.True(basic.CertificateAuthority);
        Assert.True(basic.HasPathLengthConstraint);
        Assert.Equal(0, basic.PathLengthConstraint);
    }

    private static string[] Rdns(X500DistinguishedName name) =>
        name.EnumerateRelativeDistinguishedNames(reversed: false).Select(r => $"{Short(r.GetSingleElementType().Value!)}={r.GetSingleElementValue()}").ToArray();

    private static string Short(string oid) => oid switch
    {
        "2.5.4.6" => "C",
        "2.5.4.8" => "S",
        "2.5.4.7" => "L",
        "2.5.4.10" => "O",
        "2.5.4.3" => "CN",
        _ => oid,
    };
}
