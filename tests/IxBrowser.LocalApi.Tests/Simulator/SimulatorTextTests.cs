using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>The simulator's records never show a credential in their text (an xUnit failure message prints them).</summary>
public class SimulatorTextTests
{
    private const string Password = "pw-MARKER-5521";
    private const string User = "user-MARKER-5521";

    [Fact]
    public async Task A_received_request_shows_its_body_with_every_secret_masked()
    {
        using var simulator = IxBrowserSimulator.Start();
        await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, ProxyUser = User, ProxyPassword = Password, Note = "visible" });
        await simulator.Client.UpdateProfileProxyForApiExtractionAsync(new UpdateProfileProxyForApiExtractionRequest
        {
            ProfileId = 161,
            ProxyInfo = new ApiExtractionProxyInfo { ProxyType = ProxyType.Http, ProxyDataFormatType = ProxyDataFormatType.Txt, ProxyExtractionMethod = ProxyExtractionMethod.Invalid, ProxyUrl = "https://provider.example/x?key=" + Password },
        });

        var texts = new List<string> { simulator.ReceivedRequests[0].ToString(), simulator.ReceivedRequests[1].ToString() };

        Assert.Contains("\"proxy_password\":\"***\"", texts[0], StringComparison.Ordinal);
        Assert.Contains("\"proxy_user\":\"***\"", texts[0], StringComparison.Ordinal);
        Assert.Contains("\"note\":\"visible\"", texts[0], StringComparison.Ordinal);
        Assert.Contains("\"proxy_url\":\"***\"", texts[1], StringComparison.Ordinal);
        Assert.All(texts, t => Assert.DoesNotContain("MARKER-5521", t, StringComparison.Ordinal));
        Assert.Contains(Password, simulator.ReceivedRequests[0].RawBody, StringComparison.Ordinal);   // the record still holds what was sent
    }

    [Fact]
    public async Task Every_state_record_masks_its_secrets()
    {
        using var simulator = IxBrowserSimulator.Start();
        simulator.AddProxy(new SimulatedProxy { Id = 9, ProxyUser = User, ProxyPassword = Password });
        await simulator.Client.UpdateProfileProxyForCustomProxyAsync(new UpdateProfileProxyForCustomProxyRequest
        {
            ProfileId = 161,
            ProxyInfo = new CustomProxyInfo { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.77", ProxyPort = "80", ProxyUser = User, ProxyPassword = Password },
        });

        var texts = new[] { simulator.GetProxy(9)!.ToString(), simulator.GetProfile(161)!.ToString(), simulator.ExportState().ToString() };

        Assert.All(texts, t => Assert.DoesNotContain("MARKER-5521", t, StringComparison.Ordinal));
        Assert.Contains("ProxyPassword = ***", texts[1], StringComparison.Ordinal);
    }
}
