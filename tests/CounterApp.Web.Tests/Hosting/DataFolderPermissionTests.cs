using System.Runtime.Versioning;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// Residents' data is owner-only on disk, like the key files: the data folder 0700, the SQLite file and its -wal and
/// -shm 0600, and nothing in the folder readable by group or others, on a fresh folder and on one an older build left open.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Start_WhenTheDataFolderIsFresh_KeepsTheDatabaseAndEverythingElseOwnerOnly()
    {
        await using var app = new CounterAppFactory();
        Assert.False(Directory.Exists(app.DataDirectory));

        await WriteSomethingAsync(app);

        AssertOwnerOnly(app.DataDirectory);
    }

    [Fact]
    public async Task Start_WhenAnOlderBuildLeftTheFolderAndDatabaseOpen_TightensThem()
    {
        await using var app = new CounterAppFactory();
        Directory.CreateDirectory(app.DataDirectory);
        File.SetUnixFileMode(app.DataDirectory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var database = Path.Combine(app.DataDirectory, "counterapp.db");
        await File.WriteAllBytesAsync(database, []);
        File.SetUnixFileMode(database, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await WriteSomethingAsync(app);

        AssertOwnerOnly(app.DataDirectory);
    }

    /// <summary>Starts the app (schema, demo town, keys) and signs a clerk in (audit rows), so the WAL has been written.</summary>
    private static async Task WriteSomethingAsync(CounterAppFactory app)
    {
        using var clerk = await StaffSignIn.SignInAsync(app, StaffRoles.Clerk);
        using var page = await clerk.GetAsync(new Uri("/residents/1", UriKind.Relative));
        Assert.True(page.IsSuccessStatusCode);
    }

    private static void AssertOwnerOnly(string dataDirectory)
    {
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(dataDirectory));
        var database = Path.Combine(dataDirectory, "counterapp.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            Assert.True(File.Exists(file), $"{file} is missing: nothing was written?");
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(dataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(entry) & GroupOrOther) == 0, $"{entry} is {File.GetUnixFileMode(entry)}.");
        }
    }
}
