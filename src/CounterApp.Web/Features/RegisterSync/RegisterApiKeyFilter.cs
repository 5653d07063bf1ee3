using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>
/// Lets a register call through only with the shared secret (RegisterSync:ApiKey), sent as <c>X-Api-Key</c> or
/// <c>Authorization: Bearer</c>. Both sides are hashed before a constant-time comparison, so neither the content nor
/// the length of the key leaks through timing. Without a usable key configured, every call gets 503 and the reason.
/// </summary>
internal sealed class RegisterApiKeyFilter(IOptionsMonitor<RegisterSyncOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var configured = options.CurrentValue.ApiKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return ValueTask.FromResult<object?>(RegisterSyncResults.Problem(StatusCodes.Status503ServiceUnavailable, "ApiKeyNotConfigured", null, RegisterValues.Message("ApiKeyNotConfigured")));
        }

        if (configured.Length < RegisterSyncOptions.MinimumApiKeyLength)
        {
            return ValueTask.FromResult<object?>(RegisterSyncResults.Problem(StatusCodes.Status503ServiceUnavailable, "ApiKeyTooShort", null, RegisterValues.Message("ApiKeyTooShort", RegisterSyncOptions.MinimumApiKeyLength)));
        }

        var http = context.HttpContext;
        if (!Matches(Presented(http.Request), configured))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ValueTask.FromResult<object?>(RegisterSyncResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", null, RegisterValues.Message("Unauthorized", HeaderName)));
        }

        return next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key) && key.Count == 1)
        {
            return key[0];
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private static bool Matches(string? presented, string configured)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), given);
        SHA256.HashData(Encoding.UTF8.GetBytes(configured), expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
