namespace CounterApp.Web.Features.SignIn;

public static class SignInEndpoints
{
    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SignInService>();
        builder.Services.AddScoped<TwoFactorService>();
        builder.Services.AddScoped<PasswordChangeService>();
        // Runs after every authorization decision: the password change and 2FA enrolment come before anything else.
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccountGate>();
        builder.Services.AddHostedService<TwoFactorNotice>();
        builder.Services.AddScoped<Counters.CounterChoice>();
        return builder;
    }

    /// <summary>POST /account/logout (a form with antiforgery in the header): ends the session server-side and returns to the sign-in page.</summary>
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/account/logout", async (SignInService signIn, HttpContext http, CancellationToken cancellationToken) =>
        {
            await signIn.SignOutAsync(http.User, cancellationToken);
            return Results.LocalRedirect("/account/login");
        }).AllowAnonymous();
        return app;
    }
}
