using System;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Benchmarks.Benchmarks;
using IxBrowser.LocalApi.Benchmarks.Contenders;

namespace IxBrowser.LocalApi.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --alloc-probe`: bytes allocated per call by each layer, measured with
/// GC.GetTotalAllocatedBytes over many sequential calls. A diagnostic for finding where a
/// contender's allocations come from; BenchmarkDotNet's MemoryDiagnoser gives the figures to quote.
/// </summary>
internal static class AllocationProbe
{
    public static async Task RunAsync()
    {
        using var fixture = new ClientFixture();
        var ours = Requests.Ours();
        var newtonsoft = Requests.Newtonsoft();

        const string Body = """{"error":{"code":0,"message":"success","time":1693464163},"data":1}""";
        await Measure("serialize ours", () => Task.FromResult(IxBrowser.LocalApi.Serialization.WireJson.Serialize(ours)));
        await Measure("serialize hand-written", () => Task.FromResult(Newtonsoft.Json.JsonConvert.SerializeObject(newtonsoft, new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore })));
        await Measure("deserialize ours", () => Task.FromResult(IxBrowser.LocalApi.Serialization.WireJson.Deserialize<IxBrowserResponse<int>>(Body)));
        await Measure("deserialize hand-written", () => Task.FromResult(Newtonsoft.Json.JsonConvert.DeserializeObject<NewtonsoftHandWritten.Envelope>(Body)));
        await Measure("IxBrowserClient (full)", () => fixture.Ours.UpdateProxyAsync(ours));
        await Measure("hand-written Newtonsoft", () => fixture.Newtonsoft.UpdateProxyAsync(newtonsoft));
    }

    private static async Task Measure<T>(string name, Func<Task<T>> call)
    {
        const int Calls = 20_000;
        for (var i = 0; i < 2_000; i++)
        {
            await call();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        var after = GC.GetTotalAllocatedBytes(precise: true);
        Console.WriteLine($"{name,-28} {(after - before) / (double)Calls,8:0} bytes/call");
    }
}
