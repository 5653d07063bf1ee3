using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.DocumentCopies;
using CounterApp.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.Web.Tests.Features.DocumentCopies;

/// <summary>A clock the test moves forward.</summary>
internal sealed class MovableTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A test database with presented documents to copy, and the document-copy services on it.</summary>
internal sealed class DocumentCopyKit : IAsyncDisposable
{
    public const string Staff = "clerk-1";

    /// <summary>A tiny valid-looking PNG: the signature, then bytes distinctive enough to search for.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "IHDR 運転免許証 SECRET-PLAINTEXT-MARKER 0123456789"u8];

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. "JFIF passport scan"u8];

    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();

    private DocumentCopyKit(TestDatabase database, DocumentCopyOptions options)
    {
        Database = database;
        Options = options;
    }

    public TestDatabase Database { get; }

    public DocumentCopyOptions Options { get; }

    public MovableTimeProvider Time { get; } = new(CounterAppFactory.Now);

    public List<long> Documents { get; } = [];

    public static async Task<DocumentCopyKit> CreateAsync(DatabaseProvider provider, PostgresServer postgres, int documents = 2, DocumentCopyOptions? options = null)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var kit = new DocumentCopyKit(database, options ?? new DocumentCopyOptions());
        await using var db = database.NewContext();
        var office = new Office { Code = "001", Name = "上市町役場", MunicipalityCode = "163228", MunicipalityName = "上市町", PrefectureName = "富山県" };
        var resident = new ResidentRecord
        {
            ResidentCode = "16322800101",
            MunicipalityCode = "163228",
            FamilyName = "上市",
            GivenName = "太郎",
            FamilyNameKana = "カミイチ",
            GivenNameKana = "タロウ",
            Address = "富山県中新川郡上市町稗田1番地",
            BirthDate = new DateOnly(1980, 4, 2),
        };
        db.Offices.Add(office);
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        var application = new ApplicationRecord
        {
            Id = Guid.NewGuid(),
            OfficeId = office.Id,
            ResidentId = resident.Id,
            Procedure = Procedure.NewIssuance,
            Applicant = ApplicantKind.InPerson,
            State = ApplicationState.Received,
            ReceivedAt = CounterAppFactory.Now.UtcDateTime,
            ReceivedBy = Staff,
        };
        for (var i = 0; i < documents; i++)
        {
            application.Documents.Add(new PresentedDocumentRecord
            {
                Kind = PresentedDocumentKind.IdentityDocument,
                TypeCode = "driver-licence",
                Holder = DocumentHolder.Resident,
                AddressMatchesRegister = true,
                RecordedAt = CounterAppFactory.Now.UtcDateTime,
                RecordedBy = Staff,
            });
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        kit.Documents.AddRange(application.Documents.Select(d => d.Id));
        return kit;
    }

    /// <summary>A key ring on the database's data folder (where the app would keep it).</summary>
    public DocumentCopyKeyRing KeyRing(string? keyFile = null) => new(
        Microsoft.Extensions.Options.Options.Create(new DocumentCopyOptions { KeyFile = keyFile ?? Options.KeyFile }),
        Microsoft.Extensions.Options.Options.Create(Database.Options),
        NullLogger<DocumentCopyKeyRing>.Instance);

    public DocumentCopyStore Store(CounterDbContext db, DocumentCopyKeyRing keys) =>
        new(db, keys, new AuditTrail(db, Time), Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DocumentCopyStore>.Instance);

    public DocumentCopyPurge Purge(CounterDbContext db) => new(db, new AuditTrail(db, Time), Time, NullLogger<DocumentCopyPurge>.Instance);

    public string DefaultKeyFile => Path.Combine(Database.Options.DataDirectory, "keys", "document-copies.key");

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(Database.Options.DataDirectory))
        {
            Directory.Delete(Database.Options.DataDirectory, recursive: true);
        }
    }
}
