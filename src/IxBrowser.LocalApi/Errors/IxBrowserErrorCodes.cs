using System.Collections.Generic;
using System.Linq;

namespace IxBrowser.LocalApi;

// Hand-written half of IxBrowserErrorCodes. The constants and the catalogue are generated from the
// spec's x-error-catalogue (Generation/Templates/Client.Class.liquid); this half only reads them.
public static partial class IxBrowserErrorCodes
{
    // Lazy: static initializers of two partial files run in an order the compiler chooses, and this
    // one reads the generated Catalogue.
    private static readonly System.Lazy<Dictionary<int, ErrorCodeInfo>> Entries = new(() => Catalogue!.ToDictionary(entry => entry.Code));

    private static Dictionary<int, ErrorCodeInfo> ByCode => Entries.Value;

    /// <summary>The vendor's meaning of <paramref name="code"/>, or <see langword="null"/> for a code its appendix does not list.</summary>
    /// <param name="code">An error code.</param>
    /// <returns>The meaning, or <see langword="null"/>.</returns>
    public static string? GetDescription(int code) => ByCode.TryGetValue(code, out var entry) ? entry.Description : null;

    /// <summary>The name of the constant for <paramref name="code"/> (for example <c>ProxyNotFound</c>), or <see langword="null"/>.</summary>
    /// <param name="code">An error code.</param>
    /// <returns>The constant's name, or <see langword="null"/>.</returns>
    public static string? GetName(int code) => ByCode.TryGetValue(code, out var entry) ? entry.Name : null;

    /// <summary>Whether <paramref name="code"/> asks the caller to try again later (the catalogue's transient codes: 1004 and 1010).</summary>
    /// <param name="code">An error code.</param>
    /// <returns><see langword="true"/> for a transient error.</returns>
    public static bool IsTransient(int code) => ByCode.TryGetValue(code, out var entry) && entry.IsTransient;

    /// <summary>
    /// The codes of a spec's x-error-codes list: a number stands for itself, and a family such as
    /// <c>104xxx</c> for every six-digit code of the catalogue that starts with its digits, in the
    /// catalogue's order. The only place the family notation is read.
    /// </summary>
    /// <exception cref="System.FormatException">An entry is neither a number nor a family that matches a catalogue code.</exception>
    internal static IReadOnlyList<int> Expand(IEnumerable<string> listed)
    {
        var codes = new List<int>();
        foreach (var entry in listed)
        {
            if (entry.Length == 6 && entry.EndsWith("xxx", System.StringComparison.Ordinal))
            {
                var family = entry.Substring(0, 3);
                var members = Catalogue!.Select(e => e.Code).Where(c => c is >= 100000 and <= 999999 && c.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(family, System.StringComparison.Ordinal)).ToList();
                codes.AddRange(members.Count > 0 ? members : throw new System.FormatException($"The error-code family {entry} matches no code of the catalogue."));
            }
            else
            {
                codes.Add(int.TryParse(entry, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : throw new System.FormatException($"The error code \"{entry}\" is neither a number nor a family such as 104xxx."));
            }
        }

        return codes;
    }

    /// <summary>Whether <paramref name="code"/> means ixBrowser refused the request without acting on it (the catalogue's not-applied: 1010), so sending it again is safe for any operation.</summary>
    internal static bool IsNotApplied(int code) => ByCode.TryGetValue(code, out var entry) && entry.IsNotApplied;
}
