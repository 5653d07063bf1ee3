using CounterApp.Domain.Applications;
using CounterApp.Domain.Calendar;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Fees;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>
/// The counter's configurable values (section "Counter"), demo defaults from SPEC.md. They move to the settings
/// tables with the persistence work; until then appsettings or environment variables change them.
/// </summary>
public sealed class CounterSettings
{
    public const string Section = "Counter";

    /// <summary>休日開庁日: town-hall opening days with no certificate services (R-HR-02).</summary>
    public List<DateOnly> HolidayOpeningDays { get; init; } = [];

    /// <summary>R-EL-06: per procedure, the last accepted moment (Tokyo wall-clock).</summary>
    public Dictionary<Procedure, DateTime> LastAcceptance { get; init; } = [];

    /// <summary>R-FE-01 fee schedule in yen.</summary>
    public int IssuanceFee { get; init; } = 500;

    public int RenewalFee { get; init; } = 500;

    public int ResidentCardFee { get; init; } = 500;

    /// <summary>R-VI-04: days an inquiry letter stays valid after mailing.</summary>
    public int InquiryLetterValidDays { get; init; } = 30;

    public OfficeHours Hours => OfficeHours.Default.WithHolidayOpeningDays(HolidayOpeningDays);

    public FeeSchedule Fees => new(IssuanceFee, RenewalFee, ResidentCardFee);

    public IdentityDocumentCatalog Documents => IdentityDocumentCatalog.Default;
}
