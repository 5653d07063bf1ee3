namespace CounterApp.Pki.Issuance;

/// <summary>Why a card's public key or PKCS#10 request was refused; the web layer shows a message per reason.</summary>
public enum RequestRejection
{
    /// <summary>Not well-formed DER (or trailing bytes after it).</summary>
    Malformed,

    /// <summary>The PKCS#10 signature does not verify with the key it carries: the request was altered or not made by that key.</summary>
    BadSignature,

    /// <summary>Not an RSA key (R-CE-01: the card generates RSA keys).</summary>
    UnsupportedKeyAlgorithm,

    /// <summary>An RSA key outside 2048–8192 bits or with an unusable public exponent.</summary>
    UnacceptableKey,

    /// <summary>The request id already has a certificate for another public key: a request is signed once, for one key.</summary>
    RequestIdReused,
}
