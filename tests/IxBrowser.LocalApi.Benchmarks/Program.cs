using BenchmarkDotNet.Running;

if (args.Length == 1 && args[0] == "--time-probe")
{
    await IxBrowser.LocalApi.Benchmarks.TimeProbe.RunAsync();
    return;
}

if (args.Length == 1 && args[0] == "--alloc-probe")
{
    await IxBrowser.LocalApi.Benchmarks.AllocationProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(IxBrowser.LocalApi.Benchmarks.Benchmarks.ClientFixture).Assembly).Run(args);
