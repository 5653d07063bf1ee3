using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>One line of the letters page.</summary>
public sealed record LetterRow(
    long Id, string Reference, Guid ApplicationId, string AddresseeName, string Address, DateOnly PreparedOn, DateOnly? MailedOn, int ValidDays, LetterStatus Status)
{
    public string Display => InquiryReference.TryParse(Reference, out var r) ? r!.Display : Reference;

    public DateOnly? ValidThrough => MailedOn?.AddDays(ValidDays);
}

/// <summary>The letters of an office by status: to be mailed, mailed, returned (newest first).</summary>
public sealed class LetterQueries(CounterDbContext db)
{
    public async Task<IReadOnlyList<LetterRow>> ListAsync(int? officeId, LetterStatus status, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from l in db.InquiryLetters.AsNoTracking()
            join a in db.Applications.AsNoTracking() on l.ApplicationId equals a.Id
            where l.Status == status && (officeId == null || a.OfficeId == officeId)
            select new LetterRow(l.Id, l.Reference, l.ApplicationId, l.AddresseeName, l.Address, l.PreparedOn, l.MailedOn, l.ValidDays, l.Status))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Id).Take(200).ToList();
    }

    /// <summary>The application's current letter (prepared or mailed), if any.</summary>
    public async Task<LetterRow?> CurrentForAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        var rows = await db.InquiryLetters.AsNoTracking()
            .Where(l => l.ApplicationId == applicationId && l.Status != LetterStatus.Superseded && l.Status != LetterStatus.Cancelled)
            .Select(l => new LetterRow(l.Id, l.Reference, l.ApplicationId, l.AddresseeName, l.Address, l.PreparedOn, l.MailedOn, l.ValidDays, l.Status))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Id).FirstOrDefault();
    }
}
