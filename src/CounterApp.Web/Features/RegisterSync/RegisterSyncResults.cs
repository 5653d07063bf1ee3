namespace CounterApp.Web.Features.RegisterSync;

/// <summary>The register API's answers: RFC 9457 problem details with a stable code, the field at fault and the Japanese reason.</summary>
internal static class RegisterSyncResults
{
    public static IResult Problem(int status, string code, string? field, string message) =>
        Results.Problem(
            detail: message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["field"] = field });
}
