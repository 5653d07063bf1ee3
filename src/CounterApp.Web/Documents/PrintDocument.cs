using CounterApp.Web.Documents.Pdf;

namespace CounterApp.Web.Documents;

/// <summary>A document CounterApp prints: a title, the instant it is dated, and how it lays out its pages.</summary>
public abstract class PrintDocument
{
    /// <summary>The document title (also the PDF's title).</summary>
    public abstract string Title { get; }

    /// <summary>
    /// The instant the document is dated (the ledger's closing, a receipt's payment, …). It becomes the PDF's
    /// creation date: the clock is never read, so the same data prints the same bytes.
    /// </summary>
    public abstract DateTimeOffset Stamp { get; }

    internal abstract void Compose(DocumentComposer composer);
}
