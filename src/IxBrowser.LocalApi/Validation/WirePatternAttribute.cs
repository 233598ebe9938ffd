using System;
using System.Text.RegularExpressions;

namespace IxBrowser.LocalApi.Validation;

/// <summary>Generated from the spec's <c>pattern</c> and <c>x-pattern-hint</c>; checked before sending.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WirePatternAttribute(string pattern, string hint) : Attribute
{
    public Regex Regex { get; } = new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>What the pattern accepts, in words.</summary>
    public string Hint { get; } = hint;
}
