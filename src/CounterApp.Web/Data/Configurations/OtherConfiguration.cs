using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class OtherConfiguration :
    IEntityTypeConfiguration<ReaderAgentRecord>,
    IEntityTypeConfiguration<IdentityDocumentTypeRecord>,
    IEntityTypeConfiguration<FeeRecord>,
    IEntityTypeConfiguration<HolidayOpeningDay>,
    IEntityTypeConfiguration<ExtraHoliday>,
    IEntityTypeConfiguration<Setting>,
    IEntityTypeConfiguration<AuditEntry>,
    IEntityTypeConfiguration<RegisterEventRecord>,
    IEntityTypeConfiguration<RevocationRequestRecord>
{
    public void Configure(EntityTypeBuilder<ReaderAgentRecord> builder)
    {
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.EnrolmentCodeHash).HasMaxLength(64);
        builder.HasOne<Counter>().WithMany().HasForeignKey(a => a.CounterId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IdentityDocumentTypeRecord> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<FeeRecord> builder) => builder.HasKey(f => f.Item);

    public void Configure(EntityTypeBuilder<HolidayOpeningDay> builder) => builder.HasKey(d => d.Day);

    public void Configure(EntityTypeBuilder<ExtraHoliday> builder) => builder.HasKey(d => d.Day);

    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.Property(a => a.ResidentCode).HasMaxLength(11);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.ResidentCode);
        builder.HasIndex(a => a.Actor);
    }

    public void Configure(EntityTypeBuilder<RegisterEventRecord> builder)
    {
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(100);
        builder.Property(e => e.Payload).HasMaxLength(4000);
        builder.HasIndex(e => e.ResidentCode);
    }

    public void Configure(EntityTypeBuilder<RevocationRequestRecord> builder)
    {
        builder.HasIndex(r => r.ProcessedAt);
        builder.HasOne<CertificateRecord>().WithMany().HasForeignKey(r => r.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
