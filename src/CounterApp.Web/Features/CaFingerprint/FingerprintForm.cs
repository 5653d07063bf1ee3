namespace CounterApp.Web.Features.CaFingerprint;

/// <summary>The compare form: the fingerprint the resident reads out or pastes.</summary>
public sealed class FingerprintForm
{
    public string? Fingerprint { get; set; }
}
