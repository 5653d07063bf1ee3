using CounterApp.Web.Hosting;

namespace CounterApp.Web.Features.Issuance;

/// <summary>R-X-03 on the document step: a posted date or yes/no that does not parse names its field and rule; nothing is kept.</summary>
public static class DocumentFormInput
{
    /// <summary>The refusal for the posted field <paramref name="path"/> ("Document.ExpiresOn") whose value did not parse.</summary>
    public static IssuanceResult Unparsed(string path)
    {
        var (label, ruleId, field) = path switch
        {
            "Document.IssuedOn" => (IssuanceText.Get("DocumentIssuedOn"), "R-ID-01", "document.issuedOn"),
            "Document.ExpiresOn" => (IssuanceText.Get("DocumentExpiresOn"), "R-ID-03", "document.expiresOn"),
            "Document.AddressMatches" => (IssuanceText.Get("DocumentAddressMatches"), "R-ID-02", "document.addressMatchesRegister"),
            _ => (path, "R-X-03", path),
        };
        return IssuanceResult.Invalid(ruleId, field, FormInput.UnparsedMessage(label, ruleId));
    }
}
