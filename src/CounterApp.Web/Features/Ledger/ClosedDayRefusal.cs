using System.Data.Common;

namespace CounterApp.Web.Features.Ledger;

/// <summary>
/// Recognises the database's refusal to touch a closed day (db/*/0003_ledger_closed_days.sql): every trigger message
/// starts with "ledger day closed". A payment or void that meets it belongs on an open day.
/// </summary>
public static class ClosedDayRefusal
{
    public const string Marker = "ledger day closed";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException && e.Message.Contains(Marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
