using System;
using CsCheck;

namespace IxBrowser.LocalApi.Tests.Reliability;

/// <summary>
/// Runs a CsCheck generator deterministically: case i is generated from PCG(stream 1, seed + i), so
/// two runs with the same seed test the same cases in the same order. (CsCheck's own Sample fixes
/// only the first case.) A failure names its case and the CsCheck seed that replays it, which
/// <c>gen.Sample(assert, seed: ...)</c> also shrinks.
/// </summary>
internal static class SeededProperty
{
    public static void Run<T>(Gen<T> gen, Action<T> assert, ulong seed, int cases, Func<T, string> print)
    {
        for (var i = 0; i < cases; i++)
        {
            var pcg = new PCG(1, seed + (ulong)i);
            var replay = pcg.ToString();
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"property failed at case {i} of seed {seed} (CsCheck seed \"{replay}\"): {print(value)}{Environment.NewLine}{e}");
            }
        }
    }
}
