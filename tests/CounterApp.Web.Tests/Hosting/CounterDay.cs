using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Administration;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.Readers;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Tests.Features.Issuance;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// A day's work in the demo town, through the app's own handlers (clock 2026-11-24 10:00 Tokyo): a same-day issuance
/// on the simulated card (certificate, receipt), a proxy's letter mailed, an application waiting at the seal step, a
/// voided receipt and a pending void, a 休日開庁日, a last-acceptance moment and a reader agent's enrolment code.
/// </summary>
internal sealed class CounterDay
{
    public const string Issued = "16322800002"; // 剱 花子: driver's licence, same day (R-VI-01)
    public const string ByProxy = "16322800001"; // 上市 太郎: a proxy, inquiry letter mailed (R-VI-03)
    public const string AtSeal = "16322800006"; // 中山 次郎: driver's licence recorded, seal not yet confirmed
    public const string Voided = "16322800007"; // 弓庄 恵子: a receipt voided
    public const string VoidPending = "16322800008"; // 森尻 誠: a receipt whose void waits for the supervisor
    public const string Under15 = "16322800003"; // 立山 健: refused, special procedure (R-EL-03)

    private readonly CounterAppFactory _app;

    private CounterDay(CounterAppFactory app) => _app = app;

    public Guid IssuedApplication { get; private set; }

    public Guid ProxyApplication { get; private set; }

    public Guid SealApplication { get; private set; }

    public Guid RefusedApplication { get; private set; }

    public string LetterReference { get; private set; } = string.Empty;

    public long ReceiptId { get; private set; }

    public long CertificateId { get; private set; }

    public Dictionary<string, long> Residents { get; } = [];

    public static async Task<CounterDay> CreateAsync(CounterAppFactory app)
    {
        var day = new CounterDay(app);
        await day.FillAsync();
        return day;
    }

    private async Task FillAsync()
    {
        int officeId, counterId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var office = await db.Offices.Include(o => o.Counters).SingleAsync(o => o.Code == DemoTownSeeder.OfficeCode);
            officeId = office.Id;
            counterId = office.Counters.Single(c => c.Number == 2).Id;
            foreach (var r in await db.Residents.AsNoTracking().Select(r => new { r.Id, r.ResidentCode }).ToListAsync())
            {
                Residents[r.ResidentCode] = r.Id;
            }
        }

        var today = new DateOnly(2026, 11, 24);
        Task<IssuanceResult> Document(Guid id) => Run<RecordIdentityDocumentHandler, IssuanceResult>(h => h.HandleAsync(new RecordIdentityDocument(
            id, "driver-licence", today.AddYears(-2), today.AddYears(1), true, "image/png", IssuanceKit.Scan, IssuanceKit.Clerk, counterId)));

