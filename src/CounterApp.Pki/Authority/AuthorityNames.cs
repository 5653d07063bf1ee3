using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Authority;

/// <summary>The distinguished names the CA writes: country first, then prefecture, organisation, and the name proper.</summary>
internal static class AuthorityNames
{
    /// <summary>C=JP, ST=富山県, O=公的個人認証サービス, CN=富山県知事.</summary>
    public static X500DistinguishedName Authority(AuthorityProfile profile) => Build(profile, profile.Governor);

    /// <summary>The delegated OCSP responder: same prefix, CN=富山県知事 OCSP Responder.</summary>
    public static X500DistinguishedName Responder(AuthorityProfile profile) => Build(profile, profile.Governor + " OCSP Responder");

    private static X500DistinguishedName Build(AuthorityProfile profile, string commonName)
    {
        // The builder encodes the last RDN added first (RFC 4514 string order), so the name is added from CN up to C.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName(profile.Organization);
        builder.AddStateOrProvinceName(profile.Prefecture);
        builder.AddCountryOrRegion("JP");
        return builder.Build();
    }
}
