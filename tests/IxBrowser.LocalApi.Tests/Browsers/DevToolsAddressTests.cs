using System;

namespace IxBrowser.LocalApi.Tests.Browsers;

/// <summary>What the app answers as a debugging address becomes a usable http URI; users have met each of these spellings.</summary>
public class DevToolsAddressTests
{
    private static readonly Uri Local = new("http://127.0.0.1:53200/");

    [Theory]
    [InlineData("127.0.0.1:27109", null, null, "http://127.0.0.1:27109/")]
    [InlineData("27109", null, null, "http://127.0.0.1:27109/")]
    [InlineData("http://127.0.0.1:27109", null, null, "http://127.0.0.1:27109/")]
    [InlineData(" localhost:27109 ", null, null, "http://localhost:27109/")]
    [InlineData("", 27109, null, "http://127.0.0.1:27109/")]
    [InlineData(null, null, "ws://127.0.0.1:27109/devtools/browser/x", "http://127.0.0.1:27109/")]
    [InlineData("ws://127.0.0.1:27109/devtools/browser/x", null, null, "http://127.0.0.1:27109/")]
    public void Every_spelling_becomes_an_http_uri(string? address, int? port, string? ws, string expected)
    {
        Assert.Equal(new Uri(expected), DevToolsAddress.Normalize(address, port, ws, Local));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("not an address", null, null)]
    [InlineData("", 0, "")]
    public void Nothing_usable_is_null(string? address, int? port, string? ws)
    {
        Assert.Null(DevToolsAddress.Normalize(address, port, ws, Local));
    }

    [Fact]
    public void A_loopback_address_of_an_app_on_another_machine_is_that_machines()
    {
        var remote = new Uri("http://192.168.1.20:53200/");

        Assert.Equal(new Uri("http://192.168.1.20:27109/"), DevToolsAddress.Normalize("127.0.0.1:27109", null, null, remote));
        Assert.Equal(new Uri("ws://192.168.1.20:27109/devtools/browser/x"), DevToolsAddress.WebSocket("ws://127.0.0.1:27109/devtools/browser/x", remote));
        Assert.Null(DevToolsAddress.WebSocket("http://127.0.0.1:27109/", remote));
    }
}
