using System.Security.Cryptography;
using System.Text;
using CounterApp.Pki.Custody;
using CounterApp.Web.Data;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>
/// Where the CA key passphrase comes from: Pki:KeyPassphrase, else Pki:KeyPassphraseFile, else (embedded SQLite
/// default only) a file in the data folder generated at first run: 256 random bits, mode 0600, never overwritten.
/// The passphrase is never logged or put in a message; only the file's path is.
/// </summary>
internal static partial class CaKeyPassphrase
{
    /// <summary>The passphrase as a char array the caller wipes.</summary>
    /// <exception cref="InvalidOperationException">None is configured on PostgreSQL, or the file is unusable.</exception>
    public static char[] Resolve(PkiOptions options, DatabaseOptions database, ILogger logger)
    {
        if (options.KeyPassphrase is { Length: > 0 } configured)
        {
            return configured.ToCharArray();
        }

        if (options.KeyPassphraseFile is { Length: > 0 } file)
        {
            return Read(Path.GetFullPath(file), logger);
        }

        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Pki:KeyPassphrase is required when Database:Provider is Postgres; only the embedded SQLite default generates one.");
        }

        var generated = PkiOptions.GeneratedPassphraseFile(database);
        return File.Exists(generated) ? Read(generated, logger) : Create(generated, logger);
    }

    private static char[] Read(string file, ILogger logger)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The CA key passphrase file {file} does not exist.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            LogLooseMode(logger, file);
        }

        var text = File.ReadAllText(file, Encoding.UTF8).TrimEnd('\r', '\n');
        if (text.Length < EncryptedPkcs8FileCustody.MinimumPassphraseLength)
        {
            throw new InvalidOperationException(
                $"The CA key passphrase file {file} holds fewer than {EncryptedPkcs8FileCustody.MinimumPassphraseLength} characters.");
        }

        return text.ToCharArray();
    }

    private static char[] Create(string file, ILogger logger)
    {
        var passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
        var folder = Path.GetDirectoryName(file)!;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
                using var writer = new StreamWriter(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write });
                writer.Write(passphrase + "\n");
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
                using var writer = new StreamWriter(file, create);
                writer.Write(passphrase + "\n");
            }
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance wrote it a moment ago: use that one.
            return Read(file, logger);
        }

        LogCreated(logger, file);
        return passphrase.ToCharArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the CA key passphrase file {File}: back it up apart from the database; the CA's keys cannot be opened without it")]
    private static partial void LogCreated(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CA key passphrase file {File} is readable or writable by group or others; restrict it to mode 0600")]
    private static partial void LogLooseMode(ILogger logger, string file);
}
