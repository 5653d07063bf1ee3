using System.Security.Cryptography;
using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>
/// The AES-256 key that seals document copies, from a key file in the data folder (base64 of 32 random bytes).
/// Each stored copy records the key's check value (<see cref="KeyId"/>, an HMAC of a fixed text under the key), so
/// at start-up a missing or different key is detected before anyone relies on it:
/// <list type="bullet">
/// <item>no key file and no stored copies: a new key is created (file mode 0600, folder 0700);</item>
/// <item>no key file but stored copies: start-up stops; a new key would make every copy unreadable;</item>
/// <item>a key file whose check value differs from the stored copies': start-up stops.</item>
/// </list>
/// </summary>
public sealed partial class DocumentCopyKeyRing(IOptions<DocumentCopyOptions> options, IOptions<DatabaseOptions> database, ILogger<DocumentCopyKeyRing> logger) : IDisposable
{
    public const int KeySizeInBytes = SecretKeyFile.KeySizeInBytes;

    private static readonly byte[] CheckText = Encoding.ASCII.GetBytes("CounterApp.DocumentCopies.KeyCheck.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>The key file's full path.</summary>
    public string KeyFile { get; } = Path.GetFullPath(options.Value.KeyFile is { Length: > 0 } file
        ? file
        : Path.Combine(database.Value.DataDirectory, "keys", "document-copies.key"));

    /// <summary>The loaded key's check value (16 hex digits), stored with every copy it seals.</summary>
    public string KeyId { get; private set; } = string.Empty;

    /// <summary>Loads (or, for a database without copies, creates) the key and checks it against the stored copies. Idempotent.</summary>
    public async Task InitializeAsync(CounterDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_key is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return;
            }

            var storedKeyId = await db.DocumentCopyContents.AsNoTracking().OrderBy(c => c.DocumentCopyId).Select(c => c.KeyId).FirstOrDefaultAsync(cancellationToken);
            var key = File.Exists(KeyFile) ? Load() : Create(storedKeyId);
            var keyId = CheckValue(key);
            var foreign = await db.DocumentCopyContents.AsNoTracking().Where(c => c.KeyId != keyId).Select(c => c.KeyId).FirstOrDefaultAsync(cancellationToken);
            if (foreign is not null)
            {
                CryptographicOperations.ZeroMemory(key);
                throw new DocumentCopyKeyException(
                    $"The document-copy key in {KeyFile} (key id {keyId}) is not the key that sealed the stored copies (key id {foreign}). " +
                    "Restore the original key file from the backup; the app does not start with a key that cannot open the copies.");
            }

            KeyId = keyId;
            _key = key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The key, once <see cref="InitializeAsync"/> has run.</summary>
    internal ReadOnlySpan<byte> Key => _key ?? throw new InvalidOperationException("The document-copy key is not loaded; DocumentCopyKeyRing.InitializeAsync runs at start-up.");

    public void Dispose()
    {
        if (_key is not null)
        {
            CryptographicOperations.ZeroMemory(_key);
        }

        _gate.Dispose();
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
            throw new DocumentCopyKeyException(e.Message, e);
        }

        return key;
    }

    private byte[] Create(string? storedKeyId)
    {
        if (storedKeyId is not null)
        {
            throw new DocumentCopyKeyException(
                $"The document-copy key file {KeyFile} is missing, but the database holds copies sealed with key id {storedKeyId}. " +
                "Restore the key file from the backup (or point DocumentCopies:KeyFile at it); a new key would make those copies unreadable, so none is created.");
        }

        if (SecretKeyFile.TryCreate(KeyFile) is not { } key)
        {
            // Another instance created it a moment ago: use that one.
            return Load();
        }

        LogCreated(logger, KeyFile);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the document-copy key {KeyFile}: back it up with the database; copies cannot be read without it")]
    private static partial void LogCreated(ILogger logger, string keyFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The document-copy key {KeyFile} is readable or writable by group or others; restrict it to mode 0600")]
    private static partial void LogLooseMode(ILogger logger, string keyFile);
}
