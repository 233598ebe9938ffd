namespace IxBrowser.LocalApi.Simulator;

/// <summary>What the command line asked for.</summary>
internal sealed record ServerSettings(string Listen, string? StatePath, string? DumpPath, int LatencyMs, int? Throttle, double FailureRate, int Seed, int KeepRequests, int MaxBodyBytes);
