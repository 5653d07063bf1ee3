using CounterApp.Web.Data.Entities;
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

    private static async Task<IResult> PrintAsync(long id, HttpContext http, ReceiptPrintHandler handler, CancellationToken cancellationToken)
    {
        var actor = http.User.Identity?.Name ?? throw new InvalidOperationException("An authorized request has a user name.");
        var result = await handler.PrintAsync(id, actor, counter: null, cancellationToken);
        return result.Status switch
        {
            ReceiptPrintStatus.Printed => Results.File(result.Pdf!, "application/pdf", $"receipt-{result.Number}.pdf"),
            ReceiptPrintStatus.Voided => Results.Text(ReceiptText.Format("PrintVoided", result.Number), "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict),
            _ => Results.NotFound(),
        };
    }
}
