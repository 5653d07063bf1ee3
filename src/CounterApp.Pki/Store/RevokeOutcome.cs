namespace CounterApp.Pki.Store;

/// <summary>What a revocation did. Revoking twice is not an error: the first revocation (time and reason) stands.</summary>
public enum RevokeOutcome
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}
