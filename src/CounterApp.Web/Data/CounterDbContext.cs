using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Data;

/// <summary>
/// The counter's database, the same model on SQLite and PostgreSQL. Tables and columns are snake_case on both;
/// the schema itself comes from the scripts in db/ (see <see cref="Schema.SchemaMigrator"/>), and a test proves
/// the scripts and this model agree.
/// </summary>
public sealed class CounterDbContext(DbContextOptions<CounterDbContext> options) : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<Office> Offices => Set<Office>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<OfficeSession> OfficeSessions => Set<OfficeSession>();

    public DbSet<ResidentRecord> Residents => Set<ResidentRecord>();

    public DbSet<ResidentCardRecord> ResidentCards => Set<ResidentCardRecord>();

    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    public DbSet<ApplicationStateChange> ApplicationStateChanges => Set<ApplicationStateChange>();

    public DbSet<PresentedDocumentRecord> PresentedDocuments => Set<PresentedDocumentRecord>();

    public DbSet<DocumentCopy> DocumentCopies => Set<DocumentCopy>();

    public DbSet<DocumentCopyContent> DocumentCopyContents => Set<DocumentCopyContent>();

    public DbSet<DocumentCopyAccess> DocumentCopyAccesses => Set<DocumentCopyAccess>();

    public DbSet<InquiryLetterRecord> InquiryLetters => Set<InquiryLetterRecord>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<ReceiptLine> ReceiptLines => Set<ReceiptLine>();

    public DbSet<ReceiptVoid> ReceiptVoids => Set<ReceiptVoid>();

    public DbSet<ReceiptSequence> ReceiptSequences => Set<ReceiptSequence>();

    public DbSet<LedgerDay> LedgerDays => Set<LedgerDay>();

    public DbSet<ReaderAgentRecord> ReaderAgents => Set<ReaderAgentRecord>();

    public DbSet<IdentityDocumentTypeRecord> IdentityDocumentTypes => Set<IdentityDocumentTypeRecord>();

    public DbSet<FeeRecord> Fees => Set<FeeRecord>();

    public DbSet<HolidayOpeningDay> HolidayOpeningDays => Set<HolidayOpeningDay>();

    public DbSet<ExtraHoliday> ExtraHolidays => Set<ExtraHoliday>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<RegisterEventRecord> RegisterEvents => Set<RegisterEventRecord>();

    public DbSet<RevocationRequestRecord> RevocationRequests => Set<RevocationRequestRecord>();

    public DbSet<CaCertificateRecord> CaCertificates => Set<CaCertificateRecord>();

    public DbSet<CaCrlNumber> CaCrlNumbers => Set<CaCrlNumber>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        MaintainSearchKeys();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        MaintainSearchKeys();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        ModelConventions.Apply(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CounterDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }

    // Residents are found by a folded name + kana key; whoever saves a resident, the key follows the names.
    private void MaintainSearchKeys()
    {
        foreach (var entry in ChangeTracker.Entries<ResidentRecord>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var r = entry.Entity;
            r.SearchKey = ResidentSearchKey.For(r.FamilyName, r.GivenName, r.FamilyNameKana, r.GivenNameKana);
        }
    }

    // Optimistic concurrency: the version read is the one checked; the saved row gets the next one.
    private void RaiseVersions()
    {
        // From the original value, not the current one: a retried save after a conflict must not go backwards or skip.
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
        }
    }
}
