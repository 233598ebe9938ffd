using System;

namespace IxBrowser.LocalApi;

internal static class UnixTime
{
    // Seconds outside DateTimeOffset's range come from a broken server; clamp rather than throw
    // while reporting another failure.
    public static DateTimeOffset ToDateTimeOffset(long seconds)
    {
        const long Min = -62135596800;
        const long Max = 253402300799;
        return DateTimeOffset.FromUnixTimeSeconds(Math.Min(Math.Max(seconds, Min), Max));
    }
}
