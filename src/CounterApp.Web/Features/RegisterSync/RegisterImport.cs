using System.Globalization;
using System.Text;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>
/// Imports the register system's CSV export (README.md lists the columns). Every row is checked first; if any row
/// is bad, nothing is imported and every bad row is reported with its line, column and reason. A dry run reports
/// what would be inserted, updated and left unchanged, and how many certificates R-RV-02 would revoke.
/// Residents not in the file are left alone: the export may be partial.
/// </summary>
public sealed partial class RegisterImport(
    CounterDbContext db,
    TimeProvider time,
    IOptions<RegisterSyncOptions> options,
    AuditTrail audit,
    CertificateStatuses statuses,
    ILogger<RegisterImport> logger)
{
    private const int Chunk = 500;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<RegisterImportReport> ImportAsync(Stream csv, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<RegisterImportError>();
        var text = await ReadTextAsync(csv, errors, cancellationToken);
        var rows = text is null ? [] : ReadRows(text, errors);
        var municipality = await MunicipalityCodeAsync(errors, cancellationToken);
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RegisterImportError(1, null, RegisterValues.Message("FileHasNoRows")));
        }

        // Rows are checked against the database even when others are bad, so one run reports every problem.
        var plan = rows.Count > 0 ? await PlanAsync(rows, municipality ?? string.Empty, errors, cancellationToken) : [];
        if (errors.Count > 0 || dryRun)
        {
            return Report(dryRun, applied: false, plan, errors);
        }

        return await ApplyAsync(plan, cancellationToken);
    }

    private async Task<string?> ReadTextAsync(Stream csv, List<RegisterImportError> errors, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxImportBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await csv.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                errors.Add(new RegisterImportError(0, null, RegisterValues.Message("FileTooLarge", limit)));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes[..Math.Clamp(e.Index, 0, bytes.Length)].Count((byte)'\n');
            errors.Add(new RegisterImportError(line, null, RegisterValues.Message("FileNotUtf8")));
            return null;
        }
    }

    private List<RegisterRow> ReadRows(string text, List<RegisterImportError> errors)
    {
        var records = CsvReader.Parse(text);
        if (records.Count == 0)
        {
            errors.Add(new RegisterImportError(1, null, RegisterValues.Message("FileEmpty")));
            return [];
        }

        var header = records[0];
        if (header.ProblemKey is { } headerProblem)
        {
            errors.Add(new RegisterImportError(header.Line, null, RegisterValues.Message(headerProblem)));
            return [];
        }

        var columns = ReadHeader(header, errors);
        if (columns is null)
        {
            return [];
        }

        var reader = new RegisterRowReader(columns, TokyoClock.Today(time));
        var rows = new List<RegisterRow>();
        var lineOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineOfCard = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineOfChip = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.ProblemKey is { } problem)
            {
                errors.Add(new RegisterImportError(record.Line, null, RegisterValues.Message(problem)));
                continue;
            }

            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add(new RegisterImportError(record.Line, null, RegisterValues.Message("FieldCount", record.Fields.Count, header.Fields.Count)));
                continue;
            }

            if (reader.Read(record, errors) is not { } row)
            {
                continue;
            }

            if (!lineOfCode.TryAdd(row.ResidentCode, row.Line))
            {
                errors.Add(new RegisterImportError(row.Line, columns[RegisterCsvColumns.ResidentCode].Header, RegisterValues.Message("DuplicateResidentCode", row.ResidentCode, lineOfCode[row.ResidentCode])));
                continue;
            }

            if (row.Card is { } card && !lineOfCard.TryAdd(card.Number, row.Line))
            {
                errors.Add(new RegisterImportError(row.Line, columns[RegisterCsvColumns.CardNumber].Header, RegisterValues.Message("DuplicateCardNumber", card.Number, lineOfCard[card.Number])));
                continue;
            }

            if (row.Card is { } chipCard && !lineOfChip.TryAdd(chipCard.ChipSerial, row.Line))
            {
                errors.Add(new RegisterImportError(row.Line, columns[RegisterCsvColumns.CardChipSerial].Header, RegisterValues.Message("DuplicateChipSerial", chipCard.ChipSerial, lineOfChip[chipCard.ChipSerial])));
                continue;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static Dictionary<RegisterCsvColumn, (int Index, string Header)>? ReadHeader(CsvRecord header, List<RegisterImportError> errors)
    {
        var columns = new Dictionary<RegisterCsvColumn, (int Index, string Header)>();
        var before = errors.Count;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var column = RegisterCsvColumns.Find(name);
            if (column is null)
            {
                errors.Add(new RegisterImportError(header.Line, name, RegisterValues.Message("UnknownColumn", name)));
            }
            else if (!columns.TryAdd(column, (i, name)))
            {
                errors.Add(new RegisterImportError(header.Line, name, RegisterValues.Message("DuplicateColumn", name)));
            }
        }

        foreach (var missing in RegisterCsvColumns.All.Where(c => c.Required && !columns.ContainsKey(c)))
        {
            errors.Add(new RegisterImportError(header.Line, missing.Name, RegisterValues.Message("MissingColumn", missing.Name)));
        }

        return errors.Count > before ? null : columns;
    }

    private async Task<string?> MunicipalityCodeAsync(List<RegisterImportError> errors, CancellationToken cancellationToken)
    {
        if (options.Value.MunicipalityCode is { Length: > 0 } configured)
        {
            return configured;
        }

        var codes = await db.Offices.Select(o => o.MunicipalityCode).Distinct().Take(2).ToListAsync(cancellationToken);
        if (codes.Count == 1)
        {
            return codes[0];
        }

        errors.Add(new RegisterImportError(0, null, RegisterValues.Message("MunicipalityUnknown")));
        return null;
    }

    private async Task<List<ResidentPlan>> PlanAsync(List<RegisterRow> rows, string municipality, List<RegisterImportError> errors, CancellationToken cancellationToken)
    {
        var residents = new Dictionary<string, ResidentRecord>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.ResidentCode).Chunk(Chunk))
        {
            foreach (var resident in await db.Residents.Include(r => r.Cards).Where(r => chunk.Contains(r.ResidentCode)).ToListAsync(cancellationToken))
            {
                residents[resident.ResidentCode] = resident;
            }
        }

        // A card number in the file that the database holds for another resident is a row error, not a silent move.
        var cardOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Where(r => r.Card is not null).Select(r => r.Card!.Number).Chunk(Chunk))
        {
            var owners = await db.ResidentCards.Where(c => chunk.Contains(c.CardNumber))
                .Select(c => new { c.CardNumber, c.Resident!.ResidentCode })
                .ToListAsync(cancellationToken);
            foreach (var owner in owners)
            {
                cardOwners[owner.CardNumber] = owner.ResidentCode;
            }
        }

        // R-CA-04: one chip, one card. A chip serial the database holds for another card number is a row error too.
        var chipCards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Where(r => r.Card is not null).Select(r => r.Card!.ChipSerial).Chunk(Chunk))
        {
            var cards = await db.ResidentCards.Where(c => c.ChipSerial != null && chunk.Contains(c.ChipSerial))
                .Select(c => new { ChipSerial = c.ChipSerial!, c.CardNumber })
                .ToListAsync(cancellationToken);
            foreach (var card in cards)
            {
                chipCards[card.ChipSerial] = card.CardNumber;
            }
        }

        var plans = new List<ResidentPlan>();
        foreach (var row in rows)
        {
            if (row.Card is { } card && cardOwners.TryGetValue(card.Number, out var owner) && owner != row.ResidentCode)
            {
                errors.Add(new RegisterImportError(row.Line, RegisterCsvColumns.CardNumber.Name, RegisterValues.Message("CardOfOtherResident", card.Number, owner)));
                continue;
            }

            if (row.Card is { } chipCard && chipCards.TryGetValue(chipCard.ChipSerial, out var chipOf) && chipOf != chipCard.Number)
            {
                errors.Add(new RegisterImportError(row.Line, RegisterCsvColumns.CardChipSerial.Name, RegisterValues.Message("ChipSerialOfOtherCard", chipCard.ChipSerial, chipOf)));
                continue;
            }

            plans.Add(ResidentPlan.For(row, residents.GetValueOrDefault(row.ResidentCode), municipality));
        }

        var now = time.GetUtcNow();
        var affected = plans.Where(p => p.Existing is not null && p.Events(now).Count > 0).Select(p => p.Existing!.Id).ToList();
        var certificates = await RegisterRevocations.ActiveCertificatesAsync(db, statuses, affected, cancellationToken);
        foreach (var plan in plans.Where(p => p.Existing is not null))
        {
            plan.Revocations = RegisterRevocations.Requests(plan.Events(now), certificates[plan.Existing!.Id], now.UtcDateTime, " (CSV)");
        }

        return plans;
    }

    private async Task<RegisterImportReport> ApplyAsync(List<ResidentPlan> plans, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = plans.Where(p => p.Outcome != RegisterImportOutcome.Unchanged).ToList();
        foreach (var plan in changed)
        {
            var resident = plan.Apply(now);
            if (plan.Existing is null)
            {
                db.Residents.Add(resident);
            }

            db.RevocationRequests.AddRange(plan.Revocations);
        }

        var report = Report(dryRun: false, applied: true, plans, []);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);

            // R-X-01: one entry per resident changed, then the import as a whole; audit last, commit soon.
            foreach (var plan in changed)
            {
                await audit.AppendAsync(
                    new AuditEvent
                    {
                        Actor = RegisterSyncAuditing.Actor,
                        ResidentCode = plan.Row.ResidentCode,
                        Action = plan.Outcome == RegisterImportOutcome.Inserted ? "register.resident-inserted" : "register.resident-updated",
                        Outcome = AuditOutcomes.Succeeded,
                        Details = new Dictionary<string, string?>
                        {
                            ["source"] = "csv",
                            ["line"] = plan.Row.Line.ToString(CultureInfo.InvariantCulture),
                            ["changed"] = string.Join(',', plan.ChangedFields),
                            ["revocationRequests"] = plan.Revocations.Count.ToString(CultureInfo.InvariantCulture),
                        },
                    },
                    cancellationToken);
            }

            await audit.AppendAsync(
                new AuditEvent
                {
                    Actor = RegisterSyncAuditing.Actor,
                    Action = "register.import",
                    Outcome = AuditOutcomes.Succeeded,
                    Details = new Dictionary<string, string?>
                    {
                        ["inserted"] = report.Inserted.ToString(CultureInfo.InvariantCulture),
                        ["updated"] = report.Updated.ToString(CultureInfo.InvariantCulture),
                        ["unchanged"] = report.Unchanged.ToString(CultureInfo.InvariantCulture),
                        ["revocationRequests"] = report.RevocationRequests.ToString(CultureInfo.InvariantCulture),
                    },
                },
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogImported(logger, report.Inserted, report.Updated, report.Unchanged, report.RevocationRequests);
            return report;
        }
        catch (DbUpdateException e)
        {
            // Someone changed a resident while the file was read (or a card number was taken): all or nothing.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            LogRolledBack(logger, e);
            return Report(dryRun: false, applied: false, plans, [new RegisterImportError(0, null, RegisterValues.Message("ImportConflict"))]);
        }
    }

    private static RegisterImportReport Report(bool dryRun, bool applied, List<ResidentPlan> plans, List<RegisterImportError> errors) => new(
        dryRun,
        applied,
        plans.Count(p => p.Outcome == RegisterImportOutcome.Inserted),
        plans.Count(p => p.Outcome == RegisterImportOutcome.Updated),
        plans.Count(p => p.Outcome == RegisterImportOutcome.Unchanged),
        plans.Sum(p => p.Revocations.Count),
        plans.Where(p => p.Outcome != RegisterImportOutcome.Unchanged)
            .Select(p => new RegisterImportRow(p.Row.Line, p.Row.ResidentCode, p.Outcome, p.ChangedFields, p.Revocations.Count))
            .ToList(),
        errors.OrderBy(e => e.Line).ToList());

    [LoggerMessage(Level = LogLevel.Information, Message = "Register import: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Revocations} revocation request(s)")]
    private static partial void LogImported(ILogger logger, int inserted, int updated, int unchanged, int revocations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Register import rolled back: the database refused the changes")]
    private static partial void LogRolledBack(ILogger logger, Exception exception);
}
