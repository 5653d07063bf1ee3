namespace CounterApp.Web.Features.InquiryLetters;

/// <summary>The letters page's form: the button pressed ("mail", "return-{id}", "reissue-{id}"); the ticked letters come as "letterIds".</summary>
public sealed class LetterForm
{
    public string? Op { get; set; }
}
