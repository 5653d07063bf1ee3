using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using Npgsql;

namespace CounterApp.Web.Tests.Deploy;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so it is read and checked: the web app and
/// PostgreSQL 15, a named volume, a health check the web app waits for, and the connection from the environment.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static readonly Dictionary<string, object?> Compose = ComposeYaml.Parse(File.ReadAllText(Path.Combine(RepoRoot, "docker-compose.yml")));

    [Fact]
    public void Compose_WhenRead_HasExactlyWebAndDb()
    {
        Assert.Equal(["db", "web"], Map(Compose, "services").Keys.Order());
    }

    [Fact]
    public void Compose_WhenRead_RunsPostgres15OnANamedVolumeWithAHealthCheck()
    {
        var db = Service("db");

        Assert.Equal("postgres:15", db["image"]);
        var volume = Assert.Single(List(db, "volumes"));
        var (name, mountPoint) = Split(volume);
        Assert.Equal("/var/lib/postgresql/data", mountPoint);
        Assert.Contains(name, Map(Compose, "volumes").Keys);
        var test = List(Map(db, "healthcheck"), "test");
        Assert.Equal("CMD-SHELL", test[0]);
        Assert.Contains($"pg_isready -U {Environment(db)["POSTGRES_USER"]} -d {Environment(db)["POSTGRES_DB"]}", test[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenRead_TakesTheDatabasePasswordFromARequiredVariableNotAFile()
    {
        var password = Environment(Service("db"))["POSTGRES_PASSWORD"];

        Assert.Matches($"^{RequiredVariable()}$", password);
        Assert.DoesNotContain("secrets", Compose.Keys);
        Assert.DoesNotContain(Environment(Service("db")).Keys, k => k.EndsWith("_FILE", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_WhenRead_PointsTheWebAppAtTheDbServiceOnPostgres()
    {
        var web = Environment(Service("web"));
        var db = Environment(Service("db"));

        Assert.Equal(DatabaseProvider.Postgres, Enum.Parse<DatabaseProvider>(web["Database__Provider"]));
        var passwordVariable = RequiredVariable().Match(db["POSTGRES_PASSWORD"]).Groups["name"].Value;
        var connection = new NpgsqlConnectionStringBuilder(RequiredVariable().Replace(web["ConnectionStrings__Counter"], m =>
        {
            Assert.Equal(passwordVariable, m.Groups["name"].Value);
            return "s3cret";
        }));
        Assert.Equal("db", connection.Host);
        Assert.Equal(db["POSTGRES_DB"], connection.Database);
        Assert.Equal(db["POSTGRES_USER"], connection.Username);
        Assert.Equal("s3cret", connection.Password);
    }

    [Fact]
    public void Compose_WhenRead_GivesTheWebAppTheCaKeyPassphraseFromARequiredVariable()
    {
        // On PostgreSQL the app refuses to start without Pki:KeyPassphrase (only the embedded default generates one).
        var passphrase = Environment(Service("web"))["Pki__KeyPassphrase"];

        Assert.Matches($"^{RequiredVariable()}$", passphrase);
        Assert.NotEqual(RequiredVariable().Match(Environment(Service("db"))["POSTGRES_PASSWORD"]).Groups["name"].Value, RequiredVariable().Match(passphrase).Groups["name"].Value);
    }

    [Fact]
    public void Compose_WhenRead_StartsTheWebAppOnlyOnceTheDbIsHealthy()
    {
        var dependsOn = Map(Service("web"), "depends_on");

        Assert.Equal("service_healthy", Map(dependsOn, "db")["condition"]);
        Assert.NotNull(Map(Service("db"), "healthcheck"));
    }

    [Fact]
    public void Compose_WhenRead_BuildsTheWebAppWithTheDeployDockerfileThatServesThePublishedPortsAndOwnsTheDataVolume()
    {
        var web = Service("web");
        var build = Map(web, "build");
        var dockerfile = File.ReadAllText(Path.Combine(RepoRoot, (string)build["context"]!, (string)build["dockerfile"]!));

        var ports = List(web, "ports").Select(Split).ToDictionary(p => p.Target, p => p.Source, StringComparer.Ordinal);
        var urls = Environment(web)["ASPNETCORE_URLS"].Split(';');
        Assert.Equal(["http://+:8080", "https://+:8443"], urls);
        Assert.Equal(["8080", "8443"], ports.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("EXPOSE 8080 8443", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"CounterApp.Web.dll\"]", dockerfile, StringComparison.Ordinal);
        var named = List(web, "volumes").Select(Split).Where(v => Map(Compose, "volumes").ContainsKey(v.Source)).ToList();
        var (_, dataDirectory) = Assert.Single(named);
        Assert.Equal(dataDirectory, Environment(web)["Database__DataDirectory"]);
        Assert.Contains($"chown app:app {dataDirectory}", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenRead_ServesHttpsWithTheMountedCertificateAndRedirectsPlainHttpToThePublishedHttpsPort()
    {
        var web = Service("web");
        var environment = Environment(web);
        var ports = List(web, "ports").Select(Split).ToDictionary(p => p.Target, p => p.Source, StringComparer.Ordinal);

        // The certificate and its key come from a read-only bind mount, never from the image or the data volume.
        var mount = List(web, "volumes").Select(Split).Single(v => v.Source.StartsWith("./", StringComparison.Ordinal));
        Assert.EndsWith(":ro", mount.Target, StringComparison.Ordinal);
        var certificates = mount.Target[..^":ro".Length];
        Assert.True(Directory.Exists(Path.Combine(RepoRoot, mount.Source)), $"{mount.Source} (with its README) is missing.");
        Assert.StartsWith(certificates + "/", environment["Kestrel__Certificates__Default__Path"], StringComparison.Ordinal);
        Assert.StartsWith(certificates + "/", environment["Kestrel__Certificates__Default__KeyPath"], StringComparison.Ordinal);
        Assert.Equal(ports["8443"], environment["Transport__RedirectToHttpsPort"]);
        Assert.Equal("443", ports["8443"]);
    }

    [Theory]
    [InlineData("a: &anchor 1\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a:\n  - b: 1\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a: 1\n    b: 2\n")]
    [InlineData("a: 1\na: 2\n")]
    public void Parse_WhenYamlIsBeyondTheSubset_RefusesInsteadOfGuessing(string yaml)
    {
        Assert.Throws<NotSupportedException>(() => ComposeYaml.Parse(yaml));
    }

    [Fact]
    public void Parse_WhenYamlIsInTheSubset_ReadsMappingsSequencesAndScalars()
    {
        var yaml = ComposeYaml.Parse("""
            # comment
            a:
              b: "quoted # not a comment"
              c: ['x', "y"]   # comment
              d:
                - "1:2"
                - e:/f
            g:
            """);

        var a = Map(yaml, "a");
        Assert.Equal("quoted # not a comment", a["b"]);
        Assert.Equal(["x", "y"], List(a, "c"));
        Assert.Equal(["1:2", "e:/f"], List(a, "d"));
        Assert.Null(yaml["g"]);
    }

    private static Dictionary<string, object?> Service(string name) => Map(Map(Compose, "services"), name);

    private static Dictionary<string, string> Environment(Dictionary<string, object?> service) =>
        Map(service, "environment").ToDictionary(e => e.Key, e => Assert.IsType<string>(e.Value), StringComparer.Ordinal);

    private static Dictionary<string, object?> Map(Dictionary<string, object?> parent, string key)
    {
        Assert.True(parent.TryGetValue(key, out var value), $"'{key}' is missing.");
        return Assert.IsType<Dictionary<string, object?>>(value);
    }

    private static List<string> List(Dictionary<string, object?> parent, string key)
    {
        Assert.True(parent.TryGetValue(key, out var value), $"'{key}' is missing.");
        return Assert.IsType<List<string>>(value);
    }

    // "db-data:/var/lib/postgresql/data" and "5080:8080": source and target.
    private static (string Source, string Target) Split(string mapping)
    {
        var colon = mapping.IndexOf(':', StringComparison.Ordinal);
        Assert.True(colon > 0, $"'{mapping}' is not 'source:target'.");
        return (mapping[..colon], mapping[(colon + 1)..]);
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CounterApp.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CounterApp.sln above {AppContext.BaseDirectory}.");
    }

    // Compose's required-variable form: ${NAME:?message} (or ${NAME?message}); compose stops when NAME is unset.
    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*):?\?[^}]*\}")]
    private static partial Regex RequiredVariable();
}
