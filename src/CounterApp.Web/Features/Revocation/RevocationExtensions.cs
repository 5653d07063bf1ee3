namespace CounterApp.Web.Features.Revocation;

public static class RevocationExtensions
{
    /// <summary>
    /// Revocation on request at the counter (R-RV-01, R-RV-03): the handler and the printed form.
    /// Needs AddCounterDatabase, AddCounterAudit, AddDocumentCopies, AddPki and the documents (AddIssuance adds them).
    /// </summary>
    public static IHostApplicationBuilder AddRevocation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RevokeCertificateHandler>();
        builder.Services.AddScoped<RevocationFormPrintHandler>();
        builder.Services.AddScoped<RevocationPageQuery>();
        return builder;
    }
}
