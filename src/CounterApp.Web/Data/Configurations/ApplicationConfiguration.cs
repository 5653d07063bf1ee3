using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class ApplicationConfiguration :
    IEntityTypeConfiguration<ApplicationRecord>,
    IEntityTypeConfiguration<ApplicationStateChange>,
    IEntityTypeConfiguration<PresentedDocumentRecord>,
    IEntityTypeConfiguration<DocumentCopy>,
    IEntityTypeConfiguration<DocumentCopyContent>,
    IEntityTypeConfiguration<DocumentCopyAccess>,
    IEntityTypeConfiguration<InquiryLetterRecord>
{
    /// <summary>The partial unique index's condition, the same text on both providers.</summary>
    public const string OneOpenApplicationFilter = "state NOT IN ('Completed', 'Refused', 'Cancelled', 'Failed')";

    public void Configure(EntityTypeBuilder<ApplicationRecord> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.ResidentId);
        builder.HasIndex(a => new { a.OfficeId, a.State });
        builder.Property(a => a.IssuanceCardNumber).HasMaxLength(32);
        builder.Property(a => a.IssuanceKeySha256).HasMaxLength(64);

        // R-CE-08: one open application per resident and procedure (0012). Listing the closed states keeps any new open
        // state open; the states are stored as their names.
        builder.HasIndex(a => new { a.ResidentId, a.Procedure })
            .IsUnique()
            .HasFilter(OneOpenApplicationFilter)
            .HasDatabaseName("ux_applications_one_open");
        builder.HasOne(a => a.Resident).WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Counter>().WithMany().HasForeignKey(a => a.CounterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ApplicationStateChange> builder) =>
        builder.HasIndex(h => new { h.ApplicationId, h.Sequence }).IsUnique();

    public void Configure(EntityTypeBuilder<PresentedDocumentRecord> builder)
    {
        builder.Property(d => d.TypeCode).HasMaxLength(40);
        builder.HasOne(d => d.Copy).WithOne().HasForeignKey<DocumentCopy>(c => c.PresentedDocumentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DocumentCopy> builder)
    {
        builder.HasIndex(c => c.PresentedDocumentId).IsUnique();
        builder.HasIndex(c => c.RetainUntil);
        builder.Property(c => c.ContentType).HasMaxLength(100);
        builder.Property(c => c.Sha256).HasMaxLength(64);
        builder.HasOne(c => c.Content).WithOne().HasForeignKey<DocumentCopyContent>(c => c.DocumentCopyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DocumentCopyContent> builder)
    {
        builder.HasKey(c => c.DocumentCopyId);
        builder.Property(c => c.KeyId).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<DocumentCopyAccess> builder)
    {
        builder.HasIndex(a => a.DocumentCopyId);
        builder.HasOne<DocumentCopy>().WithMany().HasForeignKey(a => a.DocumentCopyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InquiryLetterRecord> builder)
    {
        builder.HasIndex(l => l.Reference).IsUnique();
        builder.HasIndex(l => new { l.Status, l.MailedOn });
        builder.HasIndex(l => l.ApplicationId);
        builder.Property(l => l.Reference).HasMaxLength(12);
        builder.HasOne<ApplicationRecord>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResidentRecord>().WithMany().HasForeignKey(l => l.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InquiryLetterRecord>().WithMany().HasForeignKey(l => l.SupersededById).OnDelete(DeleteBehavior.Restrict);
    }
}
