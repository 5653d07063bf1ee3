using CounterApp.Web.Documents.Fonts;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Documents;

public static class DocumentsExtensions
{
    /// <summary>
    /// PDF documents: PDFsharp in AGPL mode, Japanese fonts from the OS or Documents:*FontPath, checked at start-up
    /// so a server without fonts refuses to start instead of failing at the first print. Every feature that prints
    /// calls this; the second call does nothing.
    /// </summary>
    public static IHostApplicationBuilder AddCounterDocuments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(DocumentRenderer)))
        {
            return builder;
        }

        builder.Services.AddOptions<DocumentOptions>()
            .Bind(builder.Configuration.GetSection(DocumentOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DocumentOptions>, FontsAvailable>();
        builder.Services.AddSingleton(sp => DocumentFonts.Load(sp.GetRequiredService<IOptions<DocumentOptions>>().Value));
        builder.Services.AddSingleton<DocumentRenderer>();
        builder.Services.AddScoped<Letters.InquiryLetterBatch>();
        return builder;
    }

    private sealed class FontsAvailable : IValidateOptions<DocumentOptions>
    {
        public ValidateOptionsResult Validate(string? name, DocumentOptions options)
        {
            try
            {
                DocumentFonts.Load(options);
                return ValidateOptionsResult.Success;
            }
            catch (FontNotFoundException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
