using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CounterApp.Web.Data.Pki;

internal static class StoreErrors
{
    /// <summary>True when the database refused a row for a unique index (PostgreSQL 23505, SQLite's UNIQUE/PRIMARY KEY).</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
