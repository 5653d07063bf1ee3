using System.Security.Cryptography;

namespace CounterApp.Pki.Custody;

/// <summary>
/// Keys as encrypted PKCS#8 PEM files (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC), one per key id, readable only by the
/// service account (0600 in a 0700 folder on Unix). OpenSSL reads them with the same passphrase
/// (<c>openssl pkey -in toyama-ca.key.pem</c>). The passphrase comes from the caller (configuration or an OS-protected
/// store), is held only as a private char array, wiped on <see cref="Dispose"/>, and appears in no message.
/// </summary>
public sealed class EncryptedPkcs8FileCustody : IKeyCustody, IDisposable
{
    /// <summary>PBKDF2 iterations for new files: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Opening a key costs it once.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The shortest passphrase accepted; a CA key deserves more than a PIN.</summary>
    public const int MinimumPassphraseLength = 12;

    private const string PemLabel = "ENCRYPTED PRIVATE KEY";
    private readonly char[] _passphrase;
    private readonly int _iterations;

    public EncryptedPkcs8FileCustody(string directory, ReadOnlySpan<char> passphrase, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (passphrase.Length < MinimumPassphraseLength)
        {
            throw new ArgumentException($"The key passphrase must have at least {MinimumPassphraseLength} characters.", nameof(passphrase));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Directory = Path.GetFullPath(directory);
        _passphrase = passphrase.ToArray();
        _iterations = iterations;
    }

    /// <summary>The folder holding the key files.</summary>
    public string Directory { get; }

    /// <summary>The file that holds (or would hold) a key.</summary>
    public string PathOf(string keyId)
    {
        KeyIds.Validate(keyId);
        return Path.Combine(Directory, keyId + ".key.pem");
    }

    public RSA? Open(string keyId)
    {
        var path = PathOf(keyId);
        if (!File.Exists(path))
        {
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromEncryptedPem(File.ReadAllText(path), _passphrase);
            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            throw new KeyCustodyException($"The key '{keyId}' in {path} could not be opened: wrong passphrase or a damaged file.", e);
        }
    }

    public RSA Generate(string keyId, int keySizeInBits)
    {
        var path = PathOf(keyId);
        CreatePrivateDirectory();
        var rsa = RSA.Create(keySizeInBits);
        try
        {
            var encrypted = rsa.ExportEncryptedPkcs8PrivateKey(
                _passphrase,
                new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, _iterations));
            WriteNew(path, PemEncoding.WriteString(PemLabel, encrypted), keyId);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public void Dispose() => Array.Clear(_passphrase);

    public override string ToString() => $"{nameof(EncryptedPkcs8FileCustody)}({Directory})";

    private void CreatePrivateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WriteNew(string path, string pem, string keyId)
    {
        // Written beside the target and moved into place without overwrite: a crash leaves no half key, and a second
        // process racing to create the same key fails instead of replacing the first one's key.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, options))
            {
                writer.Write(pem);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            throw new KeyCustodyException($"The key '{keyId}' could not be written to {path}; keys are never overwritten.", e);
        }
    }
}
