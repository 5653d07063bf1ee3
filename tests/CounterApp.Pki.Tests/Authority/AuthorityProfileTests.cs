using CounterApp.Pki.Authority;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Authority;

[Trait("Rule", "R-CE-02")]
public sealed class AuthorityProfileTests
{
    [Fact]
    public void Toyama_WhenDemo_IsTheGovernorsCaWithStableUrls()
    {
        var profile = AuthorityProfile.Toyama(new Uri("http://localhost:5080/"));

        profile.Validate();
        Assert.Equal("toyama", profile.Id);
        Assert.Equal("富山県知事", profile.Governor);
        Assert.Equal(2048, profile.KeySizeInBits);
        Assert.Equal(TimeSpan.FromHours(24), profile.CrlLifetime);
        Assert.Equal("http://localhost:5080/ca/toyama.cer", profile.CertificateUri.AbsoluteUri);
        Assert.Equal("http://localhost:5080/crl/toyama.crl", profile.CrlUri.AbsoluteUri);
        Assert.Equal("http://localhost:5080/ocsp", profile.OcspUri.AbsoluteUri);
    }

    [Theory]
    [InlineData("Id", "Toyama")]
    [InlineData("Id", "../toyama")]
    [InlineData("Id", "")]
    [InlineData("Governor", " ")]
    [InlineData("PublicBaseUri", "ftp://ca.example/")]
    [InlineData("PublicBaseUri", "http://ca.example/pki")]
    [InlineData("PolicyOid", "1.2.392.")]
    [InlineData("PolicyOid", "policy")]
    [InlineData("KeySizeInBits", "1024")]
    [InlineData("AuthorityValidityYears", "3")]
    [InlineData("CrlLifetime", "00:01:00")]
    [InlineData("OcspResponseLifetime", "30.00:00:00")]
    [InlineData("ResponderRenewBefore", "100.00:00:00")]
    public void Validate_WhenSettingUnusable_RefusesNamingTheField(string field, string value)
    {
        var profile = field switch
        {
            "Id" => Given.Toyama with { Id = value },
            "Governor" => Given.Toyama with { Governor = value },
            "PublicBaseUri" => Given.Toyama with { PublicBaseUri = new Uri(value) },
            "PolicyOid" => Given.Toyama with { PolicyOid = value },
            "KeySizeInBits" => Given.Toyama with { KeySizeInBits = int.Parse(value) },
            "AuthorityValidityYears" => Given.Toyama with { AuthorityValidityYears = int.Parse(value) },
            "CrlLifetime" => Given.Toyama with { CrlLifetime = TimeSpan.Parse(value) },
            "OcspResponseLifetime" => Given.Toyama with { OcspResponseLifetime = TimeSpan.Parse(value) },
            _ => Given.Toyama with { ResponderRenewBefore = TimeSpan.Parse(value) },
        };

        var error = Assert.ThrowsAny<ArgumentException>(profile.Validate);

        Assert.Equal(field, error.ParamName);
        Assert.StartsWith(field, error.Message);
    }
}
