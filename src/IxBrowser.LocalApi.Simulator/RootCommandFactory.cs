using System;
using System.CommandLine;
using System.IO;

namespace IxBrowser.LocalApi.Simulator;

/// <summary>The command line of ixbrowser-simulator.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "host:port to listen on. The default is ixBrowser's own address, so code written for it runs unchanged. " +
                          "The simulator has no authentication: another interface (0.0.0.0) only on a network you trust.",
            DefaultValueFactory = _ => "127.0.0.1:53200",
        };
        var state = new Option<FileInfo?>("--state") { Description = "A JSON file to start from (as --dump-state writes it) instead of the docs' example ids. It is checked first: a bad record ends the simulator with exit code 2." };
        var dump = new Option<FileInfo?>("--dump-state")
        {
            Description = "Where to write the state as JSON when the simulator stops (Enter, Ctrl+C or SIGTERM): after the requests in flight, atomically, " +
                          "readable by you only. It holds proxy passwords, user names and extraction links in clear.",
        };
        var latency = new Option<int>("--latency-ms") { Description = "Delay every answer by this many milliseconds.", DefaultValueFactory = _ => 0 };
        var throttle = new Option<int?>("--throttle") { Description = "Answer error 1010 (too fast) above this many calls a second, as a busy ixBrowser does." };
        var failureRate = new Option<double>("--failure-rate") { Description = "Share of calls (0 to 1) that get a broken answer: bad JSON, HTML, an empty or cut-off body, HTTP 500, or a dropped connection.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random failures, to replay a run.", DefaultValueFactory = _ => 1 };
        var keep = new Option<int>("--keep-requests") { Description = "How many of the latest requests to keep in memory (all are counted).", DefaultValueFactory = _ => 1000 };
        var maxBody = new Option<int>("--max-body-bytes") { Description = "The largest request body read; a larger one is answered HTTP 413 with error 1000.", DefaultValueFactory = _ => 1024 * 1024 };

        var command = new RootCommand("A simulated ixBrowser Local API: every documented operation with state, until Enter, Ctrl+C or SIGTERM.")
        {
            listen, state, dump, latency, throttle, failureRate, seed, keep, maxBody,
        };
        command.SetAction((parse, cancellationToken) => new SimulatorServer(new ServerSettings(
            parse.GetValue(listen)!,
            parse.GetValue(state)?.FullName,
            parse.GetValue(dump)?.FullName,
            parse.GetValue(latency),
            parse.GetValue(throttle),
            parse.GetValue(failureRate),
            parse.GetValue(seed),
            parse.GetValue(keep),
            parse.GetValue(maxBody))).RunAsync(cancellationToken));
        return command;
    }
}
