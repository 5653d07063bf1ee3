using CounterApp.Domain.Rules;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Letters;

/// <summary>
/// R-VI-04: a letter is usable at the second visit only if mailed, for this application, and within its validity;
/// an expired, used, returned, superseded or cancelled letter cannot be used.
/// </summary>
public sealed class LetterUsableRule(InquiryLetter letter, Guid applicationId, DateOnly today) : BusinessRule("R-VI-04", "letter.reference")
{
    private string? Problem() => letter.Status switch
    {
        LetterStatus.Prepared => VisitMessages.Catalog.Format("LetterNotMailed"),
        LetterStatus.Used => VisitMessages.Catalog.Format("LetterUsed"),
        LetterStatus.ReturnedUndeliverable => VisitMessages.Catalog.Format("LetterReturned"),
        LetterStatus.Superseded => VisitMessages.Catalog.Format("LetterSuperseded"),
        LetterStatus.Expired => VisitMessages.Catalog.Format("LetterExpiredStatus"),
        LetterStatus.Cancelled => VisitMessages.Catalog.Format("LetterCancelled"),
        _ when letter.ApplicationId != applicationId => VisitMessages.Catalog.Format("LetterOtherApplication"),
        _ when today > letter.ValidThrough => VisitMessages.Catalog.Format("LetterExpired", letter.ValidThrough!.Value),
        _ => null,
    };

    public override bool IsBroken() => Problem() is not null;

    public override string Message => Problem() ?? string.Empty;
}
