using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>Texts of the inquiry-letter procedure: Resources/Features/InquiryLetters/LetterText.resx (Japanese) and .en.resx.</summary>
public sealed class LetterText
{
    private static readonly ResourceText Text = new(typeof(LetterText));

    public static string Get(string name, params object?[] args) => Text.Format(name, args);

    /// <summary>The letter status as the clerk reads it (作成済み・未送付, 郵送済み…).</summary>
    public static string Status(Domain.Letters.LetterStatus status) => Get("Status_" + status);
}
