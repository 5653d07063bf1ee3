using System.Security.Cryptography;

namespace CounterApp.Pki.Custody;

/// <summary>
/// Where the CA's private keys live. The CA only ever signs with a key and reads its public half, so an HSM can stand
/// in for the file by returning an <see cref="RSA"/> subclass whose signing calls the HSM and whose private
/// parameters cannot be exported. The caller owns (and disposes) every <see cref="RSA"/> it gets.
/// </summary>
public interface IKeyCustody
{
    /// <summary>The key kept under <paramref name="keyId"/>, or null when there is none.</summary>
    /// <exception cref="KeyCustodyException">The key exists but cannot be opened (wrong passphrase, damaged file).</exception>
    RSA? Open(string keyId);

    /// <summary>Generates a new key and keeps it under <paramref name="keyId"/>.</summary>
    /// <exception cref="KeyCustodyException">A key is already kept under that id; keys are never overwritten.</exception>
    RSA Generate(string keyId, int keySizeInBits);
}
