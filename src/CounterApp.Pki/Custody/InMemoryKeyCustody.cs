using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CounterApp.Pki.Custody;

/// <summary>Keys held in memory for the life of the process: tests, and demos whose CA may vanish on restart.</summary>
public sealed class InMemoryKeyCustody : IKeyCustody
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public RSA? Open(string keyId)
    {
        KeyIds.Validate(keyId);
        if (!_keys.TryGetValue(keyId, out var pkcs8))
        {
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return rsa;
    }

    public RSA Generate(string keyId, int keySizeInBits)
    {
        KeyIds.Validate(keyId);
        var rsa = RSA.Create(keySizeInBits);
        if (!_keys.TryAdd(keyId, rsa.ExportPkcs8PrivateKey()))
        {
            rsa.Dispose();
            throw new KeyCustodyException($"A key is already kept under '{keyId}'; keys are never overwritten.");
        }

        return rsa;
    }
}
