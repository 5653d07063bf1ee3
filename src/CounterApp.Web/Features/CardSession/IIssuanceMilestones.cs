using CounterApp.Pki.Issuance;

namespace CounterApp.Web.Features.CardSession;

/// <summary>
/// R-CE-09: what the issuance card session reports as it goes, each persisted before the session takes the next step.
/// The application's aggregate records them (Features/Issuance/IssuanceMilestoneRecorder); a failure to record stops
/// the session (<see cref="MilestoneNotRecordedException"/>), so the card never runs ahead of the record.
/// </summary>
public interface IIssuanceMilestones
{
    /// <summary>The key pair was generated on the card: records the intent (card, key hash) and returns the request id to sign under.</summary>
    Task<Guid> KeyGeneratedAsync(ReadOnlyMemory<byte> subjectPublicKeyInfo, CancellationToken cancellationToken);

    /// <summary>The CA signed (and committed) the certificate for the request: records its serial and the counter's link to it.</summary>
    Task SignedAsync(IssuedCertificate issued, CancellationToken cancellationToken);

    /// <summary>The certificate (and the CA's) are on the card.</summary>
    Task WrittenAsync(string serial, CancellationToken cancellationToken);

    /// <summary>The resident's password is set on the card: the certificate is usable.</summary>
    Task PasswordSetAsync(string serial, CancellationToken cancellationToken);
}

/// <summary>A milestone could not be recorded (a conflict, the database gone): the card session stops before its next step.</summary>
public sealed class MilestoneNotRecordedException : Exception
{
    public MilestoneNotRecordedException()
    {
    }

    public MilestoneNotRecordedException(string message)
        : base(message)
    {
    }

    public MilestoneNotRecordedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
