using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.DocumentCopies;

/// <summary>Messages to clerks about document copies; texts in DocumentCopyMessages.resx (Japanese) and .en.resx beside this file.</summary>
public static class DocumentCopyMessages
{
    public static MessageCatalog Catalog { get; } = new(typeof(DocumentCopyMessages));
}
