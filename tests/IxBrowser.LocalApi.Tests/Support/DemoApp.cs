using System;
using System.Diagnostics;
using System.IO;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>The built demo app (the README's first command), run as a separate process.</summary>
public static class DemoApp
{
    /// <summary>The demo's dll, built next to this test assembly's configuration: bin/&lt;Configuration&gt;/net10.0.</summary>
    public static string DllPath => BuiltDll("IxBrowser.LocalApi.Demo");

    /// <summary>Starts the demo with <paramref name="arguments"/>, every stream redirected.</summary>
    public static Process Start(string arguments) => Run(DllPath, arguments);

    /// <summary>The dll of a project of src/, built in this test assembly's configuration.</summary>
    public static string BuiltDll(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryCopy.FindRoot(), "src", project, "bin", configuration, "net10.0", project + ".dll");
        Assert.True(File.Exists(dll), project + " not built at " + dll);
        return dll;
    }

    public static Process Run(string dll, string arguments) =>
        Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true })!;
}
