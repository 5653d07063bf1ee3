using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CounterApp.Web.Features.Receipts;

public static class ReceiptEndpoints
{
    /// <summary>GET /receipts/{id}/pdf: the receipt reprinted as PDF, for clerks and supervisors, audited as a print.</summary>
    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/receipts/{id:long}/pdf", PrintAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Clerk + "," + StaffRoles.Supervisor });
        return app;
    }

    private static async Task<IResult> PrintAsync(long id, StaffContext staff, ReceiptPrintHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.PrintAsync(id, staff.UserName, staff.CounterId, cancellationToken);
        return result.Status switch
        {
            ReceiptPrintStatus.Printed => Results.File(result.Pdf!, "application/pdf", $"receipt-{result.Number}.pdf"),
            ReceiptPrintStatus.Voided => Results.Text(ReceiptText.Format("PrintVoided", result.Number), "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict),
            _ => Results.NotFound(),
        };
    }
}
