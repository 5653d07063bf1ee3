namespace CounterApp.Web.Documents.Pdf;

/// <summary>
/// Lays blocks down a page and onto new pages, then draws them once the page count is known (for "n / N").
/// A continuation (a table's header) is repeated at the top of every page a section runs onto.
/// </summary>
internal sealed class FlowLayout
{
    private readonly List<List<Action<PdfCanvas>>> _pages = [[]];
    private readonly double _top;
    private readonly double _bottom;
    private Action? _continuation;
    private double _y;

    /// <param name="top">Where blocks start on every page (mm).</param>
    /// <param name="bottom">Where blocks must end (mm).</param>
    public FlowLayout(double top, double bottom)
    {
        _top = top;
        _bottom = bottom;
        _y = top;
    }

    public int PageCount => _pages.Count;

    public double Y => _y;

    /// <summary>Places a block of <paramref name="height"/> mm at the current position, on a new page if it does not fit.</summary>
    public void Place(double height, Action<PdfCanvas, double> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        EnsureSpace(height);
        var y = _y;
        _pages[^1].Add(canvas => draw(canvas, y));
        _y += height;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> mm still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (_y + height > _bottom && _y > _top)
        {
            Break();
        }
    }

    public void Skip(double height) => _y = Math.Min(_y + height, _bottom);

    /// <summary>What to draw first on each new page while this section lasts (null: nothing).</summary>
    public void Continue(Action? continuation) => _continuation = continuation;

    public void Break()
    {
        _pages.Add([]);
        _y = _top;
        _continuation?.Invoke();
    }

    /// <summary>Draws every page; <paramref name="everyPage"/> gets the page number and the page count.</summary>
    public void Render(DocumentComposer composer, Action<PdfCanvas, int, int> everyPage)
    {
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(everyPage);
        for (var i = 0; i < _pages.Count; i++)
        {
            using var canvas = composer.AddPage();
            everyPage(canvas, i + 1, _pages.Count);
            foreach (var draw in _pages[i])
            {
                draw(canvas);
            }
        }
    }
}
