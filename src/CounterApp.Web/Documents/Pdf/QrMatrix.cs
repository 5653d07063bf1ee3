using QRCoder;

namespace CounterApp.Web.Documents.Pdf;

/// <summary>The modules of a QR code (QRCoder), with its 4-module quiet zone; drawn as vector squares.</summary>
public sealed class QrMatrix
{
    private readonly bool[,] _modules;

    private QrMatrix(bool[,] modules) => _modules = modules;

    /// <summary>Modules per side, quiet zone included.</summary>
    public int Size => _modules.GetLength(0);

    public bool this[int row, int column] => _modules[row, column];

    /// <summary>Error correction M (15%): survives a fold or a smudge on a mailed letter.</summary>
    public static QrMatrix Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var modules = new bool[rows.Count, rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows.Count; c++)
            {
                modules[r, c] = rows[r][c];
            }
        }

        return new QrMatrix(modules);
    }
}
