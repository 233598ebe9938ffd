using System;
using System.Linq;
using BenchmarkDotNet.Running;

if (args.Length == 2 && args[0] == "--hot")
{
    await IxBrowser.LocalApi.Benchmarks.HotLoop.RunAsync(args[1]);
    return;
}

if (args.Length == 1 && args[0] == "--ratio")
{
    await IxBrowser.LocalApi.Benchmarks.RatioProbe.RunAsync();
    return;
}

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

if (args.Length >= 1 && args[0] == "--simulator-memory")
{
    // --simulator-memory [N]: the standalone simulator's resident set before and after N requests (default 200,000).
    await IxBrowser.LocalApi.Benchmarks.SimulatorMemoryProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

if (args.Length >= 1 && args[0] == "--browsers")
{
    // --browsers [N]: open-to-connected-Playwright times (N opens) and N profiles run with caps 1, 2 and 4 (default 8).
    await IxBrowser.LocalApi.Benchmarks.BrowserProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8);
    return;
}

if (args.Length == 1 && args[0] == "--big-answer")
{
    await IxBrowser.LocalApi.Benchmarks.BigAnswerProbe.RunAsync();
    return;
}

if (args.Length == 4 && args[0] == "--pacing-trace")
{
    // --pacing-trace FROM TO N: the learned rate every 100 ms after the limit moves from FROM to TO.
    await IxBrowser.LocalApi.Benchmarks.ChangingLimitProbe.TraceAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 4 && args[0] == "--pacing-stagger")
{
    // --pacing-stagger LIMIT DELAY_MS N: two clients in this process, B joining DELAY_MS after A; rates every 250 ms.
    await IxBrowser.LocalApi.Benchmarks.ChangingLimitProbe.StaggerTraceAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 3 && args[0] == "--pacing-worker")
{
    // One of the two processes of the pacing table's two-process rows.
    await IxBrowser.LocalApi.Benchmarks.ChangingLimitProbe.WorkerAsync(new Uri(args[1]), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 1 && args[0] == "--pacing-changes")
{
    // Only the moving-limit and two-process rows of --pacing.
    await IxBrowser.LocalApi.Benchmarks.ChangingLimitProbe.RunAsync();
    return;
}

if (args.Length >= 1 && args[0] == "--pacing-sharing")
{
    // --pacing-sharing [RUNS]: the two-client and two-process rows only, RUNS times (default 3).
    await IxBrowser.LocalApi.Benchmarks.ChangingLimitProbe.SharingAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length >= 1 && args[0] == "--pacing")
{
    // --pacing [N] [R,R,...] [--bulk-only]: the bulk pacing table (defaults: 1,000 calls at 20, 100 and 500 calls/s), then the changing limits.
    var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    var rates = args.Length > 2 ? args[2].Split(',').Select(r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : new[] { 20, 100, 500 };
    await IxBrowser.LocalApi.Benchmarks.PacingProbe.RunAsync(calls, rates);
    if (args.Length > 3 && args[3] == "--bulk-only")
    {
        // Only the first table: for comparing builds on one rate.
        return;
    }

    Console.WriteLine();
    await IxBrowser.LocalApi.Benchmarks.ChangingLimitProbe.RunAsync();
    return;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(IxBrowser.LocalApi.Benchmarks.Benchmarks.ClientFixture).Assembly).Run(args);

// BenchmarkDotNet reports a benchmark that threw as "NA" and still exits 0; CI's smoke run must fail instead.
var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
if (failed.Count > 0 || summaries.Any(s => s.HasCriticalValidationErrors))
{
    Console.Error.WriteLine("Benchmarks that failed: " + (failed.Count > 0 ? string.Join(", ", failed) : "none ran (critical validation errors)"));
    Environment.ExitCode = 1;
}
