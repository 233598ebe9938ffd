using System;

namespace IxBrowser.LocalApi.Validation;

/// <summary>The spec's <c>x-appendix</c>: the value (or each item) must be one of a vendor appendix's values.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AppendixAttribute(string name) : Attribute
{
    /// <summary>The appendix: time-zones, languages, fonts or countries.</summary>
    public string Name { get; } = name;
}
