using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// Peak memory of the client against a 1 GB answer (issue 21), with the length declared and with a
/// chunked body that never says it. Before answers were bounded this ended in OutOfMemoryException
/// at 1.37 GB peak RSS. A measurement: it prints, it does not fail.
/// </summary>
public static class BigAnswerProbe
{
    private const long Gigabyte = 1L << 30;

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var declare = true;
        app.MapPost("/api/v2/proxy-delete", c => StreamAsync(c, declare));
        await app.StartAsync().ConfigureAwait(false);
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Console.WriteLine($"A 1 GB answer to proxy-delete, default options (MaxResponseBytes {IxBrowserClientOptions.DefaultMaxResponseBytes:N0} bytes).");
        Console.WriteLine();
        Console.WriteLine("| answer | outcome | peak working set before (MB) | after (MB) | time (s) |");
        Console.WriteLine("| :----- | :------ | ---------------------------: | ---------: | -------: |");
        foreach (var kind in new[] { "declared", "chunked" })
        {
            // The server's own memory is not the client's: it writes one reused buffer.
            declare = kind == "declared";
            var http = new HttpClient { BaseAddress = new Uri(root + "/") };
            IxBrowserClient.ResetSharedGate(http.BaseAddress);
            using var handler = http;
            var client = new IxBrowserClient(http, new IxBrowserClientOptions { AllowRemoteHost = true });
            var before = Peak();
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                await client.DeleteProxyAsync(new DeleteProxyRequest { Id = 1 }).ConfigureAwait(false);
                outcome = "success (unexpected)";
            }
            catch (Exception e)
            {
                outcome = e.GetType().Name;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:0} | {3:0} | {4:0.00} |", kind == "declared" ? "Content-Length 1 GB" : "chunked, 1 GB", outcome, before, Peak(), clock.Elapsed.TotalSeconds));
        }

        await app.StopAsync().ConfigureAwait(false);
    }

    private static double Peak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    private static async Task StreamAsync(HttpContext context, bool declare)
    {
        context.Response.ContentType = "application/json";
        if (declare)
        {
            context.Response.ContentLength = Gigabyte;
        }

        var chunk = new byte[1 << 20];
        chunk.AsSpan().Fill((byte)' ');
        try
        {
            for (long sent = 0; sent < Gigabyte && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped reading at its limit: what is measured.
        }
    }
}
