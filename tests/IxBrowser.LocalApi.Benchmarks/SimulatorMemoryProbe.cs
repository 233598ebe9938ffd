using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// The standalone simulator's memory under many requests (issue 20): it is started as its own process
/// (ixbrowser-simulator, default settings), sent N small proxy-updates from 8 connections, and its
/// resident set is read from /proc before and after. Target: growth under 50 MB for 200,000 requests.
/// A measurement: it prints, it does not fail.
/// </summary>
public static class SimulatorMemoryProbe
{
    public static async Task RunAsync(int requests)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "IxBrowser.LocalApi.Simulator.dll");
        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" --listen 127.0.0.1:{port}") { RedirectStandardOutput = true, RedirectStandardInput = true })!;
        while (await server.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line && !line.Contains("listening on", StringComparison.Ordinal))
        {
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await SendAsync(http, 2_000).ConfigureAwait(false);
        var before = RssMegabytes(server.Id);
        var clock = Stopwatch.StartNew();
        await SendAsync(http, requests).ConfigureAwait(false);
        clock.Stop();
        var after = RssMegabytes(server.Id);
        server.StandardInput.WriteLine();
        server.WaitForExit(60_000);

        Console.WriteLine($"Standalone simulator memory: {requests:N0} proxy-updates from 8 connections, default settings (--keep-requests 1000).");
        Console.WriteLine();
        Console.WriteLine("| requests | RSS before (MB) | RSS after (MB) | growth (MB) | time (s) | target met |");
        Console.WriteLine("| -------: | --------------: | -------------: | ----------: | -------: | :--------- |");
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1:0} | {2:0} | {3:0} | {4:0.0} | {5} |", requests, before, after, after - before, clock.Elapsed.TotalSeconds, after - before < 50 ? "yes" : "NO"));
    }

    private static async Task SendAsync(HttpClient http, int requests)
    {
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                using var content = new StringContent("{\"id\":24330,\"note\":\"memory probe\"}", Encoding.UTF8, "application/json");
                using var answer = await http.PostAsync("api/v2/proxy-update", content).ConfigureAwait(false);
                await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
        }));
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
