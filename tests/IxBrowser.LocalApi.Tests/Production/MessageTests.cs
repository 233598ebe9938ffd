using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IxBrowser.LocalApi.Tests.Production;

/// <summary>Messages that name what was wrong and the fix, in the words the caller used.</summary>
public class MessageTests
{
    [Fact]
    public void A_bare_number_for_Timeout_in_configuration_names_the_key_and_the_format()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["IxBrowser:Timeout"] = "30" }).Build();
        using var services = new ServiceCollection().AddIxBrowserClient(configuration.GetSection("IxBrowser")).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IIxBrowserClient>());

        Assert.Contains("IxBrowser:Timeout is \"30\", a bare number, which .NET reads as 30 days", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"00:00:30\" for 30 seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_longer_than_a_day_is_refused_with_the_format()
    {
        var error = Assert.Throws<ArgumentException>(() => new IxBrowserClient(new IxBrowserClientOptions { Timeout = TimeSpan.FromDays(30) }));

        Assert.Contains("IxBrowserClientOptions.Timeout must be at most one day, not 30.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_request_to_a_list_walker_names_the_walker()
    {
        using var api = new LocalApiServer();

        var error = Assert.Throws<ArgumentNullException>(() => api.Client.EnumerateProxyListAsync(null!));

        Assert.Contains("pass a GetProxyListRequest to EnumerateProxyListAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_request_reads_as_English()
    {
        using var api = new LocalApiServer();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => api.Client.UpdateProxyAsync(null!));

        Assert.Contains("pass an UpdateProxyRequest to UpdateProxyAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_model_documents_its_ToString_with_properties_it_does_not_have()
    {
        var xml = System.Xml.Linq.XDocument.Load(System.IO.Path.ChangeExtension(typeof(IxBrowserClient).Assembly.Location, ".xml"));
        var returns = xml.Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.EndsWith(".ToString", StringComparison.Ordinal) == true)
            .Select(m => (Member: (string)m.Attribute("name")!, Text: m.Element("returns")?.Value ?? string.Empty))
            .ToList();

        Assert.NotEmpty(returns);
        Assert.All(returns, r => Assert.DoesNotContain("Id = 24330", r.Text, StringComparison.Ordinal));
    }
}
