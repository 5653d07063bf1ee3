using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Residents;
using CounterApp.Pki.Authority;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Profile;

[Trait("Rule", "R-CE-02")]
public sealed class SubscriberProfileTests(AuthorityFixture toyama, MiyagiFixture miyagi)
{
    [Fact]
    public void Issue_WhenFromPublicKey_SubjectIsJapanPrefectureMunicipalityAndSerialCommonName()
    {
        using var issued = toyama.Issue();
        var rdns = issued.Certificate.SubjectName.EnumerateRelativeDistinguishedNames(reversed: false)
            .Select(r => (r.GetSingleElementType().Value, r.GetSingleElementValue())).ToArray();

        Assert.Equal([("2.5.4.6", "JP"), ("2.5.4.8", "富山県"), ("2.5.4.7", "上市町"), ("2.5.4.3", issued.Serial.Hex)], rdns);
        Assert.Equal(issued.Serial.Hex, issued.Certificate.SerialNumber);
        Assert.Equal(toyama.Authority.Certificate.SubjectName.RawData, issued.Certificate.IssuerName.RawData);
    }

    [Fact]
    public void Issue_WhenFromPublicKey_CarriesTheFourBasicDataItemsAsUtf8OtherNamesInTheJpkiArc()
    {
        using var issued = toyama.Issue();
        var san = issued.Certificate.Extensions["2.5.29.17"]!;

        Assert.False(san.Critical);
        var names = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
        var items = new List<(string, string)>();
        while (names.HasData)
        {
            var otherName = names.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
            var type = otherName.ReadObjectIdentifier();
            var value = otherName.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
            Assert.Equal(new Asn1Tag(UniversalTagNumber.UTF8String), value.PeekTag());
            items.Add((type, value.ReadCharacterString(UniversalTagNumber.UTF8String)));
        }

        Assert.Equal(
            [
                ("1.2.392.200149.8.5.5.1", "上市\u3000花子"),
                ("1.2.392.200149.8.5.5.4", "419900102"),
                ("1.2.392.200149.8.5.5.3", "2"),
                ("1.2.392.200149.8.5.5.5", "富山県中新川郡上市町法音寺１番地"),
            ],
            items);
        Assert.Equal(new BasicData("上市\u3000花子", "419900102", "2", "富山県中新川郡上市町法音寺１番地"), BasicDataAltName.Read(issued.Certificate));
    }

    [Fact]
    public void Issue_WhenNameOutsideJisX0208_PreservesItExactlyAsUtf8()
    {
        // 𠮷 (U+20BB7, outside the BMP) and 髙 (U+9AD9, an IBM extension) are not in JIS X 0208.
        var subject = Given.Subject with { Name = "𠮷野\u3000髙子", Address = "富山県中新川郡上市町𠮷野１丁目" };

        using var issued = toyama.Authority.Issue(subject, Given.SubscriberKey(), Given.FarCardExpiry);

        var data = BasicDataAltName.Read(issued.Certificate)!;
        Assert.Equal("𠮷野\u3000髙子", data.Name);
        Assert.Equal("富山県中新川郡上市町𠮷野１丁目", data.Address);
        var raw = issued.Certificate.Extensions["2.5.29.17"]!.RawData;
        Assert.True(raw.AsSpan().IndexOf("𠮷野"u8) >= 0, "the name's UTF-8 bytes are in the extension as given");
    }

    [Fact]
    public void Issue_KeyUsageIsDigitalSignatureAndNonRepudiationAndCritical()
    {
        using var issued = toyama.Issue();

        var usage = Assert.IsType<X509KeyUsageExtension>(issued.Certificate.Extensions["2.5.29.15"]);
        Assert.True(usage.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, usage.KeyUsages);
        var basic = Assert.IsType<X509BasicConstraintsExtension>(issued.Certificate.Extensions["2.5.29.19"]);
        Assert.False(basic.CertificateAuthority);
    }

    [Fact]
    public void Issue_CarriesPolicyCrlPointAuthorityInfoAccessAndKeyIdentifiers()
    {
        using var issued = toyama.Issue();
        var certificate = issued.Certificate;

        Assert.Equal(AuthorityProfile.DemoPolicyOid, PolicyOf(certificate));
        Assert.Contains("http://ca.test.invalid/crl/toyama.crl", CrlPointOf(certificate));
        var aia = Assert.IsType<X509AuthorityInformationAccessExtension>(certificate.Extensions["1.3.6.1.5.5.7.1.1"]);
        Assert.Equal(["http://ca.test.invalid/ocsp"], aia.EnumerateOcspUris());
        Assert.Equal(["http://ca.test.invalid/ca/toyama.cer"], aia.EnumerateCAIssuersUris());
        var ski = Assert.IsType<X509SubjectKeyIdentifierExtension>(certificate.Extensions["2.5.29.14"]);
        Assert.Equal(SHA1.HashData(certificate.PublicKey.EncodedKeyValue.RawData), ski.SubjectKeyIdentifierBytes.ToArray());
        var aki = Assert.IsType<X509AuthorityKeyIdentifierExtension>(certificate.Extensions["2.5.29.35"]);
        var caSki = (X509SubjectKeyIdentifierExtension)toyama.Authority.Certificate.Extensions["2.5.29.14"]!;
        Assert.Equal(caSki.SubjectKeyIdentifierBytes.ToArray(), aki.KeyIdentifier!.Value.ToArray());
    }

