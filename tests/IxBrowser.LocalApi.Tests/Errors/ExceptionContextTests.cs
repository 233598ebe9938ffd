using System;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Tests.Support;

namespace IxBrowser.LocalApi.Tests.Errors;

/// <summary>
/// An exception is made once, for its call (issue 19, item 5): it carries the call from the start and
/// reads the call's attempts and time once the call has given up; nothing is written into it later.
/// </summary>
public class ExceptionContextTests
{
    [Fact]
    public void While_the_call_runs_its_exception_claims_no_attempts_and_once_it_gives_up_the_calls()
    {
        var call = new TestCall();
        var failure = new IxBrowserApiException("DeleteProxy", 1004, "busy", null).Of(call);
        call.Attempt();
        call.Attempt();

        Assert.Equal(0, failure.Attempts);
        Assert.DoesNotContain("attempt", failure.Message, StringComparison.Ordinal);

        call.Finish();
        var elapsed = failure.Elapsed;
        Assert.Equal(2, failure.Attempts);
        Assert.Contains("(2 attempts in ", failure.Message, StringComparison.Ordinal);
        Assert.Equal(elapsed, failure.Elapsed);
    }

    [Fact]
    public void An_exception_belongs_to_the_first_call_it_was_made_for()
    {
        var first = new TestCall();
        var second = new TestCall();
        first.Attempt();
        var failure = new IxBrowserApiException("DeleteProxy", 1004, "busy", null).Of(first).Of(second);
        second.Attempt();
        second.Attempt();
        first.Finish();
        second.Finish();

        Assert.Equal(1, failure.Attempts);
    }

    [Fact]
    public async Task A_call_that_gives_up_throws_an_exception_with_its_attempts_and_time()
    {
        using var api = new LocalApiServer(configure: o => { LocalApiServer.FastRetries(o); o.MaxRetryAttempts = 1; })
            .Answer(LocalApiServer.ProxyUpdatePath, Envelopes.Error(1004));

        var failure = await Assert.ThrowsAsync<IxBrowserApiException>(() => api.Client.UpdateProxyAsync(Requests.ProxyUpdateDocsExample()));

        Assert.Equal(2, failure.Attempts);
        var elapsed = failure.Elapsed;
        await Task.Delay(20);
        Assert.True(elapsed > TimeSpan.Zero);
        Assert.Equal(elapsed, failure.Elapsed); // the call's clock stopped when it gave up
    }

    private sealed class TestCall() : IxBrowserCall(IxBrowserOperations.DeleteProxy, new object())
    {
        public void Attempt() => Attempts++;
    }
}
