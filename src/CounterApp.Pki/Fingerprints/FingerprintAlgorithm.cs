namespace CounterApp.Pki.Fingerprints;

/// <summary>
/// The hashes a CA fingerprint is published in (R-CE-07). MD5 is deliberately absent: the prefectures withdrew it
/// (seed 004), and an API that cannot produce it cannot show it by mistake.
/// </summary>
public enum FingerprintAlgorithm
{
    Sha256,
    Sha1,
}
