using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// A setting that is wrong stops the service with what to fix: one line on standard error and
/// exit code 1, not an unhandled-exception stack trace and an abort. Settings are checked by
/// options validation, so the failure is an <see cref="OptionsValidationException"/>.
/// </summary>
public static class InvalidSettings
{
    public const int ExitCode = 1;

    private static int _registered;

    public static void ExitWithMessageWhenUnhandled()
    {
        // Once per process: the functional tests run the entry point many times in one.
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, unhandled) =>
        {
            if (unhandled.ExceptionObject is OptionsValidationException invalid)
            {
                Console.Error.WriteLine($"AniPlanner cannot start: {invalid.Message}");
                Environment.Exit(ExitCode);
            }
        };
    }
}
