namespace CounterApp.Web.Data.Entities;

/// <summary>R-ID-01: an accepted identity document type, editable by an administrator.</summary>
public sealed class IdentityDocumentTypeRecord
{
    public required string Code { get; set; }

    public required string NameJa { get; set; }

    public required string NameEn { get; set; }

    public DateOnly? IssuedOnOrAfter { get; set; }

    public bool Accepted { get; set; } = true;

    public int SortOrder { get; set; }

    /// <summary>R-ID-02: the address on this kind of document is compared with the register (false for documents without one).</summary>
    public bool AddressCheck { get; set; } = true;
}

/// <summary>R-FE-01: the fee schedule, one row per fee item, in yen.</summary>
public sealed class FeeRecord
{
    public CounterApp.Domain.Fees.FeeItem Item { get; set; }

    public int Amount { get; set; }
}

/// <summary>R-HR-02: a 休日開庁日 — the town hall opens, certificate services do not.</summary>
public sealed class HolidayOpeningDay
{
    public DateOnly Day { get; set; }

    public string? Note { get; set; }
}

/// <summary>A closed day declared after release (e.g. a one-off national holiday by special law), on top of the computed calendar.</summary>
public sealed class ExtraHoliday
{
    public DateOnly Day { get; set; }

    public required string Name { get; set; }
}

/// <summary>A named setting (letter validity days, copy retention, …) as text.</summary>
public sealed class Setting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
