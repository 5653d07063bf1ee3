namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>Section "Letters": validity of an inquiry letter (R-VI-04, demo 30 days) and how often the expiry job runs.</summary>
public sealed class LetterOptions
{
    public const string Section = "Letters";

    /// <summary>Days from mailing the letter can be used (R-VI-04).</summary>
    public int ValidDays { get; set; } = 30;

    /// <summary>How often the expiry job looks for letters past their validity (R-VI-04).</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromHours(1);
}
