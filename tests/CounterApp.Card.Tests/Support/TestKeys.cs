using System.Security.Cryptography;

namespace CounterApp.Card.Tests.Support;

/// <summary>
/// A few RSA-2048 keys made once per run and handed out in turn to in-process cards' GENERATE KEY PAIR, so the
/// APDU tests do not each wait for a key generation. Real-stack tests let the card generate for real.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<RSAParameters>[] Pool =
        Enumerable.Range(0, 3).Select(_ => new Lazy<RSAParameters>(() =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportParameters(true);
        })).ToArray();

    private static readonly Lazy<RSAParameters> StrangerKey = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(true);
    });

    private static int _next = -1;

    /// <summary>A key outside the pool: never the key a test card holds.</summary>
    public static RSA Stranger()
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(StrangerKey.Value);
        return rsa;
    }

    public static RSA Next()
    {
        var parameters = Pool[(int)((uint)Interlocked.Increment(ref _next) % Pool.Length)].Value;
        var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        return rsa;
    }
}
