namespace CounterApp.Domain.Certificates;

/// <summary>A signing certificate on a resident card.</summary>
/// <param name="Serial">The serial number as upper-case hex.</param>
/// <param name="IssuedOn">The issue day (Asia/Tokyo), the first day of validity.</param>
/// <param name="ExpiresOn">The last valid day (inclusive), from R-CE-03.</param>
/// <param name="IsLocked">Locked after five wrong passwords (R-CA-01), as read from the card.</param>
public sealed record Certificate(
    string Serial,
    string CardNumber,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    CertificateStatus Status,
    bool IsLocked = false)
{
    /// <summary>Usable on this day: not revoked and inside its validity.</summary>
    public bool IsValidOn(DateOnly day) => Status == CertificateStatus.Active && day >= IssuedOn && day <= ExpiresOn;
}
