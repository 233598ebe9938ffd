using System;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Demo;

/// <summary>The README's first command: the demo opens and drives a browser, then runs the proxy workflow, against its simulator out of the box.</summary>
public class DemoTests
{
    private static (int ExitCode, string Output) RunDemo(string arguments)
    {
        using var process = DemoApp.Start(arguments);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the demo did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Drives_a_browser_then_runs_the_proxy_workflow_against_the_simulator_with_secrets_masked()
    {
        var (exitCode, output) = RunDemo(string.Empty);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Target: the built-in simulator at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("profile:  161 \"test\" mode Custom", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_user\":\"***\",\"proxy_password\":\"***\"", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_mode\":2", output, StringComparison.Ordinal);
        Assert.Contains("sent:     {\"id\":24331,\"proxy_port\":\"1081\"}", output, StringComparison.Ordinal);
        Assert.Contains("profile:  161 \"test\" mode Custom, proxy 24331, socks5 198.51.100.7:1081", output, StringComparison.Ordinal);
        Assert.Contains("2. Open profile 161 and drive its browser with Playwright", output, StringComparison.Ordinal);
        Assert.Matches(@"opened:   IxBrowserOpenedProfile \{ ProfileId = 161, DevToolsAddress = http://127\.0\.0\.1:\d+/, ProcessId = \d+ \} and connected Playwright in \d+ ms", output);
        Assert.Contains("page:     \"Hello from a page served by the demo\" read from http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("closed:   profile 161 (disposing the browser closed it)", output, StringComparison.Ordinal);
        Assert.Contains("7. Switch profile 161 to API extraction (page 18)", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_mode\":4,", output, StringComparison.Ordinal);
        Assert.Contains("\"proxy_url\":\"***\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-api-key", output, StringComparison.Ordinal);
        Assert.Contains("8. Delete proxy 24330, which no profile uses", output, StringComparison.Ordinal);
        Assert.Contains("9. Bulk: rotate proxy 24331 through 200 ports", output, StringComparison.Ordinal);
        Assert.Contains("progress: 200/200 done, 0 failed, ", output, StringComparison.Ordinal);
        Assert.Contains("result:   200 succeeded, 0 failed in ", output, StringComparison.Ordinal);
        Assert.Contains("received: error 2002 (Proxy information does not exist)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-password", output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-user", output, StringComparison.Ordinal);
        Assert.Contains("Done: the browser was driven and closed, the proxy workflow succeeded, and the failing call failed as expected.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_explains_every_option()
    {
        var (exitCode, output) = RunDemo("--help");

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--base-url", "--profile-id", "--proxy-type", "--proxy-ip", "--proxy-port", "--rotated-port", "--proxy-user", "--proxy-password", "--unused-proxy-id", "--missing-proxy-id", "--bulk-count", "--extraction-url", "--allow-remote-host" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_real_target_needs_a_profile_id_and_says_so()
    {
        var (exitCode, output) = RunDemo("--base-url http://127.0.0.1:53200");

        Assert.Equal(2, exitCode);
        Assert.Contains("--profile-id is required with --base-url", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--proxy-port 70000", "--proxy-port must be a port number from 1 to 65535, not \"70000\".")]
    [InlineData("--rotated-port x", "--rotated-port must be a port number from 1 to 65535, not \"x\".")]
    [InlineData("--proxy-ip \" \"", "Invalid argument: ProxyIp (proxy_ip)")]
    public void A_bad_argument_ends_with_a_clear_error_and_exit_code_2_without_a_stack_trace(string arguments, string expected)
    {
        var (exitCode, output) = RunDemo(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_ixBrowser_stops_the_demo_with_the_reason()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, output) = RunDemo($"--base-url http://127.0.0.1:{port} --profile-id 161 --proxy-password SECRET-KEY-1");

        Assert.Equal(1, exitCode);
        Assert.Contains("ixBrowser must be running and logged in", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-KEY-1", output, StringComparison.Ordinal);
    }
}
