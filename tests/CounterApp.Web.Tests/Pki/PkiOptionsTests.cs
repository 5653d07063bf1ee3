using CounterApp.Web.Data;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Pki;

/// <summary>Section "Pki" as the operator writes it, and where the CA key passphrase comes from.</summary>
public sealed class PkiOptionsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "counterapp-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Validate_WhenDefaultsOnTheEmbeddedDefault_Succeeds()
    {
        Assert.True(Validate(new PkiOptions(), DatabaseProvider.Sqlite).Succeeded);
    }

    [Theory]
    [InlineData("AuthorityId", "Toyama", "Pki:AuthorityId")]
    [InlineData("BaseUrl", "http://pki.example.lg.jp/ca", "Pki:BaseUrl")]
    [InlineData("BaseUrl", "ftp://pki.example.lg.jp/", "Pki:BaseUrl")]
    [InlineData("Governor", " ", "Pki:Governor")]
    [InlineData("KeyPassphrase", "short", "Pki:KeyPassphrase")]
    [InlineData("KeyPassphraseFile", "/nonexistent/passphrase", "Pki:KeyPassphraseFile")]
    [InlineData("CrlCheckInterval", "00:10:00", "Pki:CrlCheckInterval")]
    [InlineData("CrlLifetime", "00:01:00", "Pki:CrlLifetime")]
    public void Validate_WhenASettingIsUnusable_FailsNamingIt(string setting, string value, string named)
    {
        var options = new PkiOptions();
        var property = typeof(PkiOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = Validate(options, DatabaseProvider.Sqlite);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    [Fact]
    public void Validate_WhenPostgresWithAPassphraseFile_Succeeds()
    {
        var file = WriteFile("from-a-mounted-secret-0123\n");

        Assert.True(Validate(new PkiOptions { KeyPassphraseFile = file }, DatabaseProvider.Postgres).Succeeded);
        Assert.True(Validate(new PkiOptions(), DatabaseProvider.Postgres).Failed);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Resolve_WhenNothingConfiguredOnTheEmbeddedDefault_GeneratesOnceOwnerOnlyAndReusesIt()
    {
        var database = new DatabaseOptions { DataDirectory = _data };

        var first = new string(CaKeyPassphrase.Resolve(new PkiOptions(), database, NullLogger.Instance));
        var second = new string(CaKeyPassphrase.Resolve(new PkiOptions(), database, NullLogger.Instance));

        var file = PkiOptions.GeneratedPassphraseFile(database);
        Assert.Equal(first, second);
        Assert.True(first.Length >= 40);
        Assert.Equal(first + "\n", File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Resolve_WhenConfigured_PrefersTheSettingThenTheFileAndNeverGenerates()
    {
        var database = new DatabaseOptions { DataDirectory = _data, Provider = DatabaseProvider.Postgres };
        var file = WriteFile("from-a-mounted-secret-0123\r\n");

        var fromSetting = new string(CaKeyPassphrase.Resolve(new PkiOptions { KeyPassphrase = "from-the-environment-42", KeyPassphraseFile = file }, database, NullLogger.Instance));
        var fromFile = new string(CaKeyPassphrase.Resolve(new PkiOptions { KeyPassphraseFile = file }, database, NullLogger.Instance));
        var missing = Assert.Throws<InvalidOperationException>(() => CaKeyPassphrase.Resolve(new PkiOptions(), database, NullLogger.Instance));

        Assert.Equal("from-the-environment-42", fromSetting);
        Assert.Equal("from-a-mounted-secret-0123", fromFile);
        Assert.Contains("Pki:KeyPassphrase", missing.Message);
        Assert.False(File.Exists(PkiOptions.GeneratedPassphraseFile(database)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static ValidateOptionsResult Validate(PkiOptions options, DatabaseProvider provider) =>
        new PkiOptionsValidator(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = "Host=127.0.0.1" })).Validate(null, options);

    private string WriteFile(string text)
    {
        Directory.CreateDirectory(_data);
        var file = Path.Combine(_data, "secret");
        File.WriteAllText(file, text);
        return file;
    }
}
