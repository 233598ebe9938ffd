using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IxBrowser.LocalApi;
using IxBrowser.LocalApi.Demo;
using IxBrowser.LocalApi.Testing;

var baseUrl = new Option<string?>("--base-url")
{
    Description = "Talk to a real ixBrowser at this address (normally http://127.0.0.1:53200) instead of the built-in simulator. " +
                  "ixBrowser must be running and logged in; the demo then really creates a proxy and switches the profile you name (--profile-id is required).",
};
var profileId = new Option<long?>("--profile-id") { Description = "Profile to switch to the new custom proxy (161 in the simulator)." };
var proxyType = new Option<ProxyType>("--proxy-type") { Description = "Protocol of the new custom proxy.", DefaultValueFactory = _ => ProxyType.Socks5 };
var proxyIp = new Option<string>("--proxy-ip") { Description = "Address of the new custom proxy.", DefaultValueFactory = _ => "198.51.100.7" };
var proxyPort = new Option<string>("--proxy-port") { Description = "Port of the new custom proxy (1-65535).", DefaultValueFactory = _ => "1080" };
var rotatedPort = new Option<string>("--rotated-port") { Description = "The port the proxy is rotated to (1-65535).", DefaultValueFactory = _ => "1081" };
var proxyUser = new Option<string>("--proxy-user") { Description = "User name of the new proxy (masked in the output).", DefaultValueFactory = _ => "demo-user" };
var proxyPassword = new Option<string>("--proxy-password") { Description = "Password of the new proxy (masked in the output).", DefaultValueFactory = _ => "demo-password" };
var unusedProxyId = new Option<long?>("--unused-proxy-id") { Description = "A proxy no profile uses, to delete at the end (24330 in the simulator; skipped against a real ixBrowser unless given)." };
var missingProxyId = new Option<long>("--missing-proxy-id") { Description = "A proxy id that does not exist, for the call that is meant to fail (error 2002).", DefaultValueFactory = _ => 999_999_999 };
var bulkCount = new Option<int?>("--bulk-count") { Description = "How many port rotations the bulk step sends (200 in the simulator, which then refuses above 100 calls/s; skipped against a real ixBrowser unless given)." };
var extractionUrl = new Option<string?>("--extraction-url") { Description = "A proxy provider's extraction link to switch the profile to (API extraction, page 18; masked in the output). The simulator uses a made-up one; skipped against a real ixBrowser unless given." };
var allowRemote = new Option<bool>("--allow-remote-host") { Description = "Allow plain http to a --base-url that is not this machine (credentials then cross the network in clear text)." };

var root = new RootCommand(
    "Opens a profile and drives its browser with Playwright, then the proxy workflow: create a custom proxy, switch the profile to it, " +
    "rotate its port, list again, switch the profile to API extraction, delete an unused proxy, a bulk rotation, and one failing call; " +
    "it shows what was sent and what came back (secrets masked). " +
    "Without --base-url it starts an in-process simulator, so it works without ixBrowser.")
{
    baseUrl, profileId, proxyType, proxyIp, proxyPort, rotatedPort, proxyUser, proxyPassword, unusedProxyId, missingProxyId, bulkCount, extractionUrl, allowRemote,
};

