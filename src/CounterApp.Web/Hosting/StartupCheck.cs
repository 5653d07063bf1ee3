using Microsoft.Extensions.Options;

namespace CounterApp.Web.Hosting;

/// <summary>
/// Runs the start-up validation of the settings (every <c>ValidateOnStart</c>) before the host starts, so a missing
/// Japanese font or a wrong setting stops the app with one line naming the setting and the fix, not with the host's
/// "Hosting failed to start" and a stack trace.
/// </summary>
public static class StartupCheck
{
    /// <summary>False, with one line on <paramref name="error"/> per broken setting, when the app must not start.</summary>
    public static bool SettingsAreValid(IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            Write(error, e);
            return false;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            foreach (var inner in e.InnerExceptions)
            {
                Write(error, (OptionsValidationException)inner);
            }

            return false;
        }
    }

    private static void Write(TextWriter error, OptionsValidationException e) =>
        error.WriteLine("CounterApp cannot start: " + string.Join(" ", e.Failures));
}
