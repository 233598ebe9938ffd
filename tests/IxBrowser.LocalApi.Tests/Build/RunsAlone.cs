namespace IxBrowser.LocalApi.Tests.Build;

/// <summary>
/// Tests that run dotnet build use both cores for tens of seconds; they run on their own, after the
/// parallel tests, so that they do not starve tests that use real timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Build";
}
