using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Errors;

/// <summary>Proxy passwords, proxy users and extraction URLs never show up in exceptions or ToString().</summary>
public class SecretTests
{
    private static readonly string[] Markers = { Requests.MarkerPassword, Requests.MarkerUser, Requests.MarkerUrl, "KEY-MARKER-93e1" };

    private static UpdateProxyRequest SecretProxyUpdate() => new()
    {
        Id = 3,
        ProxyUser = Requests.MarkerUser,
        ProxyPassword = Requests.MarkerPassword,
        ProxyIp = "10.0.0.1",
    };

    private static readonly string[] ProxyUpdateSecrets = { Requests.MarkerPassword, Requests.MarkerUser };
    private static readonly string[] ExtractionSecrets = { Requests.MarkerUrl };

    /// <summary>Answers of every kind; some echo the request's own secrets back, as a careless server or proxy might.</summary>
    private static IEnumerable<(int Status, string Body)> Answers(string[] secrets)
    {
        var echoed = string.Join(" ", secrets);
        yield return (200, Envelopes.Error(2002, "Proxy information does not exist"));
        yield return (200, Envelopes.Error(1000, "bad value " + echoed));
        yield return (500, "<html>oops</html>");
        yield return (502, $"<html>bad gateway for {echoed}</html>");
        yield return (200, $"{{\"error\":{{\"code\":\"{secrets[0]}\"}}}}");
        yield return (200, $"{{\"error\":{{\"code\":0}},\"data\":[\"{echoed}\"]}}");
        yield return (200, "");
        yield return (200, new string('x', 150) + echoed);
    }

    public static TheoryData<int, string> ProxyUpdateAnswers() => ToTheory(Answers(ProxyUpdateSecrets));

    public static TheoryData<int, string> ExtractionAnswers() => ToTheory(Answers(ExtractionSecrets));

    [Theory]
    [MemberData(nameof(ProxyUpdateAnswers))]
    public async Task Proxy_update_exceptions_never_contain_credentials(int status, string body)
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, body, status);

        var error = await Assert.ThrowsAnyAsync<IxBrowserException>(() => api.Client.UpdateProxyAsync(SecretProxyUpdate()));

        AssertClean(error.ToString());
        if (error is IxBrowserProtocolException protocol)
        {
            AssertClean(protocol.ResponseExcerpt);
        }
    }

    [Theory]
    [MemberData(nameof(ExtractionAnswers))]
    public async Task Extraction_exceptions_never_contain_the_extraction_url(int status, string body)
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ExtractionPath, body, status);

        var error = await Assert.ThrowsAnyAsync<IxBrowserException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

        AssertClean(error.ToString());
        if (error is IxBrowserProtocolException protocol)
        {
            AssertClean(protocol.ResponseExcerpt);
        }
    }

    private static TheoryData<int, string> ToTheory(IEnumerable<(int Status, string Body)> answers)
    {
        var data = new TheoryData<int, string>();
        foreach (var (status, body) in answers)
        {
            data.Add(status, body);
        }

        return data;
    }

    [Fact]
    public void Model_ToString_masks_secrets_but_shows_the_rest()
    {
        var update = SecretProxyUpdate().ToString();
        var extraction = Requests.Extraction().ToString();

        AssertClean(update);
        AssertClean(extraction);
        Assert.Equal("UpdateProxyRequest { Id = 3, ProxyIp = \"10.0.0.1\", ProxyUser = ***, ProxyPassword = *** }", update);
        Assert.Contains("ProfileId = 161", extraction, StringComparison.Ordinal);
        Assert.Contains("ProxyUrl = ***", extraction, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_itself_can_fail()
    {
        Assert.ThrowsAny<Exception>(() => AssertClean("prefix " + Requests.MarkerPassword));
    }

    private static void AssertClean(string text)
    {
        foreach (var marker in Markers)
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }
    }
}
