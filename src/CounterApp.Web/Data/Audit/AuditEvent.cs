namespace CounterApp.Web.Data.Audit;

/// <summary>
/// One action to audit (R-X-01): who, at which counter, for which resident, what, and how it ended; plus structured
/// details. The time comes from the trail's clock. Details never carry a PIN or password (R-X-02): a key that names
/// one is refused here, when the event is built (see <see cref="SecretKeys"/>).
/// </summary>
public sealed record AuditEvent
{
    public required string Actor { get; init; }

    public string? Counter { get; init; }

    /// <summary>住民票コード of the resident concerned, when there is one.</summary>
    public string? ResidentCode { get; init; }

    /// <summary>What was done, e.g. <c>fee.receipt-issued</c>.</summary>
    public required string Action { get; init; }

    /// <summary>How it ended; see <see cref="AuditOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Key/values stored as a JSON object; keys naming a PIN or password throw <see cref="ArgumentException"/>.</summary>
    public IReadOnlyDictionary<string, string?>? Details
    {
        get;
        init
        {
            SecretKeys.EnsureNone(value?.Keys ?? []);
            field = value is null ? null : new SortedDictionary<string, string?>(value.ToDictionary(), StringComparer.Ordinal);
        }
    }
}

/// <summary>The usual outcomes; a feature may record a more precise one.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";

    public const string Refused = "refused";

    public const string Failed = "failed";
}
