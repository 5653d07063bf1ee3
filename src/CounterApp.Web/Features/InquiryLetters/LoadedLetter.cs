using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>A letter as loaded for an action: its tracked row, the resident's register row and the domain object.</summary>
internal sealed record LoadedLetter(InquiryLetterRecord Record, ResidentRecord Resident, InquiryLetter Letter)
{
    /// <summary>Loads a letter, tracked; call it under the audit chain's lock so its status cannot change meanwhile.</summary>
    public static async Task<LoadedLetter?> LoadAsync(CounterDbContext db, long id, CancellationToken cancellationToken)
    {
        var record = await db.InquiryLetters.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == record.ResidentId, cancellationToken);
        return new LoadedLetter(record, resident, LetterMapper.ToDomain(record, resident));
    }
}
