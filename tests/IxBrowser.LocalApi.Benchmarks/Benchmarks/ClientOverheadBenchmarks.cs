namespace IxBrowser.LocalApi.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="SingleCallBenchmarks"/> without the network: every contender's HttpClient answers
/// from <see cref="Server.CannedEnvelopeHandler"/>. A diagnostic beside the Kestrel figures: on this
/// shared 2-core machine a loopback round trip (~40 us, StdDev ~5 us) hides differences of 1-2 us,
/// which this run makes visible.
/// </summary>
public class ClientOverheadBenchmarks : SingleCallBenchmarks
{
    protected override ClientFixture CreateFixture() => new(inMemory: true);
}
