namespace CounterApp.Web.Data.Entities;

/// <summary>The last CRL number a CA used (RFC 5280 §5.2.3: strictly increasing), one row per CA.</summary>
public sealed class CaCrlNumber
{
    public required string AuthorityId { get; set; }

    public long LastNumber { get; set; }
}
