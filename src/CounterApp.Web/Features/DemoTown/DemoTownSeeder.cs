using System.Security.Cryptography;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Time;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using CounterApp.Web.Features.CertificateAuthority;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.DemoTown;

/// <summary>
/// Seeds the demo town on an empty database: 上市町 (富山県), its office with counter 2 (住基戸籍班), office hours,
/// demo residents (see <see cref="DemoPeople"/>) and demo staff whose passwords are generated here and printed once.
/// </summary>
public sealed class DemoTownSeeder(
    CounterDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole> roles, AuditTrail audit, IOptions<PkiOptions> pki, TimeProvider time)
{
    public const string OfficeCode = "001";

    /// <summary>The demo staff: user name, display name, role.</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Role)> Staff { get; } =
    [
        ("clerk", "窓口 一郎", StaffRoles.Clerk),
        ("supervisor", "係長 二郎", StaffRoles.Supervisor),
        ("admin", "管理 三子", StaffRoles.Administrator),
    ];

    /// <summary>
    /// Seeds only a database that holds no town yet (no office, no resident, no staff account); returns the generated
    /// sign-ins (empty when nothing was seeded). Keyed on emptiness, not on anything an administrator can edit (an
    /// office code renamed from 001 must not make the next start seed the residents a second time).
    /// </summary>
    public async Task<IReadOnlyList<(string UserName, string Password, string Role)>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Offices.AnyAsync(cancellationToken) || await db.Residents.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return [];
        }

        var today = TokyoClock.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var office = new Office
        {
            Code = OfficeCode,
            Name = "上市町役場 町民課",
            MunicipalityCode = DemoPeople.MunicipalityCode,
            MunicipalityName = "上市町",
            PrefectureName = "富山県",
            Counters = [new Counter { Number = 2, Name = "2番窓口（住基戸籍班）" }],
            Sessions =
            [
                new OfficeSession { Start = new TimeOnly(8, 30), End = new TimeOnly(12, 0) },
                new OfficeSession { Start = new TimeOnly(13, 0), End = new TimeOnly(16, 30) },
            ],
        };
        db.Offices.Add(office);
        foreach (var person in DemoPeople.All(today))
        {
            var resident = new ResidentRecord
            {
                ResidentCode = person.Code,
                MunicipalityCode = DemoPeople.MunicipalityCode,
                RegisterStatus = person.Status,
                FamilyName = person.Family,
                GivenName = person.Given,
                FamilyNameKana = person.FamilyKana,
                GivenNameKana = person.GivenKana,
                BirthDate = person.Birth,
                Sex = person.Sex,
                Address = DemoPeople.Address,
                IsAdultWard = person.AdultWard,
                UpdatedAt = now,
                Cards =
                [
                    new ResidentCardRecord
                    {
                        CardNumber = person.CardNumber,
                        IssuingMunicipalityCode = DemoPeople.MunicipalityCode,
                        HasPhoto = person.CardPhoto,
                        ExpiryDate = person.CardExpiry,
                        Status = CardStatus.Active,
                        ChipSerial = DemoPeople.ChipSerialFor(person.CardNumber),
                    },
                ],
            };
            db.Residents.Add(resident);
            await db.SaveChangesAsync(cancellationToken);
            if (person.Certificate is { } c)
            {
                // The CA register holds the certificate's status (one register: OCSP and the counter's pages read the same
                // row); a demo certificate stands for one issued before the register kept DER (LegacyCertificates).
                db.CaCertificates.Add(LegacyCertificates.Record(pki.Value.AuthorityId, c.Serial, c.IssuedOn, c.ExpiresOn));
                db.Certificates.Add(new CertificateRecord
                {
                    Serial = c.Serial,
                    ResidentId = resident.Id,
                    CardId = resident.Cards[0].Id,
                    IssuedOn = c.IssuedOn,
                    ExpiresOn = c.ExpiresOn,
                    IsLocked = c.Locked,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var signIns = new List<(string, string, string)>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        foreach (var (userName, displayName, role) in Staff)
        {
            var password = GeneratePassword();
            var user = new StaffUser { UserName = userName, DisplayName = displayName, OfficeId = office.Id, LockoutEnabled = true };
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            signIns.Add((userName, password, role));
        }

        // R-X-01: the town, its residents and its staff came into being here (never the passwords: R-X-02).
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = "system",
                Action = "demo-town.created",
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["office"] = office.Code,
                    ["residents"] = DemoPeople.All(today).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["staff"] = string.Join(",", Staff.Select(s => s.UserName)),
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return signIns;
    }

    /// <summary>16 characters from an alphabet without look-alikes, with every class Identity's default validators ask for.</summary>
    internal static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "-_.!?";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>
    /// R-CA-04 on a demo town seeded before schema 0011: its demo residents' cards get the chip serial of their simulated
    /// card (the register of a fictional town is the seeder), so the demo's card steps keep working. Only demo cards
    /// (resident code and card number as <see cref="DemoPeople"/> has them) without a chip serial; audited once when
    /// any was completed. Returns how many.
    /// </summary>
    public async Task<int> CompleteChipSerialsAsync(CancellationToken cancellationToken = default)
    {
        var demo = DemoPeople.All(TokyoClock.Today(time)).Select(p => (p.Code, p.CardNumber)).ToHashSet();
        var numbers = demo.Select(d => d.CardNumber).ToList();
        var cards = await db.ResidentCards.Include(c => c.Resident)
            .Where(c => c.ChipSerial == null && numbers.Contains(c.CardNumber))
            .ToListAsync(cancellationToken);
        cards = cards.Where(c => demo.Contains((c.Resident!.ResidentCode, c.CardNumber))).ToList();
        if (cards.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        cards.ForEach(c => c.ChipSerial = DemoPeople.ChipSerialFor(c.CardNumber));
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = "system",
                Action = "demo-town.chip-serials-completed",
                Outcome = AuditOutcomes.Succeeded,
                Details = new Dictionary<string, string?>
                {
                    ["rule"] = "R-CA-04",
                    ["cards"] = string.Join(",", cards.Select(c => c.CardNumber).Order(StringComparer.Ordinal)),
                },
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cards.Count;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed for {what}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