root.SetAction(async (parse, cancellationToken) =>
{
    Uri? target = null;
    if (parse.GetValue(baseUrl) is { } baseUrlText && !Uri.TryCreate(baseUrlText, UriKind.Absolute, out target))
    {
        return Usage($"--base-url must be an absolute URL such as http://127.0.0.1:53200, not \"{baseUrlText}\".");
    }

    if (target is not null && parse.GetValue(profileId) is null)
    {
        return Usage("--profile-id is required with --base-url: the demo will not pick a real profile to switch on its own.");
    }

    foreach (var (name, value) in new[] { ("--proxy-port", parse.GetValue(proxyPort)!), ("--rotated-port", parse.GetValue(rotatedPort)!) })
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return Usage($"{name} must be a port number from 1 to 65535, not \"{value}\".");
        }
    }

    using var simulator = target is null ? IxBrowserSimulator.Start() : null;
    using var http = new HttpClient();
    IxBrowserClient client;
    var log = new ConsoleRequestLog();
    try
    {
        client = new IxBrowserClient(
            http,
            new IxBrowserClientOptions { BaseAddress = target ?? simulator!.BaseAddress, AllowRemoteHost = parse.GetValue(allowRemote) },
            log);
    }
    catch (ArgumentException e)
    {
        return Usage(e.Message);
    }

    Console.WriteLine(simulator is null
        ? $"Target: ixBrowser at {client.BaseAddress}"
        : $"Target: the built-in simulator at {client.BaseAddress} (pass --base-url http://127.0.0.1:53200 to use a real ixBrowser)");

    var profile = parse.GetValue(profileId) ?? IxBrowserSimulator.DocsProfileId;
    var steps = new DemoSteps(client);
    var ok = await steps.Run("1. List profiles (every page, 10 a page)", async () =>
    {
        await foreach (var item in client.EnumerateProfileListAsync(new GetProfileListRequest(), cancellationToken))
        {
            Console.WriteLine("   profile:  " + DemoSteps.Describe(item));
        }
    });

    ok &= await steps.Run($"2. Open profile {profile} and drive its browser with Playwright (a page served by the demo)", () => DemoBrowser.DriveAsync(client, profile, cancellationToken));

    var address = new CustomProxyInfo
    {
        ProxyType = parse.GetValue(proxyType),
        ProxyIp = parse.GetValue(proxyIp)!,
        ProxyPort = parse.GetValue(proxyPort)!,
        ProxyUser = parse.GetValue(proxyUser)!,
        ProxyPassword = parse.GetValue(proxyPassword)!,
    };
    long created = 0;
    ok &= await steps.Run($"3. Create a custom proxy {address.ProxyType} {address.ProxyIp}:{address.ProxyPort}", async () =>
    {
        created = (await DemoSteps.Show(client.CreateProxyAsync(
            new CreateProxyRequest { ProxyType = address.ProxyType, ProxyIp = address.ProxyIp!, ProxyPort = address.ProxyPort!, ProxyUser = address.ProxyUser!, ProxyPassword = address.ProxyPassword },
            cancellationToken))).Data;
    });

    ok &= await steps.Run($"4. Switch profile {profile} to it (custom proxy, proxy_mode 2)", () => DemoSteps.Show(client.UpdateProfileProxyForCustomProxyAsync(
        new UpdateProfileProxyForCustomProxyRequest { ProfileId = profile, ProxyInfo = address },
        cancellationToken)));

    ok &= await steps.Run($"5. Rotate proxy {created} to port {parse.GetValue(rotatedPort)} (a partial update: nothing else is sent)", () => DemoSteps.Show(client.UpdateProxyAsync(
        new UpdateProxyRequest { Id = created, ProxyPort = parse.GetValue(rotatedPort) },
        cancellationToken)));

    ok &= await steps.Run($"6. List profile {profile} again", async () =>
    {
        var page = await client.GetProfileListAsync(new GetProfileListRequest { ProfileId = profile }, cancellationToken);
        Console.WriteLine("   profile:  " + string.Join("; ", page.Data.Items.Select(DemoSteps.Describe)));
    });

    var extraction = parse.GetValue(extractionUrl) ?? (simulator is null ? null : "https://proxy-provider.example/extract?key=demo-api-key&num=1");
    ok &= extraction is { } link
        ? await steps.Run($"7. Switch profile {profile} to API extraction (page 18): a new proxy from the provider's link each time it opens", () => DemoSteps.Show(client.UpdateProfileProxyForApiExtractionAsync(
            new UpdateProfileProxyForApiExtractionRequest
            {
                ProfileId = profile,
                ProxyInfo = new ApiExtractionProxyInfo { ProxyType = ProxyType.Socks5, ProxyDataFormatType = ProxyDataFormatType.Txt, ProxyExtractionMethod = ProxyExtractionMethod.EveryType, ProxyUrl = link },
            },
            cancellationToken)))
        : DemoSteps.Skip("7. Switch to API extraction: skipped (pass --extraction-url to switch your profile)");

    var unused = parse.GetValue(unusedProxyId) ?? (simulator is null ? (long?)null : IxBrowserSimulator.DocsProxyId);
    ok &= unused is { } deletable
        ? await steps.Run($"8. Delete proxy {deletable}, which no profile uses", () => DemoSteps.Show(client.DeleteProxyAsync(new DeleteProxyRequest { Id = deletable }, cancellationToken)))
        : DemoSteps.Skip("8. Delete an unused proxy: skipped (pass --unused-proxy-id to delete one of yours)");

    var bulk = parse.GetValue(bulkCount) ?? (simulator is null ? 0 : 200);
    if (bulk > 0 && simulator is not null)
    {
        // An app that refuses above a rate it does not announce: the client learns it from the refusals.
        simulator.Faults.ThrottleAbovePerSecond = 100;
    }

    ok &= bulk > 0
        ? await steps.Run($"9. Bulk: rotate proxy {created} through {bulk} ports{(simulator is null ? string.Empty : " (the simulator now refuses above 100 calls/s)")}", async () =>
        {
            log.ShowBodies = false;
            try
            {
                await DemoSteps.RotateInBulkAsync(client, created, bulk, cancellationToken);
            }
            finally
            {
                log.ShowBodies = true;
            }
        })
        : DemoSteps.Skip("9. Bulk rotation: skipped (pass --bulk-count to run it)");

    ok &= await steps.Run($"10. Update proxy {parse.GetValue(missingProxyId)}, which does not exist (meant to fail)", () => DemoSteps.Show(client.UpdateProxyAsync(
        new UpdateProxyRequest { Id = parse.GetValue(missingProxyId), Note = "never stored" },
        cancellationToken)), expectFailure: true);

    Console.WriteLine();
    Console.WriteLine(ok ? "Done: the browser was driven and closed, the proxy workflow succeeded, and the failing call failed as expected." : "Something did not go as expected (see above).");
    return ok ? 0 : 1;
});

return await root.Parse(args).InvokeAsync();

static int Usage(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine("Run with --help to see every option.");
    return 2;
}
