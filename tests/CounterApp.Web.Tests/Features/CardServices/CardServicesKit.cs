using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CardServices;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.CardServices;

/// <summary>
/// The issuance kit (demo town, real CA and card session on either provider) with a certificate issued onto an
/// in-process virtual card, and the card service handlers made the way the app makes them.
/// </summary>
internal sealed class CardServicesKit : IAsyncDisposable
{
    /// <summary>剱 花子: a card without photo, so a document is needed for every service.</summary>
    public const string ResidentCode = "16322800002";
    public const string NewPassword = "NEW7PASS";

    private CardServicesKit(IssuanceKit issuance, CardInReader card, long residentId, string serial)
    {
        Issuance = issuance;
        Card = card;
        ResidentId = residentId;
        Serial = serial;
    }

    public IssuanceKit Issuance { get; }

    public CardInReader Card { get; }

    public ISmartCardConnection Connection => Card.Connection;

    public long ResidentId { get; }

    public string Serial { get; }

    public static async Task<CardServicesKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var issuance = await IssuanceKit.CreateAsync(provider, postgres);
        var card = new CardInReader(issuance.NewCard(ResidentCode));
        var id = await issuance.PaidAsync(ResidentCode);
        var issued = await issuance.CardAsync(id, card.Connection);
        IssuanceKit.Require(issued);
        return new CardServicesKit(issuance, card, await issuance.ResidentIdAsync(ResidentCode), issued.CertificateSerial!);
    }

    public IdentityDocumentInput Licence(DateOnly? expiresOn = null) =>
        new("driver-licence", Issuance.Today.AddYears(-2), expiresOn ?? Issuance.Today.AddYears(1), true);

    public CardServiceCall Call(ApplicantKind applicant = ApplicantKind.InPerson, IdentityDocumentInput? document = null, bool noDocument = false) =>
        new(ResidentId, applicant, noDocument ? null : document ?? Licence(), IssuanceKit.Clerk, Issuance.CounterId);

    public Task<CardServiceResult> UnlockAsync(CardServiceCall call, string password = NewPassword, string? confirmation = null) =>
        WithAsync<UnlockCertificateHandler>(h => h.HandleAsync(call, Connection, password.ToCharArray(), (confirmation ?? password).ToCharArray()));

    public Task<CardServiceResult> ChangeAsync(CardServiceCall call, string current, string password = NewPassword, string? confirmation = null) =>
        WithAsync<ChangePasswordHandler>(h => h.HandleAsync(call, Connection, current.ToCharArray(), password.ToCharArray(), (confirmation ?? password).ToCharArray()));

    public Task<CardServiceResult> ResetPinAsync(CardServiceCall call, string pin, string? confirmation = null) =>
        WithAsync<ResetCardPinHandler>(h => h.HandleAsync(call, Connection, pin.ToCharArray(), (confirmation ?? pin).ToCharArray()));

    public Task<CardServiceResult> StartAsync(Procedure procedure, ApplicantKind applicant) =>
        WithAsync<CardServiceCheck>(h => h.StartAsync(new StartCardService(ResidentId, procedure, applicant, IssuanceKit.Clerk, Issuance.CounterId)));

    /// <summary>Five wrong passwords through the card API: the card locks the password (R-CA-01).</summary>
    public async Task LockPasswordAsync()
    {
        var client = new ResidentCardClient(Connection);
        await client.SelectApplicationAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.VerifyPasswordAsync("WRONG1".AsMemory());
        }

        Assert.True((await client.GetPasswordStatusAsync()).IsBlocked);
    }

    public async Task<CredentialStatus> VerifyPasswordAsync(string password)
    {
        var client = new ResidentCardClient(Connection);
        await client.SelectApplicationAsync();
        return await client.VerifyPasswordAsync(password.AsMemory());
    }

    public async Task<CredentialStatus> VerifyCardPinAsync(string pin)
    {
        var client = new ResidentCardClient(Connection);
        await client.SelectApplicationAsync();
        return await client.VerifyCardPinAsync(pin.AsMemory());
    }

    public static void Require(CardServiceResult result) =>
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {string.Join(" / ", result.BrokenRules.Select(b => $"{b.RuleId} {b.Field} {b.Message}"))}");

    public async ValueTask DisposeAsync()
    {
        await Card.DisposeAsync();
        await Issuance.DisposeAsync();
    }

    public async Task<CardServiceResult> WithAsync<THandler>(Func<THandler, Task<CardServiceResult>> run)
        where THandler : notnull
    {
        await using var scope = Issuance.Services.CreateAsyncScope();
        var check = ActivatorUtilities.CreateInstance<CardServiceCheck>(scope.ServiceProvider);
        var handler = check is THandler same ? same : ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider, check);
        return await run(handler);
    }
}
