using System.Security.Cryptography;
using System.Text;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Data.Audit;

/// <summary>
/// The HMAC-SHA256 key of the audit checkpoints, kept outside the database: a key file in the data folder (base64 of
/// 32 random bytes), like the document-copy key. Each checkpoint records the key's check value (<see cref="KeyId"/>),
/// so a missing or different key is named instead of making every checkpoint look forged:
/// <list type="bullet">
/// <item>no key file and no checkpoints: a new key is created (file mode 0600, folder 0700);</item>
/// <item>no key file but stored checkpoints: start-up stops; restore the file from the backup;</item>
/// <item>a key file whose check value differs from the newest checkpoint's: start-up stops.</item>
/// </list>
/// The verifier only reads an existing file (<see cref="TryLoadExisting"/>); it never creates a key.
/// </summary>
public sealed partial class AuditCheckpointKey(IOptions<AuditOptions> options, IOptions<DatabaseOptions> database, ILogger<AuditCheckpointKey> logger) : IDisposable
{
    public const int KeySizeInBytes = SecretKeyFile.KeySizeInBytes;

    private const string Tag = "CounterApp.AuditCheckpoint.v1";
    private static readonly byte[] CheckText = Encoding.ASCII.GetBytes("CounterApp.AuditCheckpoints.KeyCheck.v1");
    private readonly Lock _gate = new();
    private byte[]? _key;

    /// <summary>The key file's full path: Audit:CheckpointKeyFile, or keys/audit-checkpoints.key in the data folder.</summary>
    public string KeyFile { get; } = Path.GetFullPath(options.Value.CheckpointKeyFile is { Length: > 0 } file
        ? file
        : Path.Combine(database.Value.DataDirectory, "keys", "audit-checkpoints.key"));

    /// <summary>The loaded key's check value (16 hex digits), stored with every checkpoint it signs.</summary>
    public string KeyId { get; private set; } = string.Empty;

    /// <summary>Loads (or, for a database without checkpoints, creates) the key and checks it against the newest checkpoint. Idempotent.</summary>
    /// <exception cref="AuditCheckpointKeyException">The key file is unusable, missing or different while checkpoints exist.</exception>
    public async Task InitializeAsync(CounterDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_key is not null)
        {
            return;
        }

        var newest = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Select(c => new { c.Id, c.KeyId }).FirstOrDefaultAsync(cancellationToken);
        lock (_gate)
        {
            if (_key is not null)
            {
                return;
            }

            var key = File.Exists(KeyFile) ? Load() : Create(newest?.Id);
            var keyId = CheckValue(key);
            if (newest is not null && !string.Equals(newest.KeyId, keyId, StringComparison.Ordinal))
            {
                CryptographicOperations.ZeroMemory(key);
                throw new AuditCheckpointKeyException(
                    $"The audit checkpoint key in {KeyFile} (key id {keyId}) is not the key of the newest checkpoint #{newest.Id} (key id {newest.KeyId}). " +
                    "Restore the original key file from the backup (or point Audit:CheckpointKeyFile at it); with another key every checkpoint would look forged.");
            }

            KeyId = keyId;
            _key = key;
        }
    }

    /// <summary>Loads the key file when it exists, never creating one; false when there is none.</summary>
    /// <exception cref="AuditCheckpointKeyException">The file exists but does not hold a 256-bit key.</exception>
    public bool TryLoadExisting()
    {
        lock (_gate)
        {
            if (_key is not null)
            {
                return true;
            }

            if (!File.Exists(KeyFile))
            {
                return false;
            }

            var key = Load();
            KeyId = CheckValue(key);
            _key = key;
            return true;
        }
    }

    /// <summary>
    /// The checkpoint's HMAC over a canonical encoding of every field but the MAC itself:
    /// <c>"CounterApp.AuditCheckpoint.v1" | Id | At (UTC ticks) | HeadId | HeadHash | EntryCount | Reason | KeyId</c>
    /// (integers int64 big-endian, texts as in <see cref="AuditChain"/>); lower-case hex.
    /// </summary>
    public string ComputeMac(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key ?? throw new InvalidOperationException("The audit checkpoint key is not loaded."));
        AuditChain.AppendText(mac, Tag);
        AuditChain.AppendInt64(mac, checkpoint.Id);
        AuditChain.AppendInt64(mac, checkpoint.At.Ticks);
        AuditChain.AppendInt64(mac, checkpoint.HeadId);
        AuditChain.AppendText(mac, checkpoint.HeadHash);
        AuditChain.AppendInt64(mac, checkpoint.EntryCount);
        AuditChain.AppendText(mac, checkpoint.Reason);
        AuditChain.AppendText(mac, checkpoint.KeyId);
        return Convert.ToHexStringLower(mac.GetHashAndReset());
    }

    /// <summary>True when the stored MAC is the one this key computes (compared in constant time).</summary>
    public bool Verifies(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ComputeMac(checkpoint)), Encoding.ASCII.GetBytes(checkpoint.Mac ?? string.Empty));
    }

    public void Dispose()
    {
        if (_key is not null)
        {
            CryptographicOperations.ZeroMemory(_key);
        }
    }

    private static string CheckValue(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, CheckText))[..16];

    private byte[] Load()
    {
        byte[] key;
        try
        {
            key = SecretKeyFile.Read(KeyFile, out var looseMode);
            if (looseMode)
            {
                LogLooseMode(logger, KeyFile);
            }
        }
        catch (InvalidDataException e)
        {
            throw new AuditCheckpointKeyException(e.Message, e);
        }

        return key;
    }

    private byte[] Create(long? newestCheckpoint)
    {
        if (newestCheckpoint is { } id)
        {
            throw new AuditCheckpointKeyException(
                $"The audit checkpoint key file {KeyFile} is missing, but the database holds checkpoints up to #{id}. " +
                "Restore the key file from the backup (or point Audit:CheckpointKeyFile at it); a new key would make those checkpoints look forged, so none is created.");
        }

        if (SecretKeyFile.TryCreate(KeyFile) is not { } key)
        {
            // Another instance created it a moment ago: use that one.
            return Load();
        }

        LogCreated(logger, KeyFile);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the audit checkpoint key {KeyFile}: back it up apart from the database; the audit log's checkpoints cannot be verified without it")]
    private static partial void LogCreated(ILogger logger, string keyFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit checkpoint key {KeyFile} is readable or writable by group or others; restrict it to mode 0600")]
    private static partial void LogLooseMode(ILogger logger, string keyFile);
}
