using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Documents.Letters;

/// <summary>
/// The day's mail run: every inquiry letter of an office marked mailed on a day (R-VI-02/03), one letter a page, in
/// reference order. Name and address come from the letter row, which took them from the register when the letter was
/// prepared (R-VI-05); superseded, returned or used letters are not printed.
/// </summary>
public sealed class InquiryLetterBatch(CounterDbContext db, DocumentRenderer renderer)
{
    public async Task<IReadOnlyList<InquiryLetterData>> MailedOnAsync(int officeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from l in db.InquiryLetters.AsNoTracking()
            join a in db.Applications.AsNoTracking() on l.ApplicationId equals a.Id
            join o in db.Offices.AsNoTracking() on a.OfficeId equals o.Id
            where a.OfficeId == officeId && l.MailedOn == day && l.Status == LetterStatus.Mailed
            orderby l.Reference
            select new { Letter = l, a.Procedure, a.Applicant, a.ReceivedAt, o.MunicipalityName, OfficeName = o.Name }).ToListAsync(cancellationToken);

        return rows.Select(r =>
        {
            if (!InquiryReference.TryParse(r.Letter.Reference, out var reference))
            {
                throw new InvalidOperationException($"Inquiry letter {r.Letter.Id} has an invalid reference number.");
            }

            return new InquiryLetterData(
                r.MunicipalityName,
                r.OfficeName,
                reference!,
                r.Letter.AddresseeName,
                r.Letter.Address,
                r.Procedure,
                r.Applicant,
                DateOnly.FromDateTime(Domain.Time.TokyoClock.ToTokyo(new DateTimeOffset(DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc)))),
                day,
                day.AddDays(r.Letter.ValidDays));
        }).ToList();
    }

    /// <summary>The batch as one PDF; null when no letter was mailed that day.</summary>
    public async Task<RenderedDocument?> PrintMailedOnAsync(int officeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var letters = await MailedOnAsync(officeId, day, cancellationToken);
        return letters.Count == 0 ? null : renderer.Render(new InquiryLetterDocument(letters));
    }
}
