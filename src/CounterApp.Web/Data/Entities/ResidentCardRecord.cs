using CounterApp.Domain.Residents;

namespace CounterApp.Web.Data.Entities;

/// <summary>A resident card issued by the municipality.</summary>
public sealed class ResidentCardRecord : IVersioned
{
    public long Id { get; set; }

    public required string CardNumber { get; set; }

    public long ResidentId { get; set; }

    public ResidentRecord? Resident { get; set; }

    public required string IssuingMunicipalityCode { get; set; }

    public bool HasPhoto { get; set; }

    public DateOnly ExpiryDate { get; set; }

    public CardStatus Status { get; set; }

    /// <summary>
    /// The card chip's serial as the register states it (16 upper-case hex characters, EF 0006 of the card); null on a
    /// row the register has not completed yet. R-CA-04: every card operation runs only on the card with this serial.
    /// </summary>
    public string? ChipSerial { get; set; }

    public int Version { get; set; }

    public ResidentCard ToDomain(string residentCode) =>
        new(CardNumber, residentCode, IssuingMunicipalityCode, HasPhoto, ExpiryDate, Status);
}
