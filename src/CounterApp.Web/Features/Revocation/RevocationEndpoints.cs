using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CounterApp.Web.Features.Revocation;

/// <summary>GET /revocations/{id}/form.pdf: the printed 失効申請書・届出書 of a completed revocation (R-RV-01), audited.</summary>
public static class RevocationEndpoints
{
    private static readonly AuthorizeAttribute CounterStaff = new() { Roles = StaffRoles.Clerk + "," + StaffRoles.Supervisor };

    public static IEndpointRouteBuilder MapRevocation(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/revocations/{id:guid}/form.pdf", FormAsync).RequireAuthorization(CounterStaff);
        return app;
    }

    private static async Task<IResult> FormAsync(Guid id, RevocationFormPrintHandler print, StaffContext staff, CancellationToken cancellationToken)
    {
        var printed = await print.PrintAsync(id, staff.UserName, staff.CounterId, cancellationToken);
        return printed is null
            ? Results.NotFound()
            : Results.File(printed.Pdf, "application/pdf", $"revocation-{printed.Serial}.pdf");
    }
}
