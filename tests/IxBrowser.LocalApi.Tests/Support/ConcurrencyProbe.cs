using System;
using System.Threading;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.RequestBuilders;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>
/// Makes a server behave like the desktop app under load: it answers 1010 ("too fast") whenever more
/// than <c>limit</c> requests are in flight, and records the highest number it saw.
/// </summary>
public sealed class ConcurrencyProbe
{
    private int _inFlight;
    private int _max;
    private int _throttled;

    public int MaxInFlight => Volatile.Read(ref _max);

    public int Throttled => Volatile.Read(ref _throttled);

    public void Install(WireMockServer server, string path, int limit, string successBody)
    {
        server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create().WithCallback(_ =>
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            try
            {
                // Hold the request long enough for overlapping callers to be seen.
                Thread.Sleep(2);
                if (now > limit)
                {
                    Interlocked.Increment(ref _throttled);
                    return Json(Envelopes.Error(1010, "Your operation was too fast, please try again later."));
                }

                return Json(successBody);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }));
    }

    private static WireMock.ResponseMessage Json(string body) => new()
    {
        StatusCode = 200,
        Headers = new System.Collections.Generic.Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String },
    };
}
