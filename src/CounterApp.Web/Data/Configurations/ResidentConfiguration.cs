using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<ResidentRecord>, IEntityTypeConfiguration<ResidentCardRecord>, IEntityTypeConfiguration<CertificateRecord>
{
    public void Configure(EntityTypeBuilder<ResidentRecord> builder)
    {
        builder.HasIndex(r => r.ResidentCode).IsUnique();
        builder.HasIndex(r => r.SearchKey);
        builder.HasIndex(r => r.BirthDate);
        builder.Property(r => r.ResidentCode).HasMaxLength(11);
        builder.Property(r => r.MunicipalityCode).HasMaxLength(6);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Cards).WithOne(c => c.Resident).HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ResidentCardRecord> builder)
    {
        builder.HasIndex(c => c.CardNumber).IsUnique();
        builder.Property(c => c.CardNumber).HasMaxLength(32);
        builder.Property(c => c.IssuingMunicipalityCode).HasMaxLength(6);

        // R-CA-04: one chip, one card (several NULLs are allowed on both providers).
        builder.HasIndex(c => c.ChipSerial).IsUnique();
        builder.Property(c => c.ChipSerial).HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<CertificateRecord> builder)
    {
        builder.HasIndex(c => c.Serial).IsUnique();
        builder.HasIndex(c => c.ResidentId);
        builder.HasIndex(c => c.CardId);
        builder.Property(c => c.Serial).HasMaxLength(40);
        builder.HasOne<ResidentRecord>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResidentCardRecord>().WithMany().HasForeignKey(c => c.CardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}
