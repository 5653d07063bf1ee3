using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Receipts;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Features.RulesDemo;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

public sealed record TakeFee(Guid ApplicationId, string Actor, int? CounterId, bool NewResidentCard = false);

/// <summary>
/// R-FE-01/02: the fee lines from the schedule, the receipt numbered from the office's book in the payment's own
/// transaction, and the application paid (nobody pays twice, R-FE-03). A closed ledger day refuses the payment, and so
/// does the application itself when its visit may not issue (R-VI-02/03, R-FE-02: <see cref="VisitRuleException"/>).
/// </summary>
public sealed class TakeFeeHandler(CounterDbContext db, AuditTrail audit, ReceiptBook receipts)
{
    public const string AuditAction = "application.fee-paid";

    public async Task<IssuanceResult> HandleAsync(TakeFee request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
        if (loaded is null)
        {
            return IssuanceResult.NotFound();
        }

        var application = loaded.Application;
        if (application.State != ApplicationState.IdentityVerified)
        {
            return IssuanceResult.WrongStep(application.State.ToString());
        }

        var reference = await CounterReference.LoadAsync(db, cancellationToken)
            ?? throw new InvalidOperationException("The office has no fee schedule.");
        var lines = FeeRules.LinesFor(application.Procedure, request.NewResidentCard, reference.Fees);
        var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await audit.LockChainAsync(cancellationToken);
            var receipt = await receipts.IssueAsync(
                new ReceiptRequest(loaded.Record.OfficeId, lines, request.Actor)
                {
                    CounterId = request.CounterId,
                    ApplicationId = loaded.Record.Id,
                    ResidentCode = loaded.Resident.ResidentCode,
                },
                cancellationToken);
            VisitRuleException? refused = null;
            try
            {
                application.Pay(ApplicationMapper.ToPayment(receipt));
            }
            catch (VisitRuleException e)
            {
                // R-VI-02/03, R-FE-02: the application itself refuses a payment its visit forbids, whatever was checked
                // before. Nothing is kept: the receipt number drawn above goes back with the transaction.
                refused = e;
            }

            if (refused is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await audit.AppendAsync(
                    IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Refused, ("rules", IssuanceAudit.Rules(refused.BrokenRules))),
                    cancellationToken);
                return new IssuanceResult(IssuanceOutcome.Rejected, refused.BrokenRules, IssuanceText.Get("VisitForbidsStep"))
                {
                    ApplicationId = loaded.Record.Id,
                };
            }

            var saved = await ApplicationMapper.SaveAsync(db, application, loaded.Record, cancellationToken);
            if (!saved.Succeeded)
            {
                return IssuanceResult.Conflict(saved.Message);
            }

            await audit.AppendAsync(
                IssuanceAudit.Event(request.Actor, counter, loaded, AuditAction, AuditOutcomes.Succeeded, ("receipt", receipt.Number), ("total", FeeRules.Total(lines).ToString(System.Globalization.CultureInfo.InvariantCulture))),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return IssuanceResult.Done() with { ApplicationId = loaded.Record.Id, ReceiptNumber = receipt.Number };
        }
        catch (DbUpdateException e) when (ClosedDayRefusal.Is(e))
        {
            db.ChangeTracker.Clear();
            return new IssuanceResult(IssuanceOutcome.Conflict, [new("R-FE-04", "ledger.day", IssuanceText.Get("LedgerDayClosed"))], IssuanceText.Get("LedgerDayClosed"))
            {
                ApplicationId = loaded.Record.Id,
            };
        }
    }
}
