namespace CounterApp.Domain.Applications;

/// <summary>
/// What the counter asks the CA to sign, recorded before it asks (R-CE-09): the request id the CA's issuance is
/// idempotent by, the card the key was generated on, and the SHA-256 of that public key (upper-case hex).
/// </summary>
public sealed record IssuanceIntent(Guid RequestId, string CardNumber, string PublicKeySha256)
{
    public void Validate()
    {
        if (RequestId == Guid.Empty)
        {
            throw new ArgumentException("An issuance request has an id.", nameof(RequestId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(CardNumber);
        if (PublicKeySha256 is not { Length: 64 } || !PublicKeySha256.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F'))
        {
            throw new ArgumentException("The public key hash is a SHA-256 in upper-case hex.", nameof(PublicKeySha256));
        }
    }
}
