using System;
using System.Diagnostics;
using System.IO;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Demo;

/// <summary>The README's first command: the demo runs against its simulator out of the box.</summary>
public class DemoTests
{
    private static (int ExitCode, string Output) RunDemo(string arguments)
    {
        // The demo is built next to this test assembly's configuration: bin/<Configuration>/net10.0.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var demo = Path.Combine(RepositoryCopy.FindRoot(), "src", "IxBrowser.LocalApi.Demo", "bin", configuration, "net10.0", "IxBrowser.LocalApi.Demo.dll");
        Assert.True(File.Exists(demo), "demo not built at " + demo);
        var start = new ProcessStartInfo("dotnet", $"\"{demo}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the demo did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Runs_both_operations_and_a_failing_call_against_the_simulator_with_secrets_masked()
    {
        var (exitCode, output) = RunDemo(string.Empty);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Target: the built-in simulator at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_mode\":4", output, StringComparison.Ordinal);
        Assert.Contains("received: { error: IxBrowserStatus { Code = 0, Message = \"success\"", output, StringComparison.Ordinal);
        Assert.Contains("data: \"success\"", output, StringComparison.Ordinal);
        Assert.Contains("data: 1", output, StringComparison.Ordinal);
        Assert.Contains("received: error 2002 (Proxy information does not exist)", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_password\":\"***\"", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_url\":\"***\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-password", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-api-key-0001", output, StringComparison.Ordinal);
        Assert.Contains("Done: both operations succeeded and the failing call failed as expected.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_explains_every_option()
    {
        var (exitCode, output) = RunDemo("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--base-url", "--profile-id", "--proxy-id", "--missing-proxy-id", "--extraction-url", "--proxy-type", "--proxy-port", "--proxy-password", "--note", "--allow-remote-host" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_real_target_needs_an_extraction_link_and_says_so()
    {
        var (exitCode, output) = RunDemo("--base-url http://127.0.0.1:53200");

        Assert.Equal(2, exitCode);
        Assert.Contains("--extraction-url is required with --base-url", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_ixBrowser_stops_the_demo_with_the_reason()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, output) = RunDemo($"--base-url http://127.0.0.1:{port} --extraction-url https://provider.example/x?key=SECRET-KEY-1");

        Assert.Equal(1, exitCode);
        Assert.Contains("ixBrowser must be running and logged in", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-KEY-1", output, StringComparison.Ordinal);
    }
}
