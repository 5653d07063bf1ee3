using System.Security.Cryptography;
using CounterApp.Web.Data;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CounterApp.Web.Tests.Features.DocumentCopies;

public sealed class DocumentCopyKeyTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Initialize_WhenNoCopiesYet_CreatesA256BitKeyReadableOnlyByTheOwner(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();

        await keys.InitializeAsync(db);

        Assert.Equal(kit.DefaultKeyFile, keys.KeyFile);
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(keys.KeyFile).Trim()).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keys.KeyFile));
        }

        Assert.Equal(16, keys.KeyId.Length);

        // The same file gives the same key on the next start.
        using var again = kit.KeyRing();
        await again.InitializeAsync(db);
        Assert.Equal(keys.KeyId, again.KeyId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Initialize_WhenCopiesExistAndTheKeyIsMissing_StopsWithoutMakingANewKey(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        await StoreOneAsync(kit);
        File.Delete(kit.DefaultKeyFile);

        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();
        var error = await Assert.ThrowsAsync<DocumentCopyKeyException>(() => keys.InitializeAsync(db));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Contains(kit.DefaultKeyFile, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(kit.DefaultKeyFile));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-ID-04")]
    public async Task Initialize_WhenTheKeyIsNotTheOneThatSealedTheCopies_Stops(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        var sealedWith = await StoreOneAsync(kit);
        await File.WriteAllTextAsync(kit.DefaultKeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();
        var error = await Assert.ThrowsAsync<DocumentCopyKeyException>(() => keys.InitializeAsync(db));

        Assert.Contains(sealedWith, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Initialize_WhenTheKeyFileIsNotA256BitKey_Stops(DatabaseProvider provider)
    {
        await using var kit = await DocumentCopyKit.CreateAsync(provider, postgres);
        Directory.CreateDirectory(Path.GetDirectoryName(kit.DefaultKeyFile)!);
        await File.WriteAllTextAsync(kit.DefaultKeyFile, Convert.ToBase64String(new byte[16]));

        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();
        var error = await Assert.ThrowsAsync<DocumentCopyKeyException>(() => keys.InitializeAsync(db));

        Assert.Contains("128 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-ID-04")]
    public async Task Startup_WhenCopiesExistAndTheKeyIsMissing_TheAppDoesNotStart()
    {
        await using var kit = await DocumentCopyKit.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await StoreOneAsync(kit);
        File.Delete(kit.DefaultKeyFile);
        await using var app = new KeyCheckApp(kit.Database.Options.DataDirectory);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(Chain(error), e => e is DocumentCopyKeyException);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    // Stores one copy with a key ring on the default key file; returns that key's id.
    private static async Task<string> StoreOneAsync(DocumentCopyKit kit)
    {
        using var keys = kit.KeyRing();
        await using var db = kit.Database.NewContext();
        Assert.True((await kit.Store(db, keys).StoreAsync(kit.Documents[0], "image/png", DocumentCopyKit.Png, DocumentCopyKit.Staff)).Stored);
        return keys.KeyId;
    }

    /// <summary>The real app on an existing SQLite data folder.</summary>
    private sealed class KeyCheckApp(string dataDirectory) : CounterAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:DataDirectory", dataDirectory);
        }
    }
}
