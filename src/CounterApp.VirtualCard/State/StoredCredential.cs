using System.Security.Cryptography;

namespace CounterApp.VirtualCard.State;

/// <summary>
/// A PIN or password as the card keeps it: a salted PBKDF2 hash and the tries left, never the value
/// (R-X-02: the store on disk holds no PIN or password).
/// </summary>
internal sealed class StoredCredential
{
    private const int Iterations = 10_000;
    private const int HashLength = 32;

    public required byte[] Salt { get; set; }

    public required byte[] Hash { get; set; }

    public required int TriesLeft { get; set; }

    public required int MaxTries { get; set; }

    public bool IsBlocked => TriesLeft <= 0;

    public static StoredCredential Create(ReadOnlySpan<byte> value, int maxTries)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new StoredCredential { Salt = salt, Hash = Derive(value, salt), TriesLeft = maxTries, MaxTries = maxTries };
    }

    public bool Matches(ReadOnlySpan<byte> value)
    {
        var candidate = Derive(value, Salt);
        try
        {
            return CryptographicOperations.FixedTimeEquals(candidate, Hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(candidate);
        }
    }

    private static byte[] Derive(ReadOnlySpan<byte> value, ReadOnlySpan<byte> salt) =>
        Rfc2898DeriveBytes.Pbkdf2(value, salt, Iterations, HashAlgorithmName.SHA256, HashLength);
}
