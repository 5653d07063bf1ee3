using System.Globalization;
using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Credentials;
using CounterApp.Domain.Residents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Issuance;

public sealed record IssueOnCard(Guid ApplicationId, string Actor, int? CounterId);

/// <summary>
/// The card step (R-CE-01/05, R-CE-09): the resident's card PIN and chosen password (typed twice) go to the card
/// session, which generates the key on the card, has the CA sign it under a request recorded first, writes it and sets
/// the password. Every milestone is recorded by the application before the next step (KeyGenerated → Issuing →
/// CertificateIssued → WrittenToCard → PasswordSet), then it completes (a renewal superseding the old certificate,
/// R-CE-04). The reader is opened only after the application, the input and the card were checked. A wrong PIN or a
/// lost card before anything was recorded leaves it at this step; a session cut later is resolved at once
/// (<see cref="InterruptedIssuance"/>): the certificate revoked, the card step offered again with the fee standing.
/// The PIN and passwords are zeroed before this returns and never stored, logged or echoed (R-X-02).
/// </summary>
public sealed class IssueOnCardHandler(
    CounterDbContext db, AuditTrail audit, CardSessionService cards, InterruptedIssuance resolver, IssuanceProgress progress, CrashPoints crash, TimeProvider time)
{
    public const string AuditAction = "application.card-issued";

    /// <summary>The card step on a connection the caller already opened (tests, tools).</summary>
    public Task<IssuanceResult> HandleAsync(
        IssueOnCard request, ISmartCardConnection connection, char[] cardPin, char[] password, char[] passwordConfirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return HandleAsync(request, _ => Task.FromResult(connection), cardPin, password, passwordConfirmation, ownsConnection: false, cancellationToken);
    }

    /// <summary>The card step; <paramref name="openCard"/> opens the counter's reader once everything else was checked.</summary>
    public async Task<IssuanceResult> HandleAsync(
        IssueOnCard request, Func<CancellationToken, Task<ISmartCardConnection>> openCard, char[] cardPin, char[] password, char[] passwordConfirmation,
        bool ownsConnection = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(openCard);
        ArgumentNullException.ThrowIfNull(cardPin);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(passwordConfirmation);
        try
        {
            var loaded = await ApplicationMapper.LoadAsync(db, request.ApplicationId, cancellationToken);
            if (loaded is null)
            {
                return IssuanceResult.NotFound();
            }

            if (loaded.Application.State != ApplicationState.FeePaid)
            {
                return IssuanceResult.WrongStep(loaded.Application.State.ToString());
            }

            if (loaded.Application.VisitForbidsIssue() is { } visit)
            {
                // Section 6: the aggregate would refuse the key step anyway; say so before the reader is opened.
                return new IssuanceResult(IssuanceOutcome.Rejected, [visit], visit.Message) { ApplicationId = loaded.Record.Id };
            }

            var broken = CredentialRules.ForIssuance(cardPin, password, passwordConfirmation);
            if (broken.Count > 0)
            {
                return new IssuanceResult(IssuanceOutcome.Invalid, broken, broken[0].Message) { ApplicationId = loaded.Record.Id };
            }

            var card = await db.ResidentCards.AsNoTracking().Include(c => c.Resident)
                .Where(c => c.ResidentId == loaded.Resident.Id && c.Status == CardStatus.Active)
                .OrderByDescending(c => c.ExpiryDate)
                .FirstOrDefaultAsync(cancellationToken);
            if (card is null)
            {
                return IssuanceResult.Invalid("R-EL-02", "resident.card", IssuanceText.Get("NoCard"));
            }

            var counter = await IssuanceAudit.CounterAsync(db, request.CounterId, cancellationToken);
            progress.Report(loaded.Record.Id, CardSessionStep.ValidateInput);
            CardSessionResult session;
            var connection = await openCard(cancellationToken);
            try
            {
                var milestones = new IssuanceMilestoneRecorder(db, audit, time, loaded, card, request.Actor, counter);
                session = await cards.IssueAsync(
                    connection, new CardSessionContext(request.Actor, counter, card, loaded.Record.Id), cardPin, password, milestones, progress.For(loaded.Record.Id),
                    cancellationToken);
                return await RecordAsync(request, loaded, counter, session, cancellationToken);
            }
            finally
            {
                progress.Finish(loaded.Record.Id);
                if (ownsConnection)
                {
                    await connection.DisposeAsync();
                }
            }
        }
        finally
        {
            Array.Clear(cardPin);
            Array.Clear(password);
            Array.Clear(passwordConfirmation);
        }
    }

    private async Task<IssuanceResult> RecordAsync(IssueOnCard request, LoadedApplication loaded, string? counter, CardSessionResult session, CancellationToken cancellationToken)
    {
        var application = loaded.Application;
        if (session.Succeeded && application.State == ApplicationState.PasswordSet)
        {
            var completed = await resolver.CompleteAsync(loaded, request.Actor, counter, cancellationToken);
            if (completed == Resolution.Completed)
            {
                await crash.ReachedAsync(CrashPoint.Completed);
                return IssuanceResult.Done(session.Message) with { ApplicationId = loaded.Record.Id, CertificateSerial = application.IssuedSerial };
            }

            // The recovery pass completes it: the password is on the card, nothing is lost.
            return IssuanceResult.Conflict(IssuanceText.Get("CompletionPending")) with { ApplicationId = loaded.Record.Id, CertificateSerial = application.IssuedSerial };
        }

        if (application.State == ApplicationState.FeePaid)
        {
            // Nothing recorded: a wrong PIN, a removed card, a lost agent before the key. The resident may try again at this step.
            return new IssuanceResult(IssuanceOutcome.Retry, [], session.Message) { ApplicationId = loaded.Record.Id, TriesLeft = session.TriesLeft };
        }

        // Cut after the key: resolve it now, from a fresh read (the tracked row may hold a milestone that failed to save).
        db.ChangeTracker.Clear();
        var reason = string.Create(CultureInfo.InvariantCulture, $"card session failed at {session.FailedStep}");
        var (resolution, revoked) = await resolver.ResolveAsync(loaded.Record.Id, request.Actor, counter, reason, CancellationToken.None);
        var message = resolution switch
        {
            Resolution.Completed => session.Message,
            Resolution.ReturnedToCardStep when revoked is not null => session.Message + " " + IssuanceText.Get("InterruptedRevoked", revoked),
            Resolution.ReturnedToCardStep => session.Message + " " + IssuanceText.Get("InterruptedNothingIssued"),
            // Another pass or clerk changed it first: the recovery pass resolves it (the password may not be set).
            _ => session.Message + " " + IssuanceText.Get("ResolutionPending"),
        };
        return resolution == Resolution.Completed
            ? IssuanceResult.Done(message) with { ApplicationId = loaded.Record.Id, CertificateSerial = session.CertificateSerial }
            : new IssuanceResult(IssuanceOutcome.Retry, [], message) { ApplicationId = loaded.Record.Id, CertificateSerial = revoked };
    }
}
