namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>The documented answers, verbatim from the vendor's pages.</summary>
public static class Envelopes
{
    public const string ExtractionSuccess = """{"error":{"code":0,"message":"success","time":1691131803},"data":"success"}""";
    public const string ExtractionProfileMissing = """{"error":{"code":2007,"message":"Profile does not exist","time":1694762291},"data":[]}""";
    public const string ProxyUpdateSuccess = """{"error":{"code":0,"message":"success","time":1693464163},"data":1}""";
    public const string ProxyUpdateProxyMissing = """{"error":{"code":2002,"message":"Proxy information does not exist","time":1694598121},"data":[]}""";

    /// <summary>A success envelope around <paramref name="data"/>, which is raw JSON.</summary>
    public static string Success(string data) => $$"""{"error":{"code":0,"message":"success","time":1700000000},"data":{{data}}}""";

    /// <summary>
    /// Every spelling of "no data" in a success that the pages show (absent, null, [] and "success"):
    /// an operation whose x-success-data kind is none succeeds with each.
    /// </summary>
    public static TheoryData<string> NoDataAnswers() => new()
    {
        """{"error":{"code":0,"message":"success"}}""",
        """{"error":{"code":0,"message":"success"},"data":null}""",
        """{"error":{"code":0,"message":"success"},"data":[]}""",
        """{"error":{"code":0,"message":"success"},"data":"success"}""",
    };

    public static string Error(int code, string? message = null, long time = 1700000000) =>
        message is null
            ? $$"""{"error":{"code":{{code}},"time":{{time}}},"data":[]}"""
            : $$"""{"error":{"code":{{code}},"message":"{{message}}","time":{{time}}},"data":[]}""";
}
