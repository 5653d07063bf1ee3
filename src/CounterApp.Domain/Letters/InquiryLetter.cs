using CounterApp.Domain.Residents;

namespace CounterApp.Domain.Letters;

/// <summary>
/// 照会書 (R-VI-02..05). Addressed only from the resident's register entry (R-VI-05): no constructor takes
/// another address, so a proxy's address can never end up on it. Status changes only through guarded methods.
/// </summary>
public sealed class InquiryLetter
{
    private InquiryLetter(InquiryReference reference, Guid applicationId, Resident resident, DateOnly preparedOn, int validDays)
    {
        Reference = reference;
        ApplicationId = applicationId;
        ResidentCode = resident.ResidentCode;
        AddresseeName = resident.FullName;
        Address = resident.Address;
        PreparedOn = preparedOn;
        ValidDays = validDays;
    }

    public InquiryReference Reference { get; }

    public Guid ApplicationId { get; }

    public string ResidentCode { get; }

    public string AddresseeName { get; }

    /// <summary>The resident's registered address at the time the letter was prepared.</summary>
    public string Address { get; }

    public DateOnly PreparedOn { get; }

    /// <summary>Configurable validity in days from mailing (demo: 30).</summary>
    public int ValidDays { get; }

    public DateOnly? MailedOn { get; private set; }

    public LetterStatus Status { get; private set; } = LetterStatus.Prepared;

    /// <summary>
    /// The last day the letter can be used: the mailing day is not counted (Civil Code art. 140), so a letter
    /// mailed on 1 November with 30 days is usable through 1 December.
    /// </summary>
    public DateOnly? ValidThrough => MailedOn?.AddDays(ValidDays);

    public static InquiryLetter Prepare(InquiryReference reference, Guid applicationId, Resident resident, DateOnly today, int validDays)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentOutOfRangeException.ThrowIfLessThan(validDays, 1);
        return new InquiryLetter(reference, applicationId, resident, today, validDays);
    }

    /// <summary>Rebuilds a stored letter (persistence); status and mailing day as they were saved.</summary>
    /// <exception cref="ArgumentException">The mailing day does not fit the status: a mailed, used, returned or expired
    /// letter has one (without it the letter would never expire), a prepared letter has none.</exception>
    public static InquiryLetter Restore(
        InquiryReference reference, Guid applicationId, Resident resident, DateOnly preparedOn, int validDays, LetterStatus status, DateOnly? mailedOn)
    {
        var wasMailed = status is LetterStatus.Mailed or LetterStatus.Used or LetterStatus.ReturnedUndeliverable or LetterStatus.Expired;
        if ((wasMailed && mailedOn is null) || (status == LetterStatus.Prepared && mailedOn is not null))
        {
            throw new ArgumentException($"A letter in status {status} {(mailedOn is null ? "needs" : "cannot have")} a mailing day.", nameof(mailedOn));
        }

        var letter = Prepare(reference, applicationId, resident, preparedOn, validDays);
        letter.Status = status;
        letter.MailedOn = mailedOn;
        return letter;
    }

    public void MarkMailed(DateOnly day)
    {
        Require(LetterStatus.Prepared, nameof(MarkMailed));
        if (day < PreparedOn)
        {
            throw new InvalidOperationException("A letter cannot be mailed before it was prepared.");
        }

        MailedOn = day;
        Status = LetterStatus.Mailed;
    }

    public void MarkReturnedUndeliverable()
    {
        Require(LetterStatus.Mailed, nameof(MarkReturnedUndeliverable));
        Status = LetterStatus.ReturnedUndeliverable;
    }

    /// <summary>Used at the second visit; refuses (throws) unless <see cref="LetterUsableRule"/> passes.</summary>
    public void MarkUsed(DateOnly today)
    {
        var rule = new LetterUsableRule(this, ApplicationId, today);
        if (rule.IsBroken())
        {
            throw new InvalidOperationException(rule.Message);
        }

        Status = LetterStatus.Used;
    }

    /// <summary>The application was cancelled (取下げ): a letter not yet used can no longer be brought back (R-VI-04).</summary>
    public void Cancel()
    {
        if (Status is not (LetterStatus.Prepared or LetterStatus.Mailed))
        {
            throw new InvalidOperationException($"A letter in status {Status} cannot be cancelled.");
        }

        Status = LetterStatus.Cancelled;
    }

    /// <summary>The expiry job closes letters past their validity.</summary>
    public bool ExpireIfDue(DateOnly today)
    {
        if (Status != LetterStatus.Mailed || today <= ValidThrough)
        {
            return false;
        }

        Status = LetterStatus.Expired;
        return true;
    }

    /// <summary>Reissuing voids this letter and prepares its successor for the same application and resident (R-VI-04).</summary>
    public InquiryLetter Reissue(InquiryReference newReference, Resident resident, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resident);
        if (Status is LetterStatus.Used or LetterStatus.Superseded or LetterStatus.Cancelled)
        {
            throw new InvalidOperationException($"A letter in status {Status} cannot be reissued.");
        }

        if (resident.ResidentCode != ResidentCode)
        {
            throw new InvalidOperationException("A reissued letter goes to the same resident.");
        }

        Status = LetterStatus.Superseded;
        return Prepare(newReference, ApplicationId, resident, today, ValidDays);
    }

    private void Require(LetterStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"{action} needs a letter in status {expected}; this one is {Status}.");
        }
    }
}
