using System;
using System.Diagnostics;
using System.IO;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>The built demo app (the README's first command and its simulate verb), run as a separate process.</summary>
public static class DemoApp
{
    /// <summary>The demo's dll, built next to this test assembly's configuration: bin/&lt;Configuration&gt;/net10.0.</summary>
    public static string DllPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var demo = Path.Combine(RepositoryCopy.FindRoot(), "src", "IxBrowser.LocalApi.Demo", "bin", configuration, "net10.0", "IxBrowser.LocalApi.Demo.dll");
            Assert.True(File.Exists(demo), "demo not built at " + demo);
            return demo;
        }
    }

    /// <summary>Starts the demo with <paramref name="arguments"/>, every stream redirected.</summary>
    public static Process Start(string arguments) =>
        Process.Start(new ProcessStartInfo("dotnet", $"\"{DllPath}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true })!;
}
