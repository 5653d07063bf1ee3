namespace CounterApp.Pki.Profile;

/// <summary>The other object identifiers this library writes or reads.</summary>
internal static class Oids
{
    public const string SubjectKeyIdentifier = "2.5.29.14";
    public const string SubjectAltName = "2.5.29.17";
    public const string BasicConstraints = "2.5.29.19";
    public const string CertificatePolicies = "2.5.29.32";
    public const string OcspSigning = "1.3.6.1.5.5.7.3.9";
    public const string OcspNoCheck = "1.3.6.1.5.5.7.48.1.5";
    public const string OcspBasic = "1.3.6.1.5.5.7.48.1.1";
    public const string OcspNonce = "1.3.6.1.5.5.7.48.1.2";
    public const string Sha1 = "1.3.14.3.2.26";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";
    public const string Sha256WithRsa = "1.2.840.113549.1.1.11";
}
