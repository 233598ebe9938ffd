using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IxBrowser.LocalApi;

/// <summary>
/// The values the vendor's appendices allow (pages 49-52 and 54), for fingerprints and residential
/// proxies. They are data (spec/appendices/*.tsv, built into this assembly), read on first use; the
/// client checks <see cref="FingerprintConfig.Timezone"/>, <see cref="FingerprintConfig.Language"/>,
/// <see cref="FingerprintConfig.Fonts"/> and the proxy country fields against them before sending.
/// </summary>
public static class IxBrowserAppendix
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> TimeZoneTable = new(() => Table("time-zones", StringComparer.Ordinal));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LanguageTable = new(() => Table("languages", StringComparer.Ordinal));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> FontTable = new(() => Table("fonts", StringComparer.Ordinal));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> CountryTable = new(() => Table("countries", StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<IReadOnlyList<IxBrowserWebGlRenderer>> WebGlTable = new(() =>
        Rows("webgl").Select(row => new IxBrowserWebGlRenderer(row[0], row[1], row[2])).ToList());

    /// <summary>Time zones (appendix 49): the IANA name, such as Asia/Shanghai, to its offset, such as GMT+08:00.</summary>
    public static IReadOnlyDictionary<string, string> TimeZones => TimeZoneTable.Value;

    /// <summary>Languages (appendix 50): the code, such as cn, to its name, such as Chinese (China).</summary>
    public static IReadOnlyDictionary<string, string> Languages => LanguageTable.Value;

    /// <summary>Fonts (appendix 51): each font name, to itself.</summary>
    public static IReadOnlyDictionary<string, string> Fonts => FontTable.Value;

    /// <summary>Countries (appendix 52): the two-letter code, such as US (looked up in any case), to the country's name.</summary>
    public static IReadOnlyDictionary<string, string> Countries => CountryTable.Value;

    /// <summary>WebGL vendor and renderer pairs (appendix 54), in the appendix's order.</summary>
    public static IReadOnlyList<IxBrowserWebGlRenderer> WebGl => WebGlTable.Value;

    /// <summary>An appendix by its spec name (x-appendix), with a caller-facing name for messages.</summary>
    internal static (IReadOnlyDictionary<string, string> Values, string Description) Named(string name) => name switch
    {
        "time-zones" => (TimeZones, "a time zone of the vendor's appendix (IxBrowserAppendix.TimeZones), such as Asia/Shanghai"),
        "languages" => (Languages, "a language code of the vendor's appendix (IxBrowserAppendix.Languages), such as cn"),
        "fonts" => (Fonts, "a font of the vendor's appendix (IxBrowserAppendix.Fonts)"),
        "countries" => (Countries, "a country code of the vendor's appendix (IxBrowserAppendix.Countries), such as US"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "The spec names an appendix the library does not have."),
    };

    private static Dictionary<string, string> Table(string name, StringComparer comparer) =>
        Rows(name).ToDictionary(row => row[0], row => row[1], comparer);

    private static List<string[]> Rows(string name)
    {
        using var stream = typeof(IxBrowserAppendix).Assembly.GetManifestResourceStream("IxBrowser.LocalApi.Appendices." + name + ".tsv")
            ?? throw new InvalidOperationException($"The appendix {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
