using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class PkiConfiguration : IEntityTypeConfiguration<CaCertificateRecord>, IEntityTypeConfiguration<CaCrlNumber>
{
    public void Configure(EntityTypeBuilder<CaCertificateRecord> builder)
    {
        builder.Property(c => c.AuthorityId).HasMaxLength(32);
        builder.Property(c => c.Serial).HasMaxLength(40);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);

        // Serials are never reused within a CA: the CA signs again when the index refuses one.
        builder.HasIndex(c => new { c.AuthorityId, c.Serial }).IsUnique();

        // R-CE-09: one certificate per issuance request; the CA answers a repeated request from this index.
        builder.HasIndex(c => new { c.AuthorityId, c.RequestId }).IsUnique();

        // The CA finds its own certificate and current responder by kind, latest first.
        builder.HasIndex(c => new { c.AuthorityId, c.Kind, c.NotBefore });

        // The CRL reads every revoked certificate of a CA; the refresh job counts them.
        builder.HasIndex(c => new { c.AuthorityId, c.RevokedAt });
    }

    public void Configure(EntityTypeBuilder<CaCrlNumber> builder)
    {
        builder.HasKey(n => n.AuthorityId);
        builder.Property(n => n.AuthorityId).HasMaxLength(32);
    }
}
