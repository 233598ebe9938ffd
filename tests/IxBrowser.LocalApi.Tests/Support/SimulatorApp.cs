using System.Diagnostics;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>The built standalone simulator (the ixbrowser-simulator tool), run as a separate process.</summary>
public static class SimulatorApp
{
    public static string DllPath => DemoApp.BuiltDll("IxBrowser.LocalApi.Simulator");

    /// <summary>Starts it with <paramref name="arguments"/>, every stream redirected.</summary>
    public static Process Start(string arguments) => DemoApp.Run(DllPath, arguments);

    /// <summary>Sends SIGTERM, as a service manager or <c>docker stop</c> does.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", $"-TERM {process.Id}")!;
        kill.WaitForExit();
    }
}
