using System.Globalization;
using System.Security.Cryptography;
using CounterApp.Domain.Time;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>
/// R-ID-04: keeps the scanned copy of a presented document, sealed with AES-256-GCM, with its content type, size,
/// SHA-256 of the plaintext and retention deadline; opens it only for a named staff member with a recorded purpose,
/// writing a <see cref="DocumentCopyAccess"/> row (and an audit entry) for every view before the bytes are returned.
/// </summary>
public sealed partial class DocumentCopyStore(
    CounterDbContext db,
    DocumentCopyKeyRing keys,
    AuditTrail audit,
    TimeProvider time,
    IOptions<DocumentCopyOptions> options,
    ILogger<DocumentCopyStore> logger)
{
    public const int PurposeMaxLength = 400;

    /// <summary>The longest staff ID kept (the access log's and the audit's column).</summary>
    public const int StaffIdMaxLength = 400;

    public async Task<DocumentCopyStoreResult> StoreAsync(long presentedDocumentId, string? contentType, Stream content, string staffId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(staffId) || staffId.Length > StaffIdMaxLength)
        {
            return Refused(DocumentCopyRefusal.StaffRequired);
        }

        var type = DocumentContentTypes.Normalize(contentType);
        if (type is null)
        {
            return Refused(DocumentCopyRefusal.ContentTypeNotAllowed, string.Join(", ", DocumentContentTypes.Allowed));
        }

        var maxBytes = options.Value.MaxBytes;
        var plaintext = await ReadAsync(content, maxBytes, cancellationToken);
        if (plaintext is null)
        {
            return Refused(DocumentCopyRefusal.TooLarge, maxBytes);
        }

        try
        {
            if (plaintext.Length == 0)
            {
                return Refused(DocumentCopyRefusal.Empty);
            }

            if (!DocumentContentTypes.Matches(type, plaintext))
            {
                return Refused(DocumentCopyRefusal.ContentDoesNotMatchType, type);
            }

            var document = await db.PresentedDocuments.AsNoTracking()
                .Where(d => d.Id == presentedDocumentId)
                .Select(d => new
                {
                    HasCopy = d.Copy != null,
                    ResidentCode = db.Applications.Where(a => a.Id == d.ApplicationId).Select(a => a.Resident!.ResidentCode).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (document is null)
            {
                return Refused(DocumentCopyRefusal.DocumentNotFound, presentedDocumentId);
            }

            if (document.HasCopy)
            {
                return Refused(DocumentCopyRefusal.AlreadyCopied, presentedDocumentId);
            }

            await keys.InitializeAsync(db, cancellationToken);
            var retentionDays = await AdminSettings.CopyRetentionDaysAsync(db, options.Value.RetentionDays, cancellationToken); // R-ID-04, the administrator's
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(plaintext));
            var (nonce, ciphertext, tag) = DocumentCopyCipher.Seal(keys.Key, plaintext, DocumentCopyCipher.AssociatedData(presentedDocumentId, type, sha256));
            var copy = new DocumentCopy
            {
                PresentedDocumentId = presentedDocumentId,
                ContentType = type,
                Size = plaintext.Length,
                Sha256 = sha256,
                StoredAt = time.GetUtcNow().UtcDateTime,
                RetainUntil = TokyoClock.Today(time).AddDays(retentionDays),
                Content = new DocumentCopyContent { KeyId = keys.KeyId, Nonce = nonce, Ciphertext = ciphertext, Tag = tag },
            };

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.DocumentCopies.Add(copy);
                await db.SaveChangesAsync(cancellationToken);
                await audit.AppendAsync(Audit(staffId, document.ResidentCode, "document-copy.stored", AuditOutcomes.Succeeded, copy, null), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException e)
            {
                // Two clerks storing a copy of the same document at once: the unique index keeps one.
                db.ChangeTracker.Clear();
                LogStoreRefused(logger, presentedDocumentId, e);
                return Refused(DocumentCopyRefusal.AlreadyCopied, presentedDocumentId);
            }

            return new DocumentCopyStoreResult(copy.Id, DocumentCopyRefusal.None, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public Task<DocumentCopyStoreResult> StoreAsync(long presentedDocumentId, string? contentType, byte[] content, string staffId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return StoreAsync(presentedDocumentId, contentType, new MemoryStream(content, writable: false), staffId, cancellationToken);
    }

    /// <summary>Opens a copy for <paramref name="staffId"/>, who must say why; the view is logged before the bytes are returned.</summary>
    public async Task<DocumentCopyViewResult> ViewAsync(long copyId, string staffId, string? purpose, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(staffId) || staffId.Length > StaffIdMaxLength)
        {
            return NotShown(DocumentCopyRefusal.StaffRequired);
        }

        purpose = purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            return NotShown(DocumentCopyRefusal.PurposeRequired);
        }

        if (purpose.Length > PurposeMaxLength)
        {
            return NotShown(DocumentCopyRefusal.PurposeTooLong, PurposeMaxLength);
        }

        var copy = await db.DocumentCopies.AsNoTracking().Include(c => c.Content).FirstOrDefaultAsync(c => c.Id == copyId, cancellationToken);
        if (copy is null)
        {
            return NotShown(DocumentCopyRefusal.CopyNotFound, copyId);
        }

        if (copy.PurgedAt is not null || copy.Content is null)
        {
            return NotShown(DocumentCopyRefusal.Purged, copy.RetainUntil);
        }

        var residentCode = await ResidentCodeAsync(copy.PresentedDocumentId, cancellationToken);
        await keys.InitializeAsync(db, cancellationToken);
        if (!string.Equals(copy.Content.KeyId, keys.KeyId, StringComparison.Ordinal))
        {
            await RecordRefusalAsync(staffId, residentCode, copy, purpose, "key-mismatch", cancellationToken);
            return NotShown(DocumentCopyRefusal.KeyMismatch);
        }

        var plaintext = DocumentCopyCipher.Open(keys.Key, copy.Content.Nonce, copy.Content.Ciphertext, copy.Content.Tag,
            DocumentCopyCipher.AssociatedData(copy.PresentedDocumentId, copy.ContentType, copy.Sha256));
        if (plaintext is null || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(plaintext)), copy.Sha256, StringComparison.Ordinal))
        {
            LogTampered(logger, copy.Id);
            await RecordRefusalAsync(staffId, residentCode, copy, purpose, "tampered", cancellationToken);
            return NotShown(DocumentCopyRefusal.Tampered);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.DocumentCopyAccesses.Add(new DocumentCopyAccess { DocumentCopyId = copy.Id, At = time.GetUtcNow().UtcDateTime, StaffId = staffId, Purpose = purpose });
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(Audit(staffId, residentCode, "document-copy.viewed", AuditOutcomes.Succeeded, copy, purpose), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new DocumentCopyViewResult(
            new DocumentCopyView(copy.Id, copy.PresentedDocumentId, copy.ContentType, plaintext, copy.Sha256, copy.RetainUntil),
            DocumentCopyRefusal.None,
            null);
    }

    private static AuditEvent Audit(string staffId, string? residentCode, string action, string outcome, DocumentCopy copy, string? purpose) => new()
    {
        Actor = staffId,
        ResidentCode = residentCode,
        Action = action,
        Outcome = outcome,
        Details = new Dictionary<string, string?>
        {
            ["copyId"] = copy.Id.ToString(CultureInfo.InvariantCulture),
            ["presentedDocumentId"] = copy.PresentedDocumentId.ToString(CultureInfo.InvariantCulture),
            ["contentType"] = copy.ContentType,
            ["size"] = copy.Size.ToString(CultureInfo.InvariantCulture),
            ["sha256"] = copy.Sha256,
            ["retainUntil"] = copy.RetainUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["purpose"] = purpose,
        },
    };

    private async Task RecordRefusalAsync(string staffId, string? residentCode, DocumentCopy copy, string purpose, string reason, CancellationToken cancellationToken)
    {
        var entry = Audit(staffId, residentCode, "document-copy.view-refused", AuditOutcomes.Failed, copy, purpose);
        entry = entry with { Details = new Dictionary<string, string?>(entry.Details!) { ["reason"] = reason } };
        await audit.AppendAsync(entry, cancellationToken);
    }

    private Task<string?> ResidentCodeAsync(long presentedDocumentId, CancellationToken cancellationToken) =>
        db.PresentedDocuments.AsNoTracking()
            .Where(d => d.Id == presentedDocumentId)
            .Select(d => db.Applications.Where(a => a.Id == d.ApplicationId).Select(a => a.Resident!.ResidentCode).FirstOrDefault())
            .FirstOrDefaultAsync(cancellationToken);

    // Reads at most maxBytes; null when the content is longer.
    private static async Task<byte[]?> ReadAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                CryptographicOperations.ZeroMemory(buffer.GetBuffer());
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        CryptographicOperations.ZeroMemory(buffer.GetBuffer());
        return bytes;
    }

    private static DocumentCopyStoreResult Refused(DocumentCopyRefusal refusal, params object?[] args) =>
        new(null, refusal, DocumentCopyMessages.Catalog.Format(refusal.ToString(), args));

    private static DocumentCopyViewResult NotShown(DocumentCopyRefusal refusal, params object?[] args) =>
        new(null, refusal, DocumentCopyMessages.Catalog.Format(refusal.ToString(), args));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document copy for presented document {PresentedDocumentId} was not stored: the database refused it")]
    private static partial void LogStoreRefused(ILogger logger, long presentedDocumentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Document copy {CopyId} failed authentication: its stored bytes were altered or damaged")]
    private static partial void LogTampered(ILogger logger, long copyId);
}
