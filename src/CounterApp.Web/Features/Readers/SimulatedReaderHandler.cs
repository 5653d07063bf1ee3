using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Pki;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The simulation panel's actions: put a resident's card into a counter's simulated reader, take it out. Each attempt
/// is audited (card.simulated-inserted / card.simulated-removed, R-X-01) with the actor, counter, resident and outcome;
/// if the audit cannot be written, the reader is put back as it was. The endpoints allow Clerk and Supervisor only.
/// </summary>
public sealed class SimulatedReaderHandler(CounterDbContext db, PkiDbContexts reads, AuditTrail audit, ICounterReaders readers)
{
    public const string InsertedAction = "card.simulated-inserted";
    public const string RemovedAction = "card.simulated-removed";

    /// <summary>At most this many cards are offered in the panel (the demo town has a handful; a large register is not a demo).</summary>
    public const int MaxChoices = 200;

    /// <summary>The simulated readers, or null when the counters use reader agents.</summary>
    public SimulatedCounterReaders? Simulated => readers as SimulatedCounterReaders;

    public async Task<SimulatedReaderOutcome> InsertAsync(int counterId, long residentCardId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Simulated is not { } simulated)
        {
            return SimulatedReaderOutcome.NotSimulated;
        }

        var counter = await CounterNameAsync(counterId, cancellationToken);
        var card = await db.ResidentCards.AsNoTracking()
            .Where(c => c.Id == residentCardId)
            .Select(c => new { c.CardNumber, c.Resident!.ResidentCode })
            .SingleOrDefaultAsync(cancellationToken);
        var outcome = counter is null ? SimulatedReaderOutcome.UnknownCounter
            : card is null ? SimulatedReaderOutcome.UnknownCard
            : simulated.Insert(counterId, card.CardNumber);
        try
        {
            await AuditAsync(InsertedAction, actor, counter, card?.ResidentCode, card?.CardNumber, residentCardId, outcome, SimulatedReaderOutcome.Inserted, cancellationToken);
        }
        catch
        {
            if (outcome == SimulatedReaderOutcome.Inserted)
            {
                simulated.Remove(counterId);
            }

            throw;
        }

        return outcome;
    }

    public async Task<SimulatedReaderOutcome> RemoveAsync(int counterId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (Simulated is not { } simulated)
        {
            return SimulatedReaderOutcome.NotSimulated;
        }

        var counter = await CounterNameAsync(counterId, cancellationToken);
        var cardNumber = simulated.CardAt(counterId);
        var residentCode = cardNumber is null
            ? null
            : await db.ResidentCards.AsNoTracking().Where(c => c.CardNumber == cardNumber).Select(c => c.Resident!.ResidentCode).SingleOrDefaultAsync(cancellationToken);
        var outcome = counter is null ? SimulatedReaderOutcome.UnknownCounter : simulated.Remove(counterId);
        try
        {
            await AuditAsync(RemovedAction, actor, counter, residentCode, cardNumber, null, outcome, SimulatedReaderOutcome.Removed, cancellationToken);
        }
        catch
        {
            if (outcome == SimulatedReaderOutcome.Removed && cardNumber is not null)
            {
                simulated.Insert(counterId, cardNumber);
            }

            throw;
        }

        return outcome;
    }

    /// <summary>
    /// The cards the panel offers: <paramref name="residentId"/>'s first, then the others by resident code. The panel
    /// renders inside pages that are still reading the request's context, so it reads on a context of its own (a
    /// concurrent second operation on one context fails on PostgreSQL).
    /// </summary>
    public async Task<IReadOnlyList<SimulatedCardChoice>> ChoicesAsync(long? residentId, CancellationToken cancellationToken = default)
    {
        await using var read = reads.CreateDbContext();
        var cards = read.ResidentCards.AsNoTracking();
        var chosen = residentId is { } id
            ? await Project(cards.Where(c => c.ResidentId == id)).ToListAsync(cancellationToken)
            : [];
        var others = await Project(cards
                .Where(c => residentId == null || c.ResidentId != residentId)
                .OrderBy(c => c.Resident!.ResidentCode).ThenBy(c => c.CardNumber)
                .Take(MaxChoices))
            .ToListAsync(cancellationToken);
        return [.. chosen.OrderBy(c => c.CardNumber, StringComparer.Ordinal), .. others];
    }

    /// <summary>The card in the counter's simulated reader with its holder, or null when empty (or not simulated).</summary>
    public async Task<SimulatedCardChoice?> CardInReaderAsync(int counterId, CancellationToken cancellationToken = default)
    {
        if (Simulated?.CardAt(counterId) is not { } cardNumber)
        {
            return null;
        }

        await using var read = reads.CreateDbContext();
        return await Project(read.ResidentCards.AsNoTracking().Where(c => c.CardNumber == cardNumber)).SingleOrDefaultAsync(cancellationToken)
            ?? new SimulatedCardChoice(0, cardNumber, 0, "", "");
    }

    private static IQueryable<SimulatedCardChoice> Project(IQueryable<Data.Entities.ResidentCardRecord> cards) =>
        cards.Select(c => new SimulatedCardChoice(
            c.Id, c.CardNumber, c.ResidentId, c.Resident!.ResidentCode, c.Resident.FamilyName + " " + c.Resident.GivenName));

    private Task<string?> CounterNameAsync(int counterId, CancellationToken cancellationToken) =>
        db.Counters.AsNoTracking().Where(c => c.Id == counterId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);

    private async Task AuditAsync(
        string action, string actor, string? counter, string? residentCode, string? cardNumber, long? residentCardId,
        SimulatedReaderOutcome outcome, SimulatedReaderOutcome success, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string?>
        {
            ["reader"] = SimulatedCounterReaders.ReaderName,
            ["cardNumber"] = cardNumber,
        };
        if (residentCardId is { } id && cardNumber is null)
        {
            details["residentCardId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (outcome != success)
        {
            details["reason"] = outcome.ToString();
        }

        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = actor,
                Counter = counter,
                ResidentCode = residentCode,
                Action = action,
                Outcome = outcome == success ? AuditOutcomes.Succeeded : AuditOutcomes.Refused,
                Details = details,
            },
            cancellationToken);
    }
}

/// <summary>A resident card the panel offers (or the one in the reader).</summary>
public sealed record SimulatedCardChoice(long CardId, string CardNumber, long ResidentId, string ResidentCode, string ResidentName);
