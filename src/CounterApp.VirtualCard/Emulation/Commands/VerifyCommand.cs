using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// VERIFY 00 20 00 80 against the selected PIN EF. Without data it answers 63 Cx, x the tries left (always,
/// also once verified: OpenSC reads the counter this way). With data, the counter is decremented and saved
/// before comparing, so pulling the card mid-command costs the try; a right value restores it.
/// </summary>
internal static class VerifyCommand
{
    public static ResponseApdu Handle(CardCore card, CommandApdu command)
    {
        if (command.P1 != 0x00 || command.P2 != ResidentCardProfile.CurrentReference)
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (!card.TryCurrentEf(FileKind.Credential, out var fileId, out var refusal))
        {
            return refusal;
        }

        if (card.CredentialOf(fileId) is not { } credential)
        {
            return CardCore.Status(StatusWord.ReferenceDataNotUsable);
        }

        if (command.Data.IsEmpty)
        {
            return CardCore.Status(StatusWord.WithTriesLeft(Math.Max(0, credential.TriesLeft)));
        }

        if (credential.IsBlocked)
        {
            card.SetVerified(fileId, false);
            return CardCore.Status(StatusWord.AuthenticationMethodBlocked);
        }

        credential.TriesLeft--;
        card.Persist();
        if (credential.Matches(command.Data.Span))
        {
            credential.TriesLeft = credential.MaxTries;
            card.Persist();
            card.SetVerified(fileId, true);
            return CardCore.Ok();
        }

        card.SetVerified(fileId, false);
        return CardCore.Status(StatusWord.WithTriesLeft(credential.TriesLeft));
    }
}
