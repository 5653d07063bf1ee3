using CounterApp.Domain.Letters;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.InquiryLetters;
using CounterApp.Web.Tests.Features.Issuance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Tests.Features.InquiryLetters;

/// <summary>The issuance kit plus the letter handlers, each run in a fresh scope (one request).</summary>
internal static class LetterKit
{
    public const string NoPhotoCard = "16322800002";

    public static async Task<TResult> RunAsync<THandler, TResult>(this IssuanceKit kit, Func<THandler, Task<TResult>> run)
    {
        await using var scope = kit.Services.CreateAsyncScope();
        var handler = typeof(THandler) == typeof(PrepareInquiryLetterHandler)
            ? ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider, Options.Create(new LetterOptions()))
            : ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider);
        return await run(handler);
    }

    /// <summary>剱 花子 (non-photo card) in person, eligibility checked, a document that does not do: two visits.</summary>
    public static async Task<Guid> TwoVisitApplicationAsync(this IssuanceKit kit)
    {
        var id = (await kit.StartAsync(NoPhotoCard)).ApplicationId!.Value;
        IssuanceKit.Require(await kit.EligibilityAsync(id));
        return id;
    }

    public static Task<LetterResult> PrepareAsync(this IssuanceKit kit, Guid id) =>
        kit.RunAsync<PrepareInquiryLetterHandler, LetterResult>(h => h.HandleAsync(new PrepareInquiryLetter(id, IssuanceKit.Clerk, kit.CounterId)));

    public static Task<LetterResult> MailAsync(this IssuanceKit kit, params long[] ids) =>
        kit.RunAsync<MarkLettersMailedHandler, LetterResult>(h => h.HandleAsync(new MarkLettersMailed(ids, IssuanceKit.Clerk, kit.CounterId)));

    public static Task<LetterResult> ReturnAsync(this IssuanceKit kit, long id) =>
        kit.RunAsync<MarkLetterReturnedHandler, LetterResult>(h => h.HandleAsync(new MarkLetterReturned(id, IssuanceKit.Clerk, kit.CounterId)));

    public static Task<LetterResult> ReissueAsync(this IssuanceKit kit, long id) =>
        kit.RunAsync<ReissueLetterHandler, LetterResult>(h => h.HandleAsync(new ReissueLetter(id, IssuanceKit.Clerk, kit.CounterId)));

    public static Task<IReadOnlyList<string>> ExpireAsync(this IssuanceKit kit) =>
        kit.RunAsync<ExpireLettersHandler, IReadOnlyList<string>>(h => h.RunOnceAsync());

    public static async Task<List<InquiryLetterRecord>> LettersAsync(this IssuanceKit kit, Guid applicationId)
    {
        await using var db = kit.NewContext();
        return await db.InquiryLetters.AsNoTracking().Where(l => l.ApplicationId == applicationId).OrderBy(l => l.Id).ToListAsync();
    }

    public static async Task<InquiryLetterRecord> PreparedLetterAsync(this IssuanceKit kit, Guid applicationId)
    {
        Require(await kit.PrepareAsync(applicationId));
        return Assert.Single(await kit.LettersAsync(applicationId), l => l.Status == LetterStatus.Prepared);
    }

    public static void Require(LetterResult result) =>
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {result.Problem?.RuleId} {result.Problem?.Field}");
}
