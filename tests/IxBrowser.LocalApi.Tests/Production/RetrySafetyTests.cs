using System.Net.Http;
using System.Net.Sockets;

namespace IxBrowser.LocalApi.Tests.Production;

/// <summary>
/// Which failures are retried, by the operation's x-retry-safe. Every operation in today's spec is
/// retry-safe, so the unsafe column is pinned on the pipeline's rule itself; the safe column is also
/// exercised over HTTP by the retry, soak and proxy-delete tests.
/// </summary>
public class RetrySafetyTests
{
    public static TheoryData<string, bool, bool> Cases => new()
    {
        // failure, retried when the operation is retry-safe, retried when it is not
        { "1010 too fast", true, true },
        { "1004 system error", true, false },
        { "connection refused", true, true },
        { "connection broke mid-answer", true, false },
        { "2002 not found", false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_failure_that_may_have_reached_ixBrowser_is_retried_only_for_a_retry_safe_operation(string failure, bool whenSafe, bool whenUnsafe)
    {
        var exception = Failure(failure);

        Assert.Equal(whenSafe, IxBrowserCallPipeline.ShouldRetry(exception, retrySafe: true));
        Assert.Equal(whenUnsafe, IxBrowserCallPipeline.ShouldRetry(exception, retrySafe: false));
    }

    private static System.Exception Failure(string failure)
    {
        var address = new System.Uri("http://127.0.0.1:1/");
        var unsafeOperation = new IxBrowserOperation<DeleteProxyRequest, int>("Create", "api/v2/create", retrySafe: false, "an integer", new[] { 1000 });
        return failure switch
        {
            "1010 too fast" => new IxBrowserApiException("Create", IxBrowserErrorCodes.OperationTooFast, null, null),
            "1004 system error" => new IxBrowserApiException("Create", IxBrowserErrorCodes.SystemError, null, null),
            "2002 not found" => new IxBrowserApiException("Create", IxBrowserErrorCodes.ProxyNotFound, null, null),
            "connection refused" => CallFailures.Unreachable(unsafeOperation, address, new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))),
            _ => CallFailures.Unreachable(unsafeOperation, address, new HttpRequestException("reset", new System.IO.IOException("reset"))),
        };
    }
}
