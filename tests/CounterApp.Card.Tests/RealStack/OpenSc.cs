namespace CounterApp.Card.Tests.RealStack;

/// <summary>The OpenSC command-line tools as the resident's own software would use the card.</summary>
internal static class OpenSc
{
    public const string SigningTokenLabel = "JPKI (Digital Signature PIN)";
    public const string SigningKeyId = "02";
    public const string SigningCertificateId = "02";
    public const string CaCertificateId = "04";

    public static string Module { get; } =
        new[] { "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so" }
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("opensc-pkcs11.so is missing: install package opensc-pkcs11.");

    public static Task<ExternalTool.Result> Pkcs15Async(PcscdFixture pcscd, params string[] args) =>
        ExternalTool.RunAsync(pcscd, "pkcs15-tool", args);

    /// <summary>pkcs11-tool on the signing token (the slot of the Digital Signature PIN).</summary>
    public static Task<ExternalTool.Result> Pkcs11Async(PcscdFixture pcscd, params string[] args) =>
        ExternalTool.RunAsync(pcscd, "pkcs11-tool", ["--module", Module, "--token-label", SigningTokenLabel, .. args]);

    /// <summary>Logs in with the password and signs <paramref name="input"/> with SHA-256 and PKCS#1 v1.5 into <paramref name="signature"/>.</summary>
    public static Task<ExternalTool.Result> SignAsync(PcscdFixture pcscd, string password, string input, string signature) =>
        Pkcs11Async(pcscd, "--login", "--pin", password, "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", SigningKeyId,
            "--input-file", input, "--output-file", signature);

    public static Task<ExternalTool.Result> LoginAsync(PcscdFixture pcscd, string password) =>
        Pkcs11Async(pcscd, "--login", "--pin", password, "--list-objects", "--type", "privkey");
}
