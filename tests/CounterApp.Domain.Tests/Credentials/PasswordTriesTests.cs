using CounterApp.Domain.Credentials;

namespace CounterApp.Domain.Tests.Credentials;

/// <summary>R-CA-01: five consecutive wrong passwords lock the certificate; a right one resets; unlocking resets.</summary>
[Trait("Rule", "R-CA-01")]
public sealed class PasswordTriesTests
{
    [Fact]
    public void Fresh_WhenNew_HasFiveTriesAndIsNotLocked()
    {
        Assert.Equal(5, PasswordTries.Maximum);
        Assert.Equal(5, PasswordTries.Fresh.Left);
        Assert.False(PasswordTries.Fresh.IsLocked);
    }

    [Fact]
    public void Wrong_WhenFourTimes_LeavesOneTryAndIsNotLocked()
    {
        var tries = Wrong(PasswordTries.Fresh, 4);

        Assert.Equal(1, tries.Left);
        Assert.False(tries.IsLocked);
    }

    [Fact]
    public void Wrong_WhenFiveTimes_Locks()
    {
        var tries = Wrong(PasswordTries.Fresh, 5);

        Assert.Equal(0, tries.Left);
        Assert.True(tries.IsLocked);
    }

    [Fact]
    public void Wrong_WhenAlreadyLocked_StaysLockedAtZero()
    {
        var tries = Wrong(PasswordTries.Fresh, 9);

        Assert.Equal(0, tries.Left);
        Assert.True(tries.IsLocked);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Right_WhenNotLocked_ResetsTheCount(int wrong)
    {
        Assert.Equal(PasswordTries.Fresh, Wrong(PasswordTries.Fresh, wrong).Right());
    }

    [Fact]
    public void Wrong_WhenNotConsecutive_DoesNotLock()
    {
        var tries = Wrong(Wrong(PasswordTries.Fresh, 4).Right(), 4);

        Assert.False(tries.IsLocked);
        Assert.Equal(1, tries.Left);
    }

    [Fact]
    public void Right_WhenLocked_DoesNotUnlock()
    {
        var locked = Wrong(PasswordTries.Fresh, 5);

        Assert.True(locked.Right().IsLocked);
    }

    [Fact]
    public void AfterUnlock_WhenLocked_ResetsToFiveTries()
    {
        var unlocked = PasswordTries.AfterUnlock();

        Assert.Equal(PasswordTries.Fresh, unlocked);
        Assert.False(unlocked.IsLocked);
        Assert.True(Wrong(unlocked, 5).IsLocked);
        Assert.False(Wrong(unlocked, 4).IsLocked);
    }

    private static PasswordTries Wrong(PasswordTries tries, int times)
    {
        for (var i = 0; i < times; i++)
        {
            tries = tries.Wrong();
        }

        return tries;
    }
}
