using Microsoft.Data.Sqlite;

namespace CounterApp.Web.Data;

/// <summary>
/// The data folder holds residents' data (the SQLite file) and keys: on Linux and macOS the folder is 0700 and the
/// database files 0600, like the key files, set before the first write. SQLite creates its -wal, -shm and -journal
/// files with the database file's own mode, so the database file is created empty at 0600 before SQLite opens it
/// (an empty file is an empty database to SQLite); files left 0644 by an older build are tightened at start.
/// Windows keeps its ACLs (nothing is done there).
/// </summary>
public static class DataFolder
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] SqliteCompanions = ["-wal", "-shm", "-journal"];

    /// <summary>Creates the data folder (and, for SQLite, the database file) owner-only, or tightens what is there.</summary>
    public static void Prepare(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        if (Directory.Exists(dataDirectory))
        {
            // On PostgreSQL the folder holds the keys only, and whatever writes them first creates it owner-only.
            Secure(dataDirectory);
        }

        if (options.Provider == DatabaseProvider.Sqlite && SqliteFile(options) is { } file)
        {
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
            {
                Secure(folder);
            }

            SecureDatabaseFile(file);
        }
    }

    /// <summary>The folder exists and is 0700 (created so, never briefly wider; an existing one is tightened).</summary>
    public static void Secure(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, FolderMode);
        var mode = File.GetUnixFileMode(folder);
        // A shared sticky folder (/tmp) configured by mistake is not the app's to lock down.
        if (mode != FolderMode && !mode.HasFlag(UnixFileMode.StickyBit))
        {
            File.SetUnixFileMode(folder, FolderMode);
        }
    }

    /// <summary>The file SQLite will use, or null for an in-memory or shared-cache-only database.</summary>
    private static string? SqliteFile(DatabaseOptions options)
    {
        var source = new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource;
        return source is { Length: > 0 } && source != ":memory:" && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(source)
            : null;
    }

    private static void SecureDatabaseFile(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(file))
        {
            try
            {
                using var created = new FileStream(file, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance created it first: tightened below like any existing file.
            }
        }

        foreach (var path in SqliteCompanions.Select(suffix => file + suffix).Prepend(file))
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != FileMode)
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
    }
}
