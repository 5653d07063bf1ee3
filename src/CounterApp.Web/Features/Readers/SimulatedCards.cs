using System.Security.Cryptography;
using System.Text;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.State;
using CounterApp.Web.Data;
using CounterApp.Web.Features.CardSession;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.Readers;

/// <summary>
/// The virtual cards behind the simulated readers: one per resident card number, made on first use as a freshly issued
/// resident card (card PIN <see cref="DemoCardPin"/>, no key, certificate or password yet) whose issuer key derives
/// from the server's issuer master secret, so the counter's card session works on it as on a real card. Each card is a
/// 0600 state file in <c>&lt;data&gt;/simulated-cards</c> (see CounterApp.VirtualCard), so an issued certificate is
/// still on the card after a restart. One live instance per card, so two readers never hold diverging copies.
/// </summary>
public sealed class SimulatedCards(IssuerMasterSecret masterSecret, IOptions<DatabaseOptions> database)
{
    /// <summary>The card PIN of every simulated card; shown in the simulation panel (demo data, not a resident's secret).</summary>
    public const string DemoCardPin = "1234";

    public const string FolderName = "simulated-cards";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, VirtualResidentCard> _open = new(StringComparer.Ordinal);
    private CardStore? _store;

    public string Folder => Store.Folder;

    private CardStore Store => _store ??= new CardStore(Path.Combine(database.Value.DataDirectory, FolderName));

    /// <summary>
    /// The card's chip serial: derived from the card number (stable across restarts, 16 hex digits), the same one the
    /// demo town records in the register for that card (R-CA-04), so inserting another resident's card is refused.
    /// </summary>
    public static string SerialFor(string cardNumber) => DemoTown.DemoPeople.ChipSerialFor(cardNumber);

    /// <summary>The virtual card for a resident card number, created (and saved) the first time it is asked for.</summary>
    public VirtualResidentCard Get(string cardNumber)
    {
        var serial = SerialFor(cardNumber);
        lock (_gate)
        {
            if (_open.TryGetValue(serial, out var card))
            {
                return card;
            }

            if (!Store.Exists(serial))
            {
                var secret = masterSecret.Read();
                try
                {
                    Store.Create(secret, Encoding.ASCII.GetBytes(DemoCardPin), serial);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(secret);
                }
            }

            card = Store.Open(serial);
            _open[serial] = card;
            return card;
        }
    }

    /// <summary>What the card holds now, without secrets (whether a certificate was written, tries left).</summary>
    public CardSummary Summarize(string cardNumber) => Get(cardNumber).Summarize();
}
