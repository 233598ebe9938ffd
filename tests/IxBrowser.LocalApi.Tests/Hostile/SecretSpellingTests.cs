using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using IxBrowser.LocalApi.Tests.Reliability;
using IxBrowser.LocalApi.Tests.Support;
using Xunit.Abstractions;

namespace IxBrowser.LocalApi.Tests.Hostile;

/// <summary>Secrets are masked however the JSON spells them: escaped, in other cases, as other types, short, cut off.</summary>
public class SecretSpellingTests(ITestOutputHelper output)
{
    private const string Secret = "spell-SECRET-8d2f";

    // Key cases carry a value the request does not know (another proxy's password in a list), so
    // only the key can give it away; the last two carry the request's own secret.
    public static TheoryData<string, string> Answers() => new()
    {
        { "escaped key", """{"data":[{"proxy\u005fpassword":"list-SECRET-3a"}]}""" },
        { "every letter escaped", """{"data":[{"\u0070\u0072\u006f\u0078\u0079\u005f\u0070\u0061\u0073\u0073\u0077\u006f\u0072\u0064":"list-SECRET-3a"}]}""" },
        { "case variant", """{"data":[{"Proxy_Password":"list-SECRET-3a"}]}""" },
        { "upper case, no separator", """{"data":[{"PROXYPASSWORD" : "list-SECRET-3a"}]}""" },
        { "camel case", """{"data":[{"proxyPassword":"list-SECRET-3a"}]}""" },
        { "a number", """{"data":[{"proxy_password":8244417100}]}""" },
        { "an object", """{"data":[{"proxy_password":{"v":"list-SECRET-3a"}}]}""" },
        { "an array", """{"data":[{"proxy_user":["list-SECRET-3a",1]}]}""" },
        { "escaped value under another key", """{"echo":"spell\u002dSECRET\u002d8d2f"}""" },
        { "cut off inside the request's value", """{"echo":"spell-SECRET-8d""" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_secret_field_in_a_broken_answer_is_masked(string spelling, string body)
    {
        using var api = new LocalApiServer().Answer(LocalApiServer.ProxyUpdatePath, body, status: 500);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, ProxyPassword = Secret }));

        Assert.True(!error.ToString().Contains("SECRET", StringComparison.Ordinal) && !error.ToString().Contains("8244417100", StringComparison.Ordinal), $"{spelling}: {error.ResponseExcerpt}");
        Assert.Contains("***", error.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_escaped_echo_of_the_extraction_link_is_masked()
    {
        var escaped = Requests.MarkerUrl.Replace("/", "\\/", StringComparison.Ordinal);
        using var api = new LocalApiServer().Answer(LocalApiServer.ExtractionPath, "{\"error\":{\"code\":500},\"echo\":\"" + escaped + "\"", status: 502);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction()));

        Assert.DoesNotContain("KEY-MARKER", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("provider.example", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_head_of_a_long_link_cut_by_the_excerpt_is_masked()
    {
        var url = "https://provider.example/extract?apikey=KEY-LONG-71c0&pad=" + new string('p', 1200);
        var body = "{\"note\":\"" + new string('n', 700) + "\",\"echo\":\"" + url + "\"}";
        using var api = new LocalApiServer().Answer(LocalApiServer.ExtractionPath, body, status: 500);

        var error = await Assert.ThrowsAsync<IxBrowserProtocolException>(() => api.Client.UpdateProfileProxyForApiExtractionAsync(Requests.Extraction(url)));

        Assert.DoesNotContain("KEY-LONG", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://provider", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x9")]
    [InlineData("7")]
    public async Task A_short_secret_echoed_by_the_server_is_masked(string password)
    {
        using var api = new LocalApiServer().Answer(
            LocalApiServer.ProxyUpdatePath,
            "{\"error\":{\"code\":104005,\"message\":\"password " + password + " rejected\",\"time\":1},\"data\":[]}");

        var error = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 1, ProxyPassword = password }));

        Assert.Contains("password *** rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" " + password + " ", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The masking itself, over randomly spelt keys (each character escaped or not, any case) and value types.</summary>
    [Fact]
    public void Any_spelling_of_a_secret_key_or_value_is_masked()
    {
        var names = new[] { "proxy_password", "proxy_user", "proxy_url", "password", "username" };
        var gen = Gen.Select(
            Gen.Int[0, names.Length - 1],
            Gen.Bool.Array[20],
            Gen.Bool.Array[20],
            Gen.Int[0, 4],
            Gen.Bool,
            Gen.Int[0, 40]);
        var cases = 0;
        SeededProperty.Run(
            gen,
            t =>
            {
                var (name, escapes, upper, shape, cut, padding) = t;
                var text = Answer(names[name], escapes, upper, shape, padding);
                if (cut)
                {
                    // Cut inside the value: what a truncated answer leaves.
                    text = text.Substring(0, text.IndexOf("eCrEt", StringComparison.Ordinal) + 3);
                }

                var masked = Redact.Answer(text, ["SeCrEt-value-1f"]);
                Assert.DoesNotContain("eCr", masked, StringComparison.Ordinal);
                Assert.DoesNotContain("9137", masked, StringComparison.Ordinal);
                cases++;
            },
            seed: 20261130,
            cases: 10_000,
            print: t => Answer(names[t.Item1], t.Item2, t.Item3, t.Item4, t.Item6));
        output.WriteLine($"Property: secret spellings, {cases} cases, seed 20261130");
    }

    private static string Answer(string name, bool[] escapes, bool[] upper, int shape, int padding)
    {
        var key = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = upper[i % upper.Length] ? char.ToUpperInvariant(name[i]) : name[i];
            key.Append(escapes[i % escapes.Length] ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
        }

        var value = shape switch
        {
            0 => "\"SeCrEt-value-1f\"",
            1 => "9137000",
            2 => "{\"inner\":\"SeCrEt-value-1f\",\"n\":9137}",
            3 => "[\"SeCrEt-value-1f\",9137]",
            _ => "\"\\u0053eCrEt-value-1f\"",
        };
        return "{\"pad\":\"" + new string('p', padding) + "\",\"" + key + "\" : " + value + ",\"after\":1}";
    }
}
