using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CounterApp.Web.Data;

/// <summary>Provider-neutral storage conventions: enums as readable text, instants as UTC.</summary>
internal static class ModelConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        Text<Procedure>(builder);
        Text<ApplicantKind>(builder);
        Text<ApplicationState>(builder);
        Text<RegisterStatus>(builder);
        Text<Sex>(builder);
        Text<CardStatus>(builder);
        Text<CertificateStatus>(builder);
        Text<RevocationReason>(builder);
        Text<RegisterEventKind>(builder);
        Text<DocumentHolder>(builder);
        Text<PresentedDocumentKind>(builder);
        Text<LetterStatus>(builder);
        Text<FeeItem>(builder);
        Text<PaymentVoidKind>(builder);
        Text<LedgerDayStatus>(builder);

        // Instants are stored in UTC on both engines (timestamptz on PostgreSQL, ISO text on SQLite, which sorts).
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
        builder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        builder.Properties<string>().HaveMaxLength(400);
    }

    private static void Text<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum
    {
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<TEnum?>().HaveConversion<string>().HaveMaxLength(32);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
