using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Documents.Letters;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Documents;

public sealed class InquiryLetterBatchTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-VI-05")]
    public async Task PrintMailedOn_WhenLettersOfSeveralDaysAndStates_PrintsTodaysMailedOnesOneAPage(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var today = LedgerKit.Day1;
        await using (var db = kit.NewContext())
        {
            var residents = await db.Residents.OrderBy(r => r.ResidentCode).Take(4).ToListAsync();
            (LetterStatus Status, DateOnly? Mailed)[] letters =
            [
                (LetterStatus.Mailed, today),
                (LetterStatus.Mailed, today),
                (LetterStatus.Mailed, today.AddDays(-1)),
                (LetterStatus.Prepared, null),
            ];
            for (var i = 0; i < letters.Length; i++)
            {
                var application = new ApplicationRecord
                {
                    Id = Guid.NewGuid(),
                    OfficeId = kit.OfficeId,
                    ResidentId = residents[i].Id,
                    Procedure = i == 1 ? Procedure.Renewal : Procedure.NewIssuance,
                    Applicant = ApplicantKind.Proxy,
                    State = ApplicationState.InquiryLetterMailed,
                    ReceivedAt = LedgerKit.At(today.AddDays(-2), 10, 0).UtcDateTime,
                    ReceivedBy = "clerk",
                };
                db.Applications.Add(application);
                db.InquiryLetters.Add(new InquiryLetterRecord
                {
                    Reference = InquiryReference.FromBody(16_322_800_100 + i).Value,
                    ApplicationId = application.Id,
                    ResidentId = residents[i].Id,
                    AddresseeName = residents[i].FamilyName + " " + residents[i].GivenName,
                    Address = residents[i].Address,
                    PreparedOn = today.AddDays(-2),
                    MailedOn = letters[i].Mailed,
                    ValidDays = 30,
                    Status = letters[i].Status,
                });
            }

            await db.SaveChangesAsync();
        }

        await using var read = kit.NewContext();
        var batch = new InquiryLetterBatch(read, PdfTools.Renderer);
        var pdf = await batch.PrintMailedOnAsync(kit.OfficeId, today);

        Assert.NotNull(pdf);
        Assert.Equal(2, pdf.PageCount);
        var first = PdfTools.Squeeze(await PdfTools.TextAsync(pdf, 1));
        Assert.Contains("上市 太郎 様", first);
        Assert.Contains("富山県中新川郡上市町稗田1番地", first);
        Assert.Contains("令和8年(2026年)12月24日まで", first);
        Assert.Contains("令和8年(2026年)11月22日", first);
        Assert.Contains("剱 花子 様", PdfTools.Squeeze(await PdfTools.TextAsync(pdf, 2)));
        Assert.Contains("電子証明書の更新", PdfTools.Squeeze(await PdfTools.TextAsync(pdf, 2)));
        Assert.Equal([InquiryReference.FromBody(16_322_800_101).Value, InquiryReference.FromBody(16_322_800_101).Value], await PdfTools.QrCodesAsync(pdf, 2));
        Assert.Null(await batch.PrintMailedOnAsync(kit.OfficeId, today.AddDays(1)));
    }
}
