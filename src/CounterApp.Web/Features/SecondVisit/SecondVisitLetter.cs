using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.SecondVisit;

/// <summary>What the clerk sees once the reference number is found: the application the letter belongs to.</summary>
public sealed record SecondVisitSummary(
    Guid ApplicationId,
    string Reference,
    string ReferenceDisplay,
    Procedure Procedure,
    ApplicantKind FirstVisitApplicant,
    ApplicationState State,
    string ResidentName,
    string ResidentCode,
    DateOnly? MailedOn,
    DateOnly? ValidThrough);

/// <summary>
/// The letter behind a typed or scanned reference number (the letter's QR code holds the 12 digits, so a
/// keyboard-wedge scanner types exactly what a clerk would). R-VI-04: the number must be well formed and the letter
/// usable (not expired, used, returned or superseded), and its application waiting for the answer.
/// </summary>
public sealed class SecondVisitLookup(CounterDbContext db, TimeProvider time)
{
    public async Task<(SecondVisitSummary? Summary, IssuanceResult? Refusal)> FindAsync(string? typed, CancellationToken cancellationToken = default)
    {
        if (!InquiryReference.TryParse(typed, out var reference))
        {
            var format = new InquiryReferenceRule(typed);
            return (null, IssuanceResult.Invalid(format.RuleId, format.Field, format.Message));
        }

        var letter = await LoadAsync(db, reference!, cancellationToken);
        var today = TokyoClock.Today(time);
        if (Problem(letter, today) is { } problem)
        {
            return (null, problem with { ApplicationId = letter?.Letter.ApplicationId });
        }

        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == letter!.Record.ApplicationId, cancellationToken);
        if (application.State != ApplicationState.InquiryLetterMailed)
        {
            return (null, IssuanceResult.WrongStep(application.State.ToString()) with { ApplicationId = application.Id });
        }

        var l = letter!.Letter;
        return (new SecondVisitSummary(
            application.Id, l.Reference.Value, l.Reference.Display, application.Procedure, application.Applicant, application.State,
            letter.Resident.ToDomain().FullName, letter.Resident.ResidentCode, l.MailedOn, l.ValidThrough), null);
    }

    /// <summary>The letter with this reference (tracked), or null.</summary>
    internal static async Task<LoadedLetter?> LoadAsync(CounterDbContext db, InquiryReference reference, CancellationToken cancellationToken)
    {
        var id = await db.InquiryLetters.AsNoTracking().Where(l => l.Reference == reference.Value).Select(l => (long?)l.Id).SingleOrDefaultAsync(cancellationToken);
        return id is { } letterId ? await LoadedLetter.LoadAsync(db, letterId, cancellationToken) : null;
    }

    /// <summary>R-VI-04 on the letter alone: found, and usable today.</summary>
    internal static IssuanceResult? Problem(LoadedLetter? letter, DateOnly today)
    {
        if (letter is null)
        {
            return IssuanceResult.Invalid("R-VI-04", "letter.reference", SecondVisitText.Get("LetterNotFound"));
        }

        var usable = new LetterUsableRule(letter.Letter, letter.Letter.ApplicationId, today);
        return usable.IsBroken() ? IssuanceResult.Invalid(usable.RuleId, usable.Field, usable.Message) : null;
    }
}
