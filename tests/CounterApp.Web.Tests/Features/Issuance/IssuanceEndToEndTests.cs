using CounterApp.Card.Client;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Store;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CardSession;
using CounterApp.Web.Tests.Features.CardSession;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Issuance;

/// <summary>A whole same-day issuance and a whole renewal through the handlers, on an in-process virtual card.</summary>
public sealed class IssuanceEndToEndTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-01")]
    [Trait("Rule", "R-FE-02")]
    [Trait("Rule", "R-CE-01")]
    [Trait("Rule", "R-ID-04")]
    public async Task NewIssuance_WhenEveryStepPasses_CompletesWithCertificateReceiptAndAuditTrail(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800002"));
        var steps = new List<CardSessionStep>();

        // 剱 花子: a card without photo, so the driver's licence makes the same-day issue (R-VI-01).
        var id = await kit.PaidAsync("16322800002");
        var result = await kit.CardAsync(id, new WatchingConnection(card.Connection, () =>
        {
            if (kit.Progress.Current(id) is { } now && (steps.Count == 0 || steps[^1] != now.Step))
            {
                steps.Add(now.Step);
            }
        }));

        IssuanceKit.Require(result);
        var application = await kit.ApplicationAsync(id);
        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.Equal(result.CertificateSerial, application.IssuedSerial);
        Assert.Null(application.Outstanding);
        Assert.Equal(
            [ApplicationState.Received, ApplicationState.Received, ApplicationState.IdentityVerified, ApplicationState.FeePaid, ApplicationState.KeyGenerated,
                ApplicationState.Issuing, ApplicationState.CertificateIssued, ApplicationState.WrittenToCard, ApplicationState.PasswordSet, ApplicationState.Completed],
            application.History.OrderBy(h => h.Sequence).Select(h => h.ToState));

        await using var db = kit.NewContext();
        var certificate = await TestRegister.RowAsync(db, result.CertificateSerial!);
        Assert.Equal(CertificateStatus.Active, certificate.Status);
        Assert.Equal(id, certificate.ApplicationId);
        Assert.Equal(kit.Today, certificate.IssuedOn);
        var client = new ResidentCardClient(card.Connection);
        Assert.True((await client.VerifyPasswordAsync(IssuanceKit.Password.AsMemory())).IsVerified);
        var written = await client.ReadSigningCertificateAsync();
        Assert.Equal(certificate.Der, written);

        var receipt = await db.Receipts.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.ApplicationId == id);
        Assert.Equal("001-2026-000001", receipt.Number);
        Assert.Equal(500, receipt.Total);
        Assert.Equal(IssuanceKit.Clerk, receipt.Clerk);
        var document = Assert.Single(application.Documents);
        Assert.Equal("driver-licence", document.TypeCode);
        Assert.True(await db.DocumentCopies.AnyAsync(c => c.PresentedDocumentId == document.Id));

        var actions = (await kit.AuditAsync()).Where(a => a.Details != null && a.Details.Contains(id.ToString(), StringComparison.Ordinal)).Select(a => a.Action).ToList();
        Assert.Equal(
            ["application.received", "application.eligibility-checked", "application.document-recorded", "application.identity-verified", "fee.receipt-issued",
                "application.fee-paid", "card.pin-verified", "card.key-generated", "application.issuance-requested", "certificate.issued", "card.certificate-written", "card.password-set", "application.card-issued"],
            actions);
        Assert.DoesNotContain((await kit.AuditAsync()), a => (a.Details ?? "").Contains(IssuanceKit.Password, StringComparison.Ordinal));
        Assert.Contains(CardSessionStep.GenerateKey, steps);
        Assert.Contains(CardSessionStep.WriteCertificate, steps);
        Assert.False(kit.Progress.Current(id)!.Running);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-CE-04")]
    public async Task Renewal_WhenInTheWindow_WritesTheNewCertificateThenRevokesTheOldOneAsSuperseded(DatabaseProvider provider)
    {
        await using var kit = await IssuanceKit.CreateAsync(provider, postgres);
        await using var card = new CardInReader(kit.NewCard("16322800001"));
        // 上市 太郎 (photo card) gets a certificate from this CA, which is then made to expire within three months.
        var first = await kit.PaidAsync("16322800001", documentType: "resident-card-photo");
        var issued = await kit.CardAsync(first, card.Connection);
        IssuanceKit.Require(issued);
        await using (var db = kit.NewContext())
        {
            var old = await db.Certificates.SingleAsync(c => c.Serial == issued.CertificateSerial);
            old.ExpiresOn = kit.Today.AddMonths(2);
            await db.SaveChangesAsync();
        }

        var renewal = await kit.PaidAsync("16322800001", Procedure.Renewal, "resident-card-photo");
        var renewed = await kit.CardAsync(renewal, card.Connection, password: "NEW2PASS");

        IssuanceKit.Require(renewed);
        Assert.NotEqual(issued.CertificateSerial, renewed.CertificateSerial);
        var application = await kit.ApplicationAsync(renewal);
        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.Contains(application.History, h => h.Note == "old certificate superseded");
        await using var check = kit.NewContext();
        var oldRow = await TestRegister.RowAsync(check, issued.CertificateSerial!);
        var newRow = await TestRegister.RowAsync(check, renewed.CertificateSerial!);
        Assert.Equal(CertificateStatus.Revoked, oldRow.Status);
        Assert.Equal(RevocationReason.Superseded, oldRow.RevocationReason);
        Assert.Equal(CertificateStatus.Active, newRow.Status);
        Assert.Equal(OcspCertStatusKind.Revoked, kit.Ca.Responder.StatusOf(CertificateSerial.Parse(oldRow.Serial)).Kind);
        Assert.Equal(RevocationReason.Superseded, kit.Ca.Responder.StatusOf(CertificateSerial.Parse(oldRow.Serial)).Reason);
        Assert.Equal(OcspCertStatusKind.Good, kit.Ca.Responder.StatusOf(CertificateSerial.Parse(newRow.Serial)).Kind);
        var client = new ResidentCardClient(card.Connection);
        Assert.True((await client.VerifyPasswordAsync("NEW2PASS".AsMemory())).IsVerified);
        Assert.Equal(newRow.Der, await client.ReadSigningCertificateAsync());

        // Only after the new one is on the card: the supersession's audit entry follows the write's.
        var audit = await kit.AuditAsync();
        var write = audit.Single(a => a.Action == "card.certificate-written" && a.Details!.Contains(renewed.CertificateSerial!, StringComparison.Ordinal));
        var revoke = audit.Single(a => a.Action == "certificate.revoked" && a.Details!.Contains(issued.CertificateSerial!, StringComparison.Ordinal));
        Assert.True(revoke.Id > write.Id);
        Assert.Contains("Superseded", revoke.Details, StringComparison.Ordinal);
    }

    /// <summary>Calls <paramref name="onCommand"/> before each command, so the test sees the progress the handler reports.</summary>
    private sealed class WatchingConnection(Card.Connection.ISmartCardConnection inner, Action onCommand) : Card.Connection.ISmartCardConnection
    {
        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
        {
            onCommand();
            return inner.TransmitAsync(command, cancellationToken);
        }

        public Task<Card.Connection.ISmartCardTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => inner.BeginTransactionAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
