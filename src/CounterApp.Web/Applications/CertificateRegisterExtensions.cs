namespace CounterApp.Web.Applications;

public static class CertificateRegisterExtensions
{
    /// <summary>The one certificate register: status reads and the one revocation (needs the CA, the audit trail and the database).</summary>
    public static IServiceCollection AddCertificateRegister(this IServiceCollection services)
    {
        services.AddScoped<CertificateStatuses>();
        services.AddScoped<CertificateRegister>();
        return services;
    }
}
