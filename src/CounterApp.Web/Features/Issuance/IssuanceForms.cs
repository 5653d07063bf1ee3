using CounterApp.Domain.Fees;

namespace CounterApp.Web.Features.Issuance;

/// <summary>A form with nothing to enter but the button (the antiforgery token comes with the form).</summary>
public sealed class StepForm
{
    public string? Step { get; set; }
}

/// <summary>The first screen's choices, as posted: a choice that is missing or not one of the options stays null (refused).</summary>
public sealed class StartForm
{
    public string? Procedure { get; set; }

    public string? Applicant { get; set; }
}

/// <summary>The identity document as the clerk enters it; the scan comes as the file field "copy".</summary>
public sealed class DocumentForm
{
    public string? TypeCode { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public bool AddressMatches { get; set; } = true;
}

public sealed class SealForm
{
    public bool Confirmed { get; set; }
}

/// <summary>A reason (abandoning the card step, asking for a void) and, for voids, its kind.</summary>
public sealed class ReasonForm
{
    public string? Reason { get; set; }

    public PaymentVoidKind Kind { get; set; } = PaymentVoidKind.Void;
}
