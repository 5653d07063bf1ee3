using CounterApp.Domain.Applications;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DemoTown;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Features.Residents;

/// <summary>
/// The demo town (上市町, counter 2, clerk/supervisor) on a fresh database of either provider, on 2026-11-24 10:00 Tokyo,
/// plus residents for the search: half-width kana, an era-born 令和元年 child, 51 山田 for the limit. The handlers are
/// built on contexts that count their SQL commands.
/// </summary>
internal sealed class ResidentKit : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9));

    public static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>Family name shared by more residents than one page holds.</summary>
    public const string ManyFamilyName = "山田";

    public const int ManyCount = ResidentSearch.Limit + 1;

    private ResidentKit(TestDatabase database, int officeId, int counterId)
    {
        Database = database;
        OfficeId = officeId;
        CounterId = counterId;
    }

    public TestDatabase Database { get; }

    public FixedTimeProvider Clock { get; } = new(Now);

    public CommandCounter Counter { get; } = new();

    public int OfficeId { get; }

    public int CounterId { get; }

    public static async Task<ResidentKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var services = TestServices.Build(database, new FixedTimeProvider(Now)))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoTownSeeder>().SeedAsync();
        }

        await using var db = database.NewContext();
        var office = await db.Offices.Include(o => o.Counters).SingleAsync(o => o.Code == DemoTownSeeder.OfficeCode);
        var kit = new ResidentKit(database, office.Id, office.Counters[0].Id);
        db.Residents.Add(Resident("16322800101", "上市", "花", "ｶﾐｲﾁ", "ﾊﾅ", new DateOnly(1992, 6, 15), "K0101"));
        db.Residents.Add(Resident("16322800102", "早月", "令", "はやつき", "れい", new DateOnly(2019, 5, 1), "K0102"));
        for (var i = 0; i < ManyCount; i++)
        {
            db.Residents.Add(Resident($"163229{i:D5}", ManyFamilyName, $"{i:D2}子", "ヤマダ", $"{i:D2}", new DateOnly(1950, 1, 1).AddDays(i), $"Y{i:D4}"));
        }

        await db.SaveChangesAsync();
        return kit;
    }

    public static ResidentRecord Resident(string code, string family, string given, string familyKana, string givenKana, DateOnly birth, string? card) => new()
    {
        ResidentCode = code,
        MunicipalityCode = DemoPeople.MunicipalityCode,
        RegisterStatus = RegisterStatus.Registered,
        FamilyName = family,
        GivenName = given,
        FamilyNameKana = familyKana,
        GivenNameKana = givenKana,
        BirthDate = birth,
        Sex = Sex.Female,
        Address = DemoPeople.Address,
        UpdatedAt = Now.UtcDateTime,
        Cards = card is null ? [] : [new ResidentCardRecord { CardNumber = card, ChipSerial = DemoPeople.ChipSerialFor(card), IssuingMunicipalityCode = DemoPeople.MunicipalityCode, HasPhoto = true, ExpiryDate = Today.AddYears(5), Status = CardStatus.Active }],
    };

    public CounterDbContext NewContext() => Database.NewContext();

    /// <summary>A context whose commands <see cref="Counter"/> counts.</summary>
    public CounterDbContext CountingContext()
    {
        var builder = new DbContextOptionsBuilder<CounterDbContext>();
        DatabaseExtensions.Configure(builder, Database.Options);
        builder.AddInterceptors(Counter);
        return new CounterDbContext(builder.Options);
    }

    public async Task<ResidentSearchResult> SearchAsync(string? input)
    {
        await using var db = CountingContext();
        return await new ResidentSearch(db, TestRegister.Statuses(db), Clock).SearchAsync(input);
    }

    public async Task<ResidentDetail?> DetailAsync(long id)
    {
        await using var db = CountingContext();
        return await new ResidentDetailHandler(db, TestRegister.Statuses(db), Clock).GetAsync(id);
    }

    public async Task<long> IdOfAsync(string residentCode)
    {
        await using var db = NewContext();
        return await db.Residents.Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync();
    }

    /// <summary>
    /// Gives a resident a history: <paramref name="rounds"/> applications each with a receipt (every other one voided)
    /// and an inquiry letter, a superseded old certificate, and audit entries naming them; one entry for another resident.
    /// </summary>
    public async Task AddHistoryAsync(string residentCode, int rounds)
    {
        await using var db = NewContext();
        var resident = await db.Residents.Include(r => r.Cards).SingleAsync(r => r.ResidentCode == residentCode);
        var card = resident.Cards[0];
        var sequence = await db.Receipts.CountAsync();
        for (var i = 0; i < rounds; i++)
        {
            var at = Now.AddDays(-30 + i).UtcDateTime;
            var application = new ApplicationRecord
            {
                Id = Guid.NewGuid(),
                OfficeId = OfficeId,
                CounterId = CounterId,
                ResidentId = resident.Id,
                Procedure = i % 2 == 0 ? Procedure.Renewal : Procedure.NewIssuance,
                Applicant = i % 3 == 0 ? ApplicantKind.Proxy : ApplicantKind.InPerson,
                State = ApplicationState.Completed,
                ReceivedAt = at,
                ReceivedBy = "clerk",
            };
            db.Applications.Add(application);
            sequence++;
            db.Receipts.Add(new Receipt
            {
                OfficeId = OfficeId,
                FiscalYear = 2026,
                Sequence = sequence,
                Number = new ReceiptNumber(DemoTownSeeder.OfficeCode, 2026, sequence).ToString(),
                ApplicationId = application.Id,
                CounterId = CounterId,
                Clerk = "clerk",
                PaidAt = at,
                LedgerDay = DateOnly.FromDateTime(at.AddHours(9)),
                Total = 500,
                Lines = [new CounterApp.Web.Data.Entities.ReceiptLine { Item = FeeItem.CertificateRenewal, Amount = 500 }],
                Void = i % 2 == 1 ? new ReceiptVoid { Kind = PaymentVoidKind.Void, Reason = "書込み失敗", RequestedBy = "clerk", ApprovedBy = "supervisor", At = at, LedgerDay = DateOnly.FromDateTime(at.AddHours(9)) } : null,
            });
            db.InquiryLetters.Add(new InquiryLetterRecord
            {
                Reference = $"{residentCode[^6..]}{i:D6}",
                ApplicationId = application.Id,
                ResidentId = resident.Id,
                AddresseeName = resident.FamilyName + " " + resident.GivenName,
                Address = resident.Address,
                PreparedOn = DateOnly.FromDateTime(at),
                MailedOn = DateOnly.FromDateTime(at).AddDays(1),
                ValidDays = 30,
                Status = LetterStatus.Used,
            });
        }

        var old = new CertificateRecord
        {
            Serial = $"0LD{residentCode}",
            ResidentId = resident.Id,
            CardId = card.Id,
            IssuedOn = Today.AddYears(-6),
            ExpiresOn = Today.AddYears(-3),
        };
        db.Certificates.Add(old);
        TestRegister.AddLegacy(db, old, Now.AddYears(-3).AddDays(-10).UtcDateTime, RevocationReason.Superseded);
        await db.SaveChangesAsync();

        var audit = new AuditTrail(db, Clock);
        for (var i = 0; i < rounds; i++)
        {
            await audit.AppendAsync(new AuditEvent { Actor = "clerk", Counter = "2", ResidentCode = residentCode, Action = "test.step", Outcome = AuditOutcomes.Succeeded, Details = new Dictionary<string, string?> { ["round"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }

        // Another resident's entry that quotes this code in its details must not show on this resident's page.
        await audit.AppendAsync(new AuditEvent { Actor = "clerk", ResidentCode = "16322800002", Action = "test.other", Outcome = AuditOutcomes.Succeeded, Details = new Dictionary<string, string?> { ["mentions"] = residentCode } });
    }

    /// <summary>
    /// A receipt of 500 yen paid at <paramref name="paidAt"/> by <paramref name="clerk"/> at counter 2, for an application of
    /// the resident (or none, as an old import), voided the same minute when <paramref name="voidReason"/> is given.
    /// </summary>
    public async Task<Receipt> PayAsync(string? residentCode, DateTimeOffset paidAt, string clerk, string? voidReason = null)
    {
        await using var db = NewContext();
        Guid? applicationId = null;
        if (residentCode is not null)
        {
            var application = new ApplicationRecord
            {
                Id = Guid.NewGuid(),
                OfficeId = OfficeId,
                CounterId = CounterId,
                ResidentId = await db.Residents.Where(r => r.ResidentCode == residentCode).Select(r => r.Id).SingleAsync(),
                Procedure = Procedure.NewIssuance,
                Applicant = ApplicantKind.InPerson,
                State = ApplicationState.FeePaid,
                ReceivedAt = paidAt.UtcDateTime,
                ReceivedBy = clerk,
            };
            db.Applications.Add(application);
            applicationId = application.Id;
        }

        var sequence = await db.Receipts.CountAsync() + 1;
        var day = DateOnly.FromDateTime(paidAt.ToOffset(TimeSpan.FromHours(9)).DateTime);
        var receipt = new Receipt
        {
            OfficeId = OfficeId,
            FiscalYear = FiscalYear.Of(day),
            Sequence = sequence,
            Number = new ReceiptNumber(DemoTownSeeder.OfficeCode, FiscalYear.Of(day), sequence).ToString(),
            ApplicationId = applicationId,
            CounterId = CounterId,
            Clerk = clerk,
            PaidAt = AuditChain.Stored(paidAt),
            LedgerDay = day,
            Total = 500,
            Lines = [new CounterApp.Web.Data.Entities.ReceiptLine { Item = FeeItem.CertificateIssuance, Amount = 500 }],
            Void = voidReason is null ? null : new ReceiptVoid { Kind = PaymentVoidKind.Void, Reason = voidReason, RequestedBy = clerk, ApprovedBy = "supervisor", At = AuditChain.Stored(paidAt), LedgerDay = day },
        };
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync();
        return receipt;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
