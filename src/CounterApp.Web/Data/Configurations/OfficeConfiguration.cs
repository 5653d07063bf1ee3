using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>, IEntityTypeConfiguration<Counter>, IEntityTypeConfiguration<OfficeSession>, IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Code).HasMaxLength(16);
        builder.Property(o => o.MunicipalityCode).HasMaxLength(6);
        builder.HasMany(o => o.Counters).WithOne(c => c.Office).HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Sessions).WithOne().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Counter> builder) =>
        builder.HasIndex(c => new { c.OfficeId, c.Number }).IsUnique();

    public void Configure(EntityTypeBuilder<OfficeSession> builder) =>
        builder.HasIndex(s => new { s.OfficeId, s.Start }).IsUnique();

    public void Configure(EntityTypeBuilder<StaffUser> builder) =>
        builder.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);
}
