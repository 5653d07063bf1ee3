using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>Between <see cref="InquiryLetterRecord"/> and the domain <see cref="InquiryLetter"/>, and the next free reference number.</summary>
internal static class LetterMapper
{
    public static InquiryLetter ToDomain(InquiryLetterRecord record, ResidentRecord resident)
    {
        if (!InquiryReference.TryParse(record.Reference, out var reference))
        {
            throw new InvalidOperationException($"Inquiry letter {record.Id} has an invalid reference number.");
        }

        return InquiryLetter.Restore(reference!, record.ApplicationId, resident.ToDomain(), record.PreparedOn, record.ValidDays, record.Status, record.MailedOn);
    }

    /// <summary>A new row for a prepared letter; name and address are the register's (R-VI-05).</summary>
    public static InquiryLetterRecord NewRecord(InquiryLetter letter, long residentId) => new()
    {
        Reference = letter.Reference.Value,
        ApplicationId = letter.ApplicationId,
        ResidentId = residentId,
        AddresseeName = letter.AddresseeName,
        Address = letter.Address,
        PreparedOn = letter.PreparedOn,
        ValidDays = letter.ValidDays,
        Status = letter.Status,
        MailedOn = letter.MailedOn,
    };

    /// <summary>Status and mailing day; the address stays the one printed.</summary>
    public static void Apply(InquiryLetter letter, InquiryLetterRecord record)
    {
        record.Status = letter.Status;
        record.MailedOn = letter.MailedOn;
    }

    /// <summary>
    /// Office number (3 digits) and a sequence (8 digits) with the Luhn check digit (R-VI-04). Called under the
    /// audit chain's lock, so two clerks never draw the same number; the unique index would refuse it anyway.
    /// </summary>
    public static async Task<InquiryReference> NextReferenceAsync(CounterDbContext db, int officeId, CancellationToken cancellationToken)
    {
        var last = await db.InquiryLetters.MaxAsync(l => (long?)l.Id, cancellationToken) ?? 0;
        var sequence = last + 1;
        while (true)
        {
            var reference = InquiryReference.FromBody((officeId % 1000 * 100_000_000L) + (sequence % 100_000_000L));
            if (!await db.InquiryLetters.AnyAsync(l => l.Reference == reference.Value, cancellationToken))
            {
                return reference;
            }

            sequence++;
        }
    }
}
