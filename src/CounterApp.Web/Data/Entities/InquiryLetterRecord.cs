using CounterApp.Domain.Letters;

namespace CounterApp.Web.Data.Entities;

/// <summary>照会書 (R-VI-02..05), addressed from the register entry at preparation.</summary>
public sealed class InquiryLetterRecord
{
    public long Id { get; set; }

    /// <summary>12 digits with a Luhn check digit; unique.</summary>
    public required string Reference { get; set; }

    public Guid ApplicationId { get; set; }

    public long ResidentId { get; set; }

    public required string AddresseeName { get; set; }

    public required string Address { get; set; }

    public DateOnly PreparedOn { get; set; }

    public DateOnly? MailedOn { get; set; }

    public int ValidDays { get; set; }

    public LetterStatus Status { get; set; }

    /// <summary>The letter that replaced this one on reissue.</summary>
    public long? SupersededById { get; set; }
}
