using System;

namespace IxBrowser.LocalApi.Validation;

/// <summary>Generated from the spec's <c>minimum</c> and <c>maximum</c>; checked before sending.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WireRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;
}
