using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>A throwaway copy of the repository's build inputs, for tests that run dotnet build.</summary>
public sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Skipped = { "bin", "obj", "node_modules", "TestResults", ".git", "BenchmarkDotNet.Artifacts" };

    public RepositoryCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "ixbrowser-copy-" + Guid.NewGuid().ToString("N")[..8]);
        var source = FindRoot();
        foreach (var entry in new[] { "spec", "src", "build", "nswag.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig", "README.md" })
        {
            var from = Path.Combine(source, entry);
            if (Directory.Exists(from))
            {
                CopyDirectory(from, Path.Combine(Root, entry));
            }
            else if (File.Exists(from))
            {
                Directory.CreateDirectory(Root);
                File.Copy(from, Path.Combine(Root, entry));
            }
        }
    }

    public string Root { get; }

    public string SpecPath => Path.Combine(Root, "spec", "ixbrowser-local-api.yaml");

    public string LibraryProject => Path.Combine(Root, "src", "IxBrowser.LocalApi", "IxBrowser.LocalApi.csproj");

    /// <summary>The generated client: one file for every target framework and configuration.</summary>
    public string GeneratedFile() => Path.Combine(Root, "src", "IxBrowser.LocalApi", "obj", "Generated", "IxBrowserLocalApi.g.cs");

    public string BuiltAssembly(string tfm = "net8.0") => Path.Combine(Root, "src", "IxBrowser.LocalApi", "bin", "Debug", tfm, "IxBrowser.LocalApi.dll");

    /// <summary>The repository root: the nearest ancestor of the test binaries holding Generated.sln.</summary>
    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs dotnet with <paramref name="arguments"/> in the copy; returns the exit code and all output.</summary>
    public (int ExitCode, string Output) Dotnet(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings would point the child build at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDNODEREUSE"] = "0";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish within 5 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public (int ExitCode, string Output) BuildLibrary(string extra = "") =>
        Dotnet($"build \"{LibraryProject}\" -f net8.0 -nodeReuse:false {extra}");

    public void EditSpec(string find, string replacement)
    {
        var text = File.ReadAllText(SpecPath);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"the spec no longer contains the anchor '{find}'");
        File.WriteAllText(SpecPath, text.Replace(find, replacement, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned eventually.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from).Where(d => !Skipped.Contains(Path.GetFileName(d))))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
