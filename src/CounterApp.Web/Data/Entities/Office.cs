namespace CounterApp.Web.Data.Entities;

/// <summary>A municipal office (or ward office) with certificate counters.</summary>
public sealed class Office
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string MunicipalityName { get; set; }

    /// <summary>The prefecture whose governor's CA issues the certificates (e.g. 富山県).</summary>
    public required string PrefectureName { get; set; }

    /// <summary>R-EL-05: the ward this office serves, for municipalities with ward offices.</summary>
    public string? Ward { get; set; }

    public List<Counter> Counters { get; set; } = [];

    public List<OfficeSession> Sessions { get; set; } = [];
}