    [Fact]
    public void Issue_WhenProfileConfigured_UsesItsPolicyAndUrls()
    {
        using var issued = miyagi.Authority.Issue(Given.Subject with { Municipality = "仙台市" }, Given.SubscriberKey(), Given.FarCardExpiry);

        Assert.Equal(MiyagiFixture.PolicyOid, PolicyOf(issued.Certificate));
        Assert.Contains("http://pki.example.lg.jp/miyagi-ca/crl/miyagi.crl", CrlPointOf(issued.Certificate));
        var aia = (X509AuthorityInformationAccessExtension)issued.Certificate.Extensions["1.3.6.1.5.5.7.1.1"]!;
        Assert.Equal(["http://pki.example.lg.jp/miyagi-ca/ocsp"], aia.EnumerateOcspUris());
        Assert.Contains("S=宮城県", issued.Certificate.Subject);
    }

    [Fact]
    public void Issue_SignsWithSha256WithRsaAndTheSignatureVerifies()
    {
        using var issued = toyama.Issue();

        Assert.Equal("1.2.840.113549.1.1.11", issued.Certificate.SignatureAlgorithm.Value);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(toyama.Authority.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(issued.Certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Theory]
    [InlineData(1990, 1, 2, "419900102")]
    [InlineData(1989, 1, 7, "319890107")]
    [InlineData(1989, 1, 8, "419890108")]
    [InlineData(2019, 4, 30, "420190430")]
    [InlineData(2019, 5, 1, "520190501")]
    [InlineData(1926, 12, 24, "219261224")]
    [InlineData(1912, 7, 29, "119120729")]
    public void EncodeBirthDate_WhenAroundEraChanges_PrefixesTheEraCodeOfTheDay(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, BasicDataAltName.EncodeBirthDate(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(Sex.Male, "1")]
    [InlineData(Sex.Female, "2")]
    public void EncodeSex_UsesIso5218(Sex sex, string expected) => Assert.Equal(expected, BasicDataAltName.EncodeSex(sex));

    [Theory]
    [InlineData("Name", " ")]
    [InlineData("Name", "上市\u0000花子")]
    [InlineData("Name", "上市<lone surrogate>花子")]
    [InlineData("Address", "")]
    [InlineData("Municipality", "\t")]
    public void Issue_WhenSubjectTextUnusable_RefusesNamingTheField(string field, string value)
    {
        // Attribute strings cannot carry a lone surrogate (metadata is UTF-8), so it is put in here.
        value = value.Replace("<lone surrogate>", "\uD842", StringComparison.Ordinal);
        var subject = field switch
        {
            "Name" => Given.Subject with { Name = value },
            "Address" => Given.Subject with { Address = value },
            _ => Given.Subject with { Municipality = value },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => toyama.Authority.Issue(subject, Given.SubscriberKey(), Given.FarCardExpiry));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Issue_WhenFromResident_TakesTheFourItemsFromTheRegister()
    {
        var resident = new Resident("12345678901", "163228", RegisterStatus.Registered, "上市", "太郎", "カミイチ", "タロウ",
            new DateOnly(1975, 6, 15), Sex.Male, "富山県中新川郡上市町法音寺１番地", null, false);

        var subject = CertificateSubject.From(resident, "上市町");

        Assert.Equal(new CertificateSubject("上市町", "上市\u3000太郎", new DateOnly(1975, 6, 15), Sex.Male, "富山県中新川郡上市町法音寺１番地"), subject);
    }

    private static string PolicyOf(X509Certificate2 certificate)
    {
        var policies = new AsnReader(certificate.Extensions["2.5.29.32"]!.RawData, AsnEncodingRules.DER).ReadSequence();
        var oid = policies.ReadSequence().ReadObjectIdentifier();
        Assert.False(policies.HasData);
        return oid;
    }

    private static string CrlPointOf(X509Certificate2 certificate) =>
        System.Text.Encoding.ASCII.GetString(certificate.Extensions["2.5.29.31"]!.RawData);
}
