using CounterApp.Domain.Applications;
using CounterApp.Domain.Letters;
using CounterApp.Web.Documents.Letters;

namespace CounterApp.Web.Tests.Documents;

internal static class LetterSamples
{
    public static InquiryLetterData Letter(long body = 16_322_800_001, string name = "剱 花子", ApplicantKind applicant = ApplicantKind.Proxy) => new(
        "上市町",
        "上市町役場 町民課 住基戸籍班",
        InquiryReference.FromBody(body),
        name,
        "富山県中新川郡上市町稗田1番地",
        Procedure.NewIssuance,
        applicant,
        new DateOnly(2026, 11, 20),
        new DateOnly(2026, 11, 24),
        new DateOnly(2026, 12, 24));
}
