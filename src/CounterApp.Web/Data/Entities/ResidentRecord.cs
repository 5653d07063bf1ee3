using CounterApp.Domain.Residents;

namespace CounterApp.Web.Data.Entities;

/// <summary>A resident as mirrored from the municipality's register (the register is the source of truth).</summary>
public sealed class ResidentRecord : IVersioned
{
    public long Id { get; set; }

    /// <summary>住民票コード, 11 digits with its check digit.</summary>
    public required string ResidentCode { get; set; }

    public required string MunicipalityCode { get; set; }

    public RegisterStatus RegisterStatus { get; set; }

    public required string FamilyName { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyNameKana { get; set; }

    public required string GivenNameKana { get; set; }

    /// <summary>Name and kana folded for search (width-, case- and kana-insensitive), maintained on save.</summary>
    public string SearchKey { get; set; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    public required string Address { get; set; }

    public string? Ward { get; set; }

    public bool IsAdultWard { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<ResidentCardRecord> Cards { get; set; } = [];

    public Resident ToDomain() => new(
        ResidentCode, MunicipalityCode, RegisterStatus, FamilyName, GivenName, FamilyNameKana, GivenNameKana,
        BirthDate, Sex, Address, Ward, IsAdultWard);
}
