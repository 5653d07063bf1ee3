using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CounterApp.Web.Tests.Support;
using static CounterApp.Web.Tests.Features.RegisterSync.RegisterSyncKit;

namespace CounterApp.Web.Tests.Features.RegisterSync;

/// <summary>The register API over HTTP on the real app: the shared secret, every refusal with its reason, never a 500.</summary>
public sealed class RegisterSyncApiTests(CounterAppFactory withoutKey, RegisterSyncAppFactory app)
    : IClassFixture<CounterAppFactory>, IClassFixture<RegisterSyncAppFactory>
{
    // The HTTP layer on the app's default SQLite; the same behaviour on PostgreSQL is proven at service level
    // (RegisterEventTests, RegisterImportTests). RegisterSyncAppFactory.CreateAsync(Postgres, …) runs the app on
    // PostgreSQL; today that stops in the CA's start-up when a SQLite app ran earlier in the same process
    // (EfCertificateStore's static compiled queries refuse a second EF model).
    [Fact]
    [Trait("Rule", "R-RV-02")]
    public async Task Events_WhenImportedResidentChanges_AppliesOnceAndAnswersRepeatsAndUnknowns()
    {
        using var client = app.CreateAuthorizedClient();
        var csv = Csv(Row("16322800901", card: "K0901", photo: "有", expiry: "2030-03-31")).ToArray();

        using var dry = await client.PostAsync(new Uri("/api/register/import", UriKind.Relative), Content(csv, "text/csv"));
        using var imported = await client.PostAsync(new Uri("/api/register/import?dryRun=false", UriKind.Relative), Content(csv, "text/csv"));
        var json = RegisterEventTests.Json("api-1", "AddressChanged", """{"address":"富山県中新川郡上市町法音寺2番地"}""", code: "16322800901");
        using var applied = await PostEventAsync(client, json);
        using var repeated = await PostEventAsync(client, json);
        using var unknown = await PostEventAsync(client, RegisterEventTests.Json("api-2", "Died", code: "16322899999"));
        using var malformed = await PostEventAsync(client, json.Replace("\"kind\":\"AddressChanged\"", "\"kind\":\"Moved\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True((await JsonAsync(dry)).GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, (await JsonAsync(imported)).GetProperty("inserted").GetInt32());
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("applied", (await JsonAsync(applied)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal("already-applied", (await JsonAsync(repeated)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var notFound = await JsonAsync(unknown);
        Assert.Equal("residentCode", notFound.GetProperty("field").GetString());
        Assert.Contains("住民票コード 16322899999", notFound.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("kind", (await JsonAsync(malformed)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Events_WhenNoKeyIsConfigured_RefuseEverythingWith503AndTheReason()
    {
        using var client = withoutKey.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", RegisterSyncAppFactory.ApiKey);

        using var response = await PostEventAsync(client, RegisterEventTests.Json("k-1", "Died"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("ApiKeyNotConfigured", problem.GetProperty("code").GetString());
        Assert.Contains("RegisterSync:ApiKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("X-Api-Key: wrong-key")]
    [InlineData("Authorization: Bearer test-register-key-0123456789abcdefghijklmno")]
    public async Task Events_WhenTheKeyIsMissingOrWrong_Answer401(string? header)
    {
        using var client = app.CreateClient();
        if (header is not null)
        {
            var (name, value) = (header.Split(": ")[0], header.Split(": ")[1]);
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        using var response = await PostEventAsync(client, RegisterEventTests.Json("k-2", "Died"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Unauthorized", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Events_WhenBearerKeyIsRight_PassesTheGate()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegisterSyncAppFactory.ApiKey);

        using var response = await PostEventAsync(client, RegisterEventTests.Json("k-3", "Died", code: "16322899998"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Events_WhenBodyIsNotJsonOrTooLarge_AnswerWithTheReasonNot500()
    {
        using var client = app.CreateAuthorizedClient();

        using var text = await client.PostAsync(new Uri("/api/register/events", UriKind.Relative), Content("hello"u8.ToArray(), "text/plain"));
        using var broken = await client.PostAsync(new Uri("/api/register/events", UriKind.Relative), Content("{\"eventId\":"u8.ToArray(), "application/json"));
        using var huge = await client.PostAsync(new Uri("/api/register/events", UriKind.Relative), Content(new byte[70 * 1024], "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("body", (await JsonAsync(broken)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("body", (await JsonAsync(huge)).GetProperty("field").GetString());
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public async Task Import_WhenRowsAreBad_Answers422WithEveryErrorAndImportsNothing()
    {
        using var client = app.CreateAuthorizedClient();
        var csv = Csv(Row("16322800801"), Row("16322800802", birth: "2026-13-01")).ToArray();

        using var response = await client.PostAsync(new Uri("/api/register/import?dryRun=false", UriKind.Relative), Content(csv, "text/csv"));
        using var badFlag = await client.PostAsync(new Uri("/api/register/import?dryRun=maybe", UriKind.Relative), Content(csv, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await JsonAsync(response);
        Assert.False(report.GetProperty("applied").GetBoolean());
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((3, "生年月日"), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badFlag.StatusCode);
        Assert.Equal("dryRun", (await JsonAsync(badFlag)).GetProperty("field").GetString());
    }

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri("/api/register/events", UriKind.Relative), Content(Encoding.UTF8.GetBytes(json), "application/json"));

    private static ByteArrayContent Content(byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
