namespace CounterApp.Pki.Ocsp;

/// <summary>Compares byte arrays by content; the hash is seeded per process, so crafted keys cannot flood one bucket.</summary>
internal sealed class ByteSequenceComparer : IEqualityComparer<byte[]>
{
    public static ByteSequenceComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
