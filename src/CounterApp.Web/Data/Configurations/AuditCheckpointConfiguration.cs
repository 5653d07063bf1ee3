using CounterApp.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CounterApp.Web.Data.Configurations;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        // Chosen by the writer (last id + 1 under the chain lock), like the audit entries' ids: the MAC covers it.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.HeadHash).HasMaxLength(64);
        builder.Property(c => c.Reason).HasMaxLength(32);
        builder.Property(c => c.KeyId).HasMaxLength(16);
        builder.Property(c => c.Mac).HasMaxLength(64);
    }
}
