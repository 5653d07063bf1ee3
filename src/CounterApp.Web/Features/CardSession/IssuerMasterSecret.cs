using System.Security.Cryptography;
using CounterApp.Web.Data;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.CardSession;

/// <summary>
/// The issuer master secret the per-card issuer keys derive from: CardSession:IssuerMasterSecretFile, else (embedded
/// SQLite default only) a file in the data folder generated on first use: 32 random bytes, mode 0600, never
/// overwritten. The secret is read on each use into a buffer the caller wipes; never logged, only the file's path is.
/// </summary>
public sealed partial class IssuerMasterSecret(IOptions<CardSessionOptions> options, IOptions<DatabaseOptions> database, ILogger<IssuerMasterSecret> logger)
{
    public const int Length = 32;

    public const string GeneratedFileName = "card-issuer-master-secret";

    /// <summary>The secret file in use (configured, or the generated one in the data folder).</summary>
    public string FilePath =>
        options.Value.IssuerMasterSecretFile is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(database.Value.DataDirectory, GeneratedFileName));

    /// <summary>A copy of the secret; zero it (<see cref="CryptographicOperations.ZeroMemory"/>) when done.</summary>
    /// <exception cref="InvalidOperationException">None configured on PostgreSQL, or the file is unusable.</exception>
    public byte[] Read()
    {
        var file = FilePath;
        if (options.Value.IssuerMasterSecretFile is not { Length: > 0 })
        {
            if (database.Value.Provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException("CardSession:IssuerMasterSecretFile is required when Database:Provider is Postgres; only the embedded SQLite default generates one.");
            }

            if (!File.Exists(file))
            {
                Create(file);
            }
        }

        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The issuer master secret file {file} does not exist.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            LogLooseMode(logger, file);
        }

        var bytes = File.ReadAllBytes(file);
        if (bytes.Length < Length)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new InvalidOperationException($"The issuer master secret file {file} holds fewer than {Length} bytes.");
        }

        return bytes;
    }

    private void Create(string file)
    {
        var secret = RandomNumberGenerator.GetBytes(Length);
        try
        {
            var folder = Path.GetDirectoryName(file)!;
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(file, create))
            {
                stream.Write(secret);
            }

            LogCreated(logger, file);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance wrote it a moment ago: that one is used.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the issuer master secret file {File}: back it up apart from the database; cards personalised with it cannot be managed without it")]
    private static partial void LogCreated(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The issuer master secret file {File} is readable or writable by group or others; restrict it to mode 0600")]
    private static partial void LogLooseMode(ILogger logger, string file);
}
