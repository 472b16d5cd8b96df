using System.Runtime.CompilerServices;

namespace ClientDesk.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// Dozens of test apps run at once; each would watch its configuration files with an inotify instance, and Linux
    /// allows 128 per user by default. The tests never change those files, so nothing needs watching.
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotWatchFiles()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }
}