        // Same day: start → eligibility → licence → seal → fee → the card in the counter's simulated reader.
        IssuedApplication = await StartedAsync(Issued, ApplicantKind.InPerson, officeId, counterId);
        IssuanceKit.Require(await Document(IssuedApplication));
        IssuanceKit.Require(await Run<ConfirmSealHandler, IssuanceResult>(h => h.HandleAsync(new ConfirmSeal(IssuedApplication, true, IssuanceKit.Clerk, counterId))));
        IssuanceKit.Require(await Run<TakeFeeHandler, IssuanceResult>(h => h.HandleAsync(new TakeFee(IssuedApplication, IssuanceKit.Clerk, counterId))));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            var cardId = await db.ResidentCards.Where(c => c.Resident!.ResidentCode == Issued).Select(c => c.Id).FirstAsync();
            Assert.Equal(SimulatedReaderOutcome.Inserted, await scope.ServiceProvider.GetRequiredService<SimulatedReaderHandler>().InsertAsync(counterId, cardId, IssuanceKit.Clerk));
            await using var connection = await scope.ServiceProvider.GetRequiredService<ICounterReaders>().OpenCardAsync(counterId);
            IssuanceKit.Require(await scope.ServiceProvider.GetRequiredService<IssueOnCardHandler>().HandleAsync(
                new IssueOnCard(IssuedApplication, IssuanceKit.Clerk, counterId), connection,
                SimulatedCards.DemoCardPin.ToCharArray(), IssuanceKit.Password.ToCharArray(), IssuanceKit.Password.ToCharArray()));
            ReceiptId = await db.Receipts.Where(r => r.ApplicationId == IssuedApplication).Select(r => r.Id).SingleAsync();
            CertificateId = await db.Certificates.Where(c => c.ApplicationId == IssuedApplication).Select(c => c.Id).SingleAsync();
        }

        // A proxy: two visits, the letter prepared and mailed to the resident.
        ProxyApplication = await StartedAsync(ByProxy, ApplicantKind.Proxy, officeId, counterId);
        Assert.Equal(IssuanceOutcome.TwoVisits, (await Document(ProxyApplication)).Outcome);
        var prepared = await Run<PrepareInquiryLetterHandler, LetterResult>(h => h.HandleAsync(new PrepareInquiryLetter(ProxyApplication, IssuanceKit.Clerk, counterId)));
        Assert.True(prepared.Succeeded, prepared.Message);
        LetterReference = prepared.References[0];
        long letterId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            letterId = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().InquiryLetters.Where(l => l.ApplicationId == ProxyApplication).Select(l => l.Id).SingleAsync();
        }

        var mailed = await Run<MarkLettersMailedHandler, LetterResult>(h => h.HandleAsync(new MarkLettersMailed([letterId], IssuanceKit.Clerk, counterId)));
        Assert.True(mailed.Succeeded, mailed.Message);

        // Waiting at the seal step, the licence on file.
        SealApplication = await StartedAsync(AtSeal, ApplicantKind.InPerson, officeId, counterId);
        IssuanceKit.Require(await Document(SealApplication));

        // Refused at eligibility: the closed step names the rules.
        var under15 = await Run<StartApplicationHandler, IssuanceResult>(h => h.HandleAsync(
            new StartApplication(Residents[Under15], Procedure.NewIssuance, ApplicantKind.InPerson, IssuanceKit.Clerk, officeId, counterId)));
        RefusedApplication = under15.ApplicationId!.Value;
        Assert.False((await Run<CheckEligibilityHandler, IssuanceResult>(h => h.HandleAsync(new CheckEligibility(RefusedApplication, IssuanceKit.Clerk, counterId)))).Succeeded);

        await PaidAsync(Voided, officeId, counterId, voided: true);
        await PaidAsync(VoidPending, officeId, counterId, voided: false);

        var opening = await Run<HolidayOpeningDaysHandler, AdminResult>(h => h.AddAsync(new AddHolidayOpeningDay("2026-12-06", "日曜開庁", "admin")));
        Assert.True(opening.Succeeded, opening.Message);
        var deadline = await Run<SaveLastAcceptanceHandler, AdminResult>(async h => await h.HandleAsync(new SaveLastAcceptance(
            [new LastAcceptanceInput(Procedure.Renewal, "2026-12-25", "17:00")], SaveLastAcceptanceHandler.Describe(await h.CurrentAsync()), "admin")));
        Assert.True(deadline.Succeeded, deadline.Message);
        var code = await Run<ReaderAgentsHandler, AdminResult>(h => h.IssueCodeAsync("窓口2の端末", counterId, "admin"));
        Assert.True(code.Succeeded, code.Message);
    }

    private async Task<Guid> StartedAsync(string residentCode, ApplicantKind applicant, int officeId, int counterId)
    {
        var started = await Run<StartApplicationHandler, IssuanceResult>(h => h.HandleAsync(
            new StartApplication(Residents[residentCode], Procedure.NewIssuance, applicant, IssuanceKit.Clerk, officeId, counterId)));
        IssuanceKit.Require(started);
        var id = started.ApplicationId!.Value;
        IssuanceKit.Require(await Run<CheckEligibilityHandler, IssuanceResult>(h => h.HandleAsync(new CheckEligibility(id, IssuanceKit.Clerk, counterId))));
        return id;
    }

    /// <summary>A 500-yen receipt paid today at 9:30, voided with a supervisor's approval or waiting for it.</summary>
    private async Task PaidAsync(string residentCode, int officeId, int counterId, bool voided)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var paidAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(9)).UtcDateTime;
        var application = new ApplicationRecord
        {
            Id = Guid.NewGuid(), OfficeId = officeId, CounterId = counterId, ResidentId = Residents[residentCode], Procedure = Procedure.Renewal,
            Applicant = ApplicantKind.InPerson, State = ApplicationState.FeePaid, ReceivedAt = paidAt, ReceivedBy = IssuanceKit.Clerk,
        };
        var sequence = await db.Receipts.CountAsync() + 1;
        var receipt = new Receipt
        {
            OfficeId = officeId, FiscalYear = 2026, Sequence = sequence, Number = new ReceiptNumber(DemoTownSeeder.OfficeCode, 2026, sequence).ToString(),
            ApplicationId = application.Id, CounterId = counterId, Clerk = IssuanceKit.Clerk, PaidAt = paidAt, LedgerDay = new DateOnly(2026, 11, 24), Total = 500,
            Lines = [new ReceiptLine { Item = FeeItem.CertificateRenewal, Amount = 500 }],
            Void = voided ? new ReceiptVoid { Kind = PaymentVoidKind.Refund, Reason = "書込み失敗", RequestedBy = IssuanceKit.Clerk, ApprovedBy = IssuanceKit.Supervisor, At = paidAt, LedgerDay = new DateOnly(2026, 11, 24) } : null,
        };
        db.Applications.Add(application);
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync();
        if (!voided)
        {
            db.Set<VoidRequestRecord>().Add(new VoidRequestRecord
            {
                ReceiptId = receipt.Id, ApplicationId = application.Id, Kind = PaymentVoidKind.Void, Reason = "二重収納", RequestedBy = IssuanceKit.Clerk,
                RequestedAt = paidAt, State = VoidRequestState.Pending,
            });
            await db.SaveChangesAsync();
        }
    }

    private async Task<T> Run<THandler, T>(Func<THandler, Task<T>> run)
        where THandler : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
