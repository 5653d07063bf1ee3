using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using Columns = CounterApp.Web.Features.RegisterSync.RegisterCsvColumns;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>
/// What one CSV row does to one resident, worked out before anything is written so a dry run and a real run agree.
/// The row's card is the resident's current card: any other card still active is marked replaced (R-RV-02).
/// </summary>
internal sealed class ResidentPlan
{
    private readonly string _municipality;
    private readonly List<ResidentCardRecord> _replacedCards;

    private ResidentPlan(RegisterRow row, ResidentRecord? existing, string municipality, List<string> changed, List<ResidentCardRecord> replacedCards)
    {
        Row = row;
        Existing = existing;
        _municipality = municipality;
        ChangedFields = changed;
        _replacedCards = replacedCards;
        Outcome = existing is null ? RegisterImportOutcome.Inserted
            : changed.Count > 0 ? RegisterImportOutcome.Updated
            : RegisterImportOutcome.Unchanged;
    }

    public RegisterRow Row { get; }

    public ResidentRecord? Existing { get; }

    public RegisterImportOutcome Outcome { get; }

    /// <summary>The CSV headers of the fields that change (empty for an insert).</summary>
    public IReadOnlyList<string> ChangedFields { get; }

    public List<RevocationRequestRecord> Revocations { get; set; } = [];

    public static ResidentPlan For(RegisterRow row, ResidentRecord? existing, string municipality)
    {
        if (existing is null)
        {
            return new ResidentPlan(row, null, municipality, [], []);
        }

        var changed = new List<string>();
        void Compare<T>(RegisterCsvColumn column, T current, T incoming)
        {
            if (!EqualityComparer<T>.Default.Equals(current, incoming))
            {
                changed.Add(column.Name);
            }
        }

        Compare(Columns.FamilyName, existing.FamilyName, row.FamilyName);
        Compare(Columns.GivenName, existing.GivenName, row.GivenName);
        Compare(Columns.FamilyNameKana, existing.FamilyNameKana, row.FamilyNameKana);
        Compare(Columns.GivenNameKana, existing.GivenNameKana, row.GivenNameKana);
        Compare(Columns.BirthDate, existing.BirthDate, row.BirthDate);
        Compare(Columns.Sex, existing.Sex, row.Sex);
        Compare(Columns.Address, existing.Address, row.Address);
        if (row.HasWardColumn)
        {
            Compare(Columns.Ward, existing.Ward, row.Ward);
        }

        Compare(Columns.Status, existing.RegisterStatus, row.Status);
        if (row.IsAdultWard is { } adultWard)
        {
            Compare(Columns.AdultWard, existing.IsAdultWard, adultWard);
        }

        var replaced = new List<ResidentCardRecord>();
        if (row.Card is { } card)
        {
            var current = existing.Cards.FirstOrDefault(c => c.CardNumber == card.Number);
            if (current is null)
            {
                changed.Add(Columns.CardNumber.Name);
            }
            else
            {
                Compare(Columns.CardHasPhoto, current.HasPhoto, card.HasPhoto);
                Compare(Columns.CardExpiry, current.ExpiryDate, card.ExpiryDate);
                Compare(Columns.CardChipSerial, current.ChipSerial, card.ChipSerial);
            }

            replaced.AddRange(existing.Cards.Where(c => c.CardNumber != card.Number && c.Status == CardStatus.Active));
            if (replaced.Count > 0 && current is not null)
            {
                changed.Add(Columns.CardNumber.Name);
            }
        }

        if (changed.Count == 0 && existing.SearchKey != SearchKey(row))
        {
            changed.Add(nameof(ResidentRecord.SearchKey));
        }

        return new ResidentPlan(row, existing, municipality, changed, replaced);
    }

    /// <summary>The R-RV-02 events this row amounts to for an existing resident.</summary>
    public IReadOnlyList<RegisterEvent> Events(DateTimeOffset at)
    {
        if (Existing is not { } resident)
        {
            return [];
        }

        var events = new List<RegisterEvent>();
        void Add(bool when, RegisterEventKind kind, string? card = null)
        {
            if (when)
            {
                events.Add(new RegisterEvent(kind, resident.ResidentCode, at, card));
            }
        }

        Add(resident.FamilyName != Row.FamilyName || resident.GivenName != Row.GivenName, RegisterEventKind.NameChanged);
        Add(resident.Address != Row.Address, RegisterEventKind.AddressChanged);
        Add(resident.Sex != Row.Sex, RegisterEventKind.SexChanged);
        Add(resident.BirthDate != Row.BirthDate, RegisterEventKind.BirthDateChanged);
        Add(resident.RegisterStatus != RegisterStatus.MovedOut && Row.Status == RegisterStatus.MovedOut, RegisterEventKind.MovedOut);
        Add(resident.RegisterStatus != RegisterStatus.Deceased && Row.Status == RegisterStatus.Deceased, RegisterEventKind.Died);
        foreach (var card in _replacedCards)
        {
            Add(true, RegisterEventKind.CardReplaced, card.CardNumber);
        }

        return events;
    }

    /// <summary>Writes the row into the resident (a new one for an insert); the caller adds new residents to the context.</summary>
    public ResidentRecord Apply(DateTime now)
    {
        var resident = Existing ?? new ResidentRecord
        {
            ResidentCode = Row.ResidentCode,
            MunicipalityCode = _municipality,
            FamilyName = Row.FamilyName,
            GivenName = Row.GivenName,
            FamilyNameKana = Row.FamilyNameKana,
            GivenNameKana = Row.GivenNameKana,
            Address = Row.Address,
        };
        resident.FamilyName = Row.FamilyName;
        resident.GivenName = Row.GivenName;
        resident.FamilyNameKana = Row.FamilyNameKana;
        resident.GivenNameKana = Row.GivenNameKana;
        resident.SearchKey = SearchKey(Row);
        resident.BirthDate = Row.BirthDate;
        resident.Sex = Row.Sex;
        resident.Address = Row.Address;
        if (Row.HasWardColumn)
        {
            resident.Ward = Row.Ward;
        }

        resident.RegisterStatus = Row.Status;
        if (Row.IsAdultWard is { } adultWard)
        {
            resident.IsAdultWard = adultWard;
        }

        resident.UpdatedAt = now;
        if (Row.Card is { } card)
        {
            var current = resident.Cards.FirstOrDefault(c => c.CardNumber == card.Number);
            if (current is null)
            {
                current = new ResidentCardRecord { CardNumber = card.Number, IssuingMunicipalityCode = _municipality, Status = CardStatus.Active };
                resident.Cards.Add(current);
            }

            current.HasPhoto = card.HasPhoto;
            current.ExpiryDate = card.ExpiryDate;
            current.ChipSerial = card.ChipSerial;
        }

        foreach (var old in _replacedCards)
        {
            old.Status = CardStatus.Replaced;
        }

        return resident;
    }

    private static string SearchKey(RegisterRow row) =>
        ResidentSearchKey.For(row.FamilyName, row.GivenName, row.FamilyNameKana, row.GivenNameKana);
}
