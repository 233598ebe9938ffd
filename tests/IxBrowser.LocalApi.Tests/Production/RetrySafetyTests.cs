using System;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Production;

/// <summary>
/// Which failures are retried, by the operation's x-retry-safe: pinned on the pipeline's rule, then
/// over HTTP with the creates (not retry-safe) against the simulator.
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

    [Theory]
    [InlineData(SimulatedFaultKind.DroppedConnection, 0)]
    [InlineData(null, IxBrowserErrorCodes.SystemError)]
    public async Task A_create_whose_answer_was_lost_or_failed_transiently_is_never_sent_again(SimulatedFaultKind? kind, int code)
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.CreateClient(LocalApiServer.FastRetries);
        Inject(simulator, kind, code);

        await Assert.ThrowsAnyAsync<IxBrowserException>(() => client.CreateProxyAsync(new CreateProxyRequest { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.50", ProxyPort = "80", ProxyUser = string.Empty }));
        Inject(simulator, kind, code);
        await Assert.ThrowsAnyAsync<IxBrowserException>(() => client.CreateProxyTagAsync(new CreateProxyTagRequest { Title = "once" }));

        Assert.Equal(2, simulator.ReceivedRequests.Count);
    }

    [Fact]
    public async Task A_create_refused_as_too_fast_is_retried_because_ixBrowser_did_not_apply_it()
    {
        using var simulator = IxBrowserSimulator.Start();

        // Patience for a cold first call and the gate's hold after a 1010 with nothing learned yet (up to a second).
        var client = simulator.CreateClient(o => { LocalApiServer.FastRetries(o); o.TooFastPatience = TimeSpan.FromSeconds(5); });
        simulator.Faults.FailNext(1, IxBrowserErrorCodes.OperationTooFast);

        var created = await client.CreateProxyTagAsync(new CreateProxyTagRequest { Title = "after-1010" });

        Assert.Equal(2, simulator.ReceivedRequests.Count);
        Assert.Equal(created.Data, simulator.ProxyTags.Single(t => t.Title == "after-1010").Id);
    }

    [Fact]
    public async Task A_retry_safe_update_is_sent_again_after_a_transient_failure()
    {
        using var simulator = IxBrowserSimulator.Start();
        var client = simulator.CreateClient(LocalApiServer.FastRetries);
        simulator.Faults.FailNext(1, IxBrowserErrorCodes.SystemError);

        await client.UpdateProxyTagAsync(new UpdateProxyTagRequest { Id = 14, Title = "again" });

        Assert.Equal(2, simulator.ReceivedRequests.Count);
    }

    private static void Inject(IxBrowserSimulator simulator, SimulatedFaultKind? kind, int code)
    {
        if (kind is { } fault)
        {
            simulator.Faults.BreakNext(1, fault);
        }
        else
        {
            simulator.Faults.FailNext(1, code);
        }
    }

    private static System.Exception Failure(string failure)
    {
        var address = new System.Uri("http://127.0.0.1:1/");
        var unsafeOperation = new IxBrowserOperation<DeleteProxyRequest, int>("Create", "api/v2/create", retrySafe: false, longRunning: false, new IxBrowserSuccessData("int32", null, null, null), new[] { "1000" });
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
