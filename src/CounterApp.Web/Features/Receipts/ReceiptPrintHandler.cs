using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Receipts;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Receipts;

public enum ReceiptPrintStatus
{
    Printed,
    NotFound,

    /// <summary>R-FE-03: a voided or refunded payment gets no fresh receipt (the document has no void mark to print).</summary>
    Voided,
}

/// <summary>A printed receipt (the PDF and its number), or why not.</summary>
public sealed record ReceiptPrintResult(ReceiptPrintStatus Status, string? Number = null, byte[]? Pdf = null);

/// <summary>
/// Reprints 領収書 from the stored receipt (R-FE-02): number, paid at, office, counter, lines, the clerk's display name
/// and the payer (the application's resident). One query reads it all; every print or refusal is audited (R-X-01) with
/// the resident's code, so it shows on the resident's page.
/// </summary>
public sealed class ReceiptPrintHandler(CounterDbContext db, DocumentRenderer renderer, AuditTrail audit)
{
    public const string AuditAction = "fee.receipt-printed";

    /// <param name="actor">The signed-in user name printing.</param>
    /// <param name="counterId">The counter the actor sits at, when chosen (audited by its number).</param>
    public async Task<ReceiptPrintResult> PrintAsync(long receiptId, string actor, int? counterId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var receipt = await (
            from r in db.Receipts.AsNoTracking()
            join o in db.Offices on r.OfficeId equals o.Id
            where r.Id == receiptId
            select new
            {
                r.Number,
                r.PaidAt,
                o.MunicipalityName,
                OfficeName = o.Name,
                CounterName = db.Counters.Where(c => c.Id == r.CounterId).Select(c => c.Name).FirstOrDefault(),
                ClerkName = db.Users.Where(u => u.UserName == r.Clerk).Select(u => u.DisplayName).FirstOrDefault() ?? r.Clerk,
                Payer = db.Applications.Where(a => a.Id == r.ApplicationId).Select(a => new { a.Resident!.FamilyName, a.Resident.GivenName, a.Resident.ResidentCode }).FirstOrDefault(),
                Voided = r.Void != null,
                Lines = r.Lines.OrderBy(l => l.Id).Select(l => new FeeLine(l.Item, l.Amount)).ToList(),
                ActorCounter = db.Counters.Where(c => c.Id == counterId).Select(c => (int?)c.Number).FirstOrDefault(),
            }).SingleOrDefaultAsync(cancellationToken);
        if (receipt is null)
        {
            return new ReceiptPrintResult(ReceiptPrintStatus.NotFound);
        }

        var outcome = receipt.Voided ? AuditOutcomes.Refused : AuditOutcomes.Succeeded;
        byte[]? pdf = null;
        if (!receipt.Voided)
        {
            var data = new ReceiptData(
                receipt.MunicipalityName,
                receipt.OfficeName,
                receipt.Number,
                new DateTimeOffset(DateTime.SpecifyKind(receipt.PaidAt, DateTimeKind.Utc)),
                receipt.Lines,
                receipt.ClerkName,
                receipt.CounterName,
                receipt.Payer is { } payer ? payer.FamilyName + " " + payer.GivenName : null);
            pdf = renderer.Render(new ReceiptDocument(data)).ToArray();
        }

        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Counter = receipt.ActorCounter?.ToString(CultureInfo.InvariantCulture),
                ResidentCode = receipt.Payer?.ResidentCode,
                Action = AuditAction,
                Outcome = outcome,
                Details = new Dictionary<string, string?>
                {
                    ["receipt"] = receipt.Number,
                    ["receiptId"] = receiptId.ToString(CultureInfo.InvariantCulture),
                    ["reason"] = receipt.Voided ? "voided" : null,
                },
            },
            cancellationToken);

        return receipt.Voided
            ? new ReceiptPrintResult(ReceiptPrintStatus.Voided, receipt.Number)
            : new ReceiptPrintResult(ReceiptPrintStatus.Printed, receipt.Number, pdf);
    }
}
