using CounterApp.Web.Data;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Data.Schema;

/// <summary>
/// A temporary copy of the repo's db/ scripts (both providers) that a test may add to, change or break,
/// for use as Database:ScriptsDirectory. Deleted on dispose.
/// </summary>
internal sealed class ScriptFolder : IDisposable
{
    private ScriptFolder(string path) => Path = path;

    public string Path { get; }

    public static ScriptFolder CopyOfRepoScripts()
    {
        var folder = new ScriptFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "counterapp-tests", "scripts-" + Guid.NewGuid().ToString("N")));
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            var target = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, provider));
            foreach (var file in Directory.GetFiles(System.IO.Path.Combine(TestDatabase.ScriptsDirectory, provider), "*.sql"))
            {
                System.IO.File.Copy(file, System.IO.Path.Combine(target.FullName, System.IO.Path.GetFileName(file)));
            }
        }

        return folder;
    }

    /// <summary>The script file for a provider, e.g. File(Sqlite, "9999_drift.sql").</summary>
    public string File(DatabaseProvider provider, string fileName) =>
        System.IO.Path.Combine(Path, provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", fileName);

    public void Write(DatabaseProvider provider, string fileName, string sql) => System.IO.File.WriteAllText(File(provider, fileName), sql);

    public void Delete(DatabaseProvider provider, string fileName) => System.IO.File.Delete(File(provider, fileName));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
