using CounterApp.Domain.Applications;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Issuance;
using CounterApp.Web.Features.SecondVisit;
using CounterApp.Web.Tests.Features.InquiryLetters;
using CounterApp.Web.Tests.Features.Issuance;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.SecondVisit;

/// <summary>The letter kit plus the second visit: applications waiting with a mailed letter, and full checklists.</summary>
internal static class SecondVisitKit
{
    /// <summary>上市 太郎: a photo card, but a proxy never gets a same-day issue (R-VI-03).</summary>
    public const string PhotoCard = "16322800001";

    /// <summary>A proxy's first visit: received, eligible, the proxy's licence on file (two visits), letter prepared and mailed.</summary>
    public static async Task<(Guid Id, InquiryLetterRecord Letter)> MailedProxyApplicationAsync(this IssuanceKit kit)
    {
        var id = (await kit.StartAsync(PhotoCard, applicant: ApplicantKind.Proxy)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        var document = await kit.DocumentAsync(id);
        Assert.Equal(IssuanceOutcome.TwoVisits, document.Outcome);
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        return (id, letter);
    }

    /// <summary>剱 花子 in person with her non-photo card and no photo document: two visits, letter mailed.</summary>
    public static async Task<(Guid Id, InquiryLetterRecord Letter)> MailedInPersonApplicationAsync(this IssuanceKit kit)
    {
        var id = await kit.TwoVisitApplicationAsync();
        var letter = await kit.PreparedLetterAsync(id);
        LetterKit.Require(await kit.MailAsync(letter.Id));
        return (id, letter);
    }

    public static ConfirmSecondVisit InPerson(IssuanceKit kit, string? reference) =>
        new(reference, ApplicantKind.InPerson, IssuanceKit.Clerk, kit.CounterId) { AnswerSheet = true, ResidentCard = true, SealConfirmed = true };

    /// <summary>Everything R-PX-02 asks for, the seal certificate issued on <paramref name="sealIssuedOn"/>.</summary>
    public static ConfirmSecondVisit Proxy(IssuanceKit kit, string? reference, DateOnly sealIssuedOn) =>
        new(reference, ApplicantKind.Proxy, IssuanceKit.Clerk, kit.CounterId)
        {
            AnswerSheet = true,
            ResidentCard = true,
            PowerOfAttorney = true,
            PowerOfAttorneySigned = true,
            PowerOfAttorneySealed = true,
            SealCertificateIssuedOn = sealIssuedOn,
            SealCertificateMatches = true,
            ProxyDocumentType = "driver-licence",
            ProxyDocumentIssuedOn = kit.Today.AddYears(-2),
            ProxyDocumentExpiresOn = kit.Today.AddYears(1),
            CopyContentType = "image/png",
            Copy = IssuanceKit.Scan,
        };

    public static Task<IssuanceResult> ConfirmAsync(this IssuanceKit kit, ConfirmSecondVisit request) =>
        kit.RunAsync<ConfirmSecondVisitHandler, IssuanceResult>(h => h.HandleAsync(request));

    public static Task<(SecondVisitSummary? Summary, IssuanceResult? Refusal)> FindAsync(this IssuanceKit kit, string? typed) =>
        kit.RunAsync<SecondVisitLookup, (SecondVisitSummary?, IssuanceResult?)>(h => h.FindAsync(typed));

    public static async Task<List<PresentedDocumentRecord>> DocumentsAsync(this IssuanceKit kit, Guid id)
    {
        await using var db = kit.NewContext();
        return await db.PresentedDocuments.AsNoTracking().Include(d => d.Copy).Where(d => d.ApplicationId == id).OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<ApplicationView> ViewAsync(this IssuanceKit kit, Guid id)
    {
        await using var db = kit.NewContext();
        return (await ApplicationView.LoadAsync(db, CounterApp.Web.Tests.Support.TestRegister.Statuses(db), id))!;
    }
}
