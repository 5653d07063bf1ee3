using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class FeeConfiguration :
    IEntityTypeConfiguration<Receipt>,
    IEntityTypeConfiguration<ReceiptLine>,
    IEntityTypeConfiguration<ReceiptVoid>,
    IEntityTypeConfiguration<ReceiptSequence>,
    IEntityTypeConfiguration<LedgerDay>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.OfficeId, r.FiscalYear, r.Sequence }).IsUnique();
        builder.HasIndex(r => new { r.OfficeId, r.LedgerDay });
        builder.Property(r => r.Number).HasMaxLength(32);
        builder.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Counter>().WithMany().HasForeignKey(r => r.CounterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Void).WithOne().HasForeignKey<ReceiptVoid>(v => v.ReceiptId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReceiptLine> builder)
    {
    }

    public void Configure(EntityTypeBuilder<ReceiptVoid> builder) =>
        builder.HasIndex(v => v.ReceiptId).IsUnique();

    public void Configure(EntityTypeBuilder<ReceiptSequence> builder)
    {
        builder.HasKey(s => new { s.OfficeId, s.FiscalYear });
        builder.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LedgerDay> builder)
    {
        builder.HasIndex(d => new { d.OfficeId, d.Day }).IsUnique();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.LedgerPdfSha256).HasMaxLength(64);
        builder.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
