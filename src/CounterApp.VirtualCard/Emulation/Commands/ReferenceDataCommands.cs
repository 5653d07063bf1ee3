using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.VirtualCard.State;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// CHANGE REFERENCE DATA 00 24 01 80 (the holder, after verifying the old value; R-CA-02) and
/// RESET RETRY COUNTER 00 2C 02 80 (the issuer: initial password, unlock R-CA-01, PIN reset R-CA-03).
/// Both take only the new value, checked against the profile's format, and restore the full counter.
/// </summary>
internal static class ReferenceDataCommands
{
    public static ResponseApdu Change(CardCore card, CommandApdu command)
    {
        if (command.P1 != 0x01 || command.P2 != ResidentCardProfile.CurrentReference)
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (!card.TryCurrentEf(FileKind.Credential, out var fileId, out var refusal))
        {
            return refusal;
        }

        var credential = card.CredentialOf(fileId);
        if (credential is null)
        {
            return CardCore.Status(StatusWord.ReferenceDataNotUsable);
        }

        if (credential.IsBlocked)
        {
            return CardCore.Status(StatusWord.AuthenticationMethodBlocked);
        }

        if (!card.IsVerified(fileId))
        {
            return CardCore.Status(StatusWord.SecurityStatusNotSatisfied);
        }

        return Replace(card, fileId, command, keepVerified: true);
    }

    public static ResponseApdu ResetRetryCounter(CardCore card, CommandApdu command)
    {
        if (command.P1 != 0x02 || command.P2 != ResidentCardProfile.CurrentReference)
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (!card.TryCurrentEf(FileKind.Credential, out var fileId, out var refusal))
        {
            return refusal;
        }

        if (!card.Session.IssuerAuthenticated)
        {
            return CardCore.Status(StatusWord.SecurityStatusNotSatisfied);
        }

        return Replace(card, fileId, command, keepVerified: false);
    }

    private static ResponseApdu Replace(CardCore card, ushort fileId, CommandApdu command, bool keepVerified)
    {
        if (!CredentialFormat.IsValid(fileId, command.Data.Span))
        {
            return CardCore.Status(StatusWord.IncorrectData);
        }

        var maxTries = fileId == ResidentCardProfile.PasswordEf ? ResidentCardProfile.PasswordMaxTries : ResidentCardProfile.CardPinMaxTries;
        card.SetCredential(fileId, StoredCredential.Create(command.Data.Span, maxTries));
        card.Persist();
        card.SetVerified(fileId, keepVerified);
        return CardCore.Ok();
    }
}
