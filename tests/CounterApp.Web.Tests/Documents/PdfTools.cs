using System.Diagnostics;
using CounterApp.Web.Documents;

namespace CounterApp.Web.Tests.Documents;

/// <summary>
/// The outside checks of a PDF: poppler's pdftotext (text layer) and pdftoppm (it renders), zbarimg (the QR code
/// decodes). Debian packages poppler-utils and zbar-tools; a missing tool fails the test with the apt line.
/// </summary>
internal static class PdfTools
{
    private static readonly DocumentRenderer Shared = new(Web.Documents.Fonts.DocumentFonts.Load(new DocumentOptions()));

    public static DocumentRenderer Renderer => Shared;

    /// <summary>The text layer in content order (-raw keeps the spaces inside "1 / 3", which -layout squeezes out).</summary>
    public static Task<string> TextAsync(RenderedDocument document, int? page = null) =>
        TextAsync(document.Pdf, page);

    public static async Task<string> TextAsync(ReadOnlyMemory<byte> pdf, int? page = null)
    {
        var file = await WriteAsync(pdf);
        try
        {
            List<string> args = ["-raw", "-enc", "UTF-8"];
            if (page is { } p)
            {
                args.AddRange(["-f", p.ToString(), "-l", p.ToString()]);
            }

            args.AddRange([file, "-"]);
            return (await RunAsync("pdftotext", "poppler-utils", args)).Output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Renders one page to PNG with pdftoppm; returns the PNG's path (the caller deletes it).</summary>
    public static async Task<string> RenderPageAsync(RenderedDocument document, int page = 1, int dpi = 150, string? keepAs = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var file = await WriteAsync(document);
        var prefix = keepAs ?? Path.Combine(Path.GetTempPath(), "counterapp-page-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync("pdftoppm", "poppler-utils", ["-png", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", file, prefix]);
            return prefix + ".png";
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every QR code zbarimg finds on the page, decoded.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(RenderedDocument document, int page = 1)
    {
        var png = await RenderPageAsync(document, page, dpi: 200);
        try
        {
            var result = await RunAsync("zbarimg", "zbar-tools", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png], allowExit: [0, 4]);
            return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            File.Delete(png);
        }
    }

    /// <summary>Pages in the PDF, as poppler counts them.</summary>
    public static async Task<int> PageCountAsync(RenderedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var file = await WriteAsync(document);
        try
        {
            var info = (await RunAsync("pdfinfo", "poppler-utils", [file])).Output;
            var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Collapses runs of spaces so assertions do not depend on column layout.</summary>
    public static string Squeeze(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "[ \t\u3000]+", " ");

    private static Task<string> WriteAsync(RenderedDocument document) => WriteAsync(document.Pdf);

    private static async Task<string> WriteAsync(ReadOnlyMemory<byte> pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "counterapp-doc-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf.ToArray());
        return file;
    }

    /// <summary>When COUNTERAPP_KEEP_PAGES names a folder, writes the PDF and a PNG of each page there, to look at.</summary>
    public static async Task KeepAsync(RenderedDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        var folder = Environment.GetEnvironmentVariable("COUNTERAPP_KEEP_PAGES");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".pdf"), document.Pdf.ToArray());
        for (var page = 1; page <= document.PageCount; page++)
        {
            await RenderPageAsync(document, page, 100, Path.Combine(folder, $"{name}-{page}"));
        }
    }

    private static async Task<(string Output, string Error)> RunAsync(string tool, string package, IReadOnlyList<string> args, int[]? allowExit = null)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: apt-get install {package} (./build.sh test installs it).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (!(allowExit ?? [0]).Contains(process.ExitCode))
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
            }

            return (await output, await error);
        }
    }
}
