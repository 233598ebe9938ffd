using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IxBrowser.LocalApi.Internal;

namespace IxBrowser.LocalApi.Validation;

/// <summary>
/// Checks a request before anything is sent, from what the spec says (generated as attributes):
/// required properties, enum values, minimum and maximum, patterns; then the operation's cross-field
/// rules (<see cref="ICrossFieldRules"/>). Every problem is reported at once, in one exception whose
/// message names each C# property with its wire field and says what to do. Secret values are never
/// repeated in a message.
/// </summary>
internal static class RequestValidator
{
    /// <param name="request">The caller's request.</param>
    /// <param name="operation">The operation it is for.</param>
    /// <param name="requestType">The request's declared type, named when the request is null.</param>
    /// <param name="method">The public method the caller called, when it is not <c>{operation}Async</c> (a list's Enumerate method).</param>
    public static void Validate<TRequest>(TRequest? request, IxBrowserOperation operation, Type requestType, string? method = null)
        where TRequest : class
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request), $"The request is required: pass {WithArticle(requestType.Name)} to {method ?? operation.Id + "Async"}.");
        }

        var passes = CompiledCheck.Passes(request);
        if (passes && request is not ICrossFieldRules)
        {
            // Nearly every call: nothing to say, so nothing is allocated.
            return;
        }

        var problems = new List<string>();
        if (!passes)
        {
            // Only now walk the model to say what is wrong (the compiled check says only whether).
            Check(request, string.Empty, problems, depth: 0);
        }

        if (problems.Count == 0 && request is ICrossFieldRules rules)
        {
            // Cross-field rules assume the fields they read are well-formed, so they run only then.
            rules.AddProblems(problems);
        }

        if (problems.Count == 1)
        {
            throw new ArgumentException(problems[0] + " Nothing was sent.", "request." + problems[0].Split(' ')[0]);
        }

        if (problems.Count > 1)
        {
            var list = string.Join(Environment.NewLine, problems.Select(p => "- " + p));
            throw new ArgumentException($"The {requestType.Name} has {problems.Count} problems; nothing was sent:{Environment.NewLine}{list}", nameof(request));
        }
    }

    /// <summary>"an UpdateProxyRequest", "a GetProxyListRequest".</summary>
    public static string WithArticle(string noun) => (noun.Length > 0 && "AEIOUaeiou".Contains(noun.Substring(0, 1)) ? "an " : "a ") + noun;

    /// <summary>The start of a problem: the C# property and its wire name, for example <c>ProxyPort (proxy_port)</c>.</summary>
    public static string Name(string csharpPath, string wirePath) => $"{csharpPath} ({wirePath})";

    private static void Check(object model, string prefix, List<string> problems, int depth)
    {
        foreach (var property in WireModel.Of(model.GetType()))
        {
            if (!property.Property.CanWrite)
            {
                // x-client-constant: the client sets it, the caller cannot.
                continue;
            }

            if (!property.IsChecked)
            {
                continue;
            }

            // Names are built only for a problem: this runs on every call (see the overhead benchmark).
            var value = property.GetValue(model);
            if (value is null)
            {
                if (property.Required)
                {
                    problems.Add($"{NameOf(prefix, property)} is required: set it.");
                }

                continue;
            }

            if (property.EnumType is { } enumType && !property.IsDefinedMember(value))
            {
                AddEnumProblem(enumType, value, NameOf(prefix, property), problems);
            }

            if (property.Range is { } range)
            {
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (number < range.Minimum || number > range.Maximum)
                {
                    problems.Add($"{NameOf(prefix, property)} must be {Bounds(range)}, not {Convert.ToString(value, CultureInfo.InvariantCulture)}.");
                }
            }

            if (property.Pattern is { } pattern && value is string text && !pattern.Regex.IsMatch(text))
            {
                // A secret's value is not repeated: extraction links carry an API key.
                var shown = property.IsSecret ? "the value given is not one (not shown: it is a secret)" : $"not \"{text}\"";
                problems.Add($"{NameOf(prefix, property)} must be {pattern.Hint}; {shown}.");
            }

            if (property.AppendixName is { } appendix)
            {
                AddAppendixProblems(appendix, value, NameOf(prefix, property), problems);
            }

            if (value is IList<long> ids)
            {
                AddIdListProblems(ids, NameOf(prefix, property), property.Required, problems);
            }

            if (property.IsModel && depth < 8)
            {
                Check(value, prefix + property.Property.Name + ".", problems, depth + 1);
            }
        }
    }

    /// <summary>An id list (x-wire-format id-list or id-strings): ids start at 1, and a required list names at least one.</summary>
    private static void AddIdListProblems(IList<long> ids, string name, bool required, List<string> problems)
    {
        if (ValueRules.MissingIds(ids, required))
        {
            problems.Add($"{name} must list at least one id; it is empty.");
        }

        if (ValueRules.FirstBadId(ids) is var bad and >= 0)
        {
            problems.Add($"{name} must hold ids from 1; item {bad} is {ids[bad].ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>A value (or each item of a list) of a vendor appendix (x-appendix); an empty string leaves the choice to the app.</summary>
    private static void AddAppendixProblems(string appendix, object value, string name, List<string> problems)
    {
        var (values, description) = IxBrowserAppendix.Named(appendix);
        if (value is string single)
        {
            if (!ValueRules.InAppendix(values, single))
            {
                problems.Add($"{name} must be {description}; \"{single}\" is not one.");
            }
        }
        else if (value is IEnumerable<string> items && ValueRules.FirstNotInAppendix(values, items) is var bad and >= 0)
        {
            problems.Add($"{name} must hold only values of the appendix: each item {description}; item {bad} \"{items.ElementAt(bad)}\" is not one.");
        }
    }

    private static string NameOf(string prefix, WireProperty property) => Name(prefix + property.Property.Name, property.WireName);

    private static void AddEnumProblem(Type enumType, object value, string name, List<string> problems)
    {
        var choices = string.Join(", ", Enum.GetNames(enumType).Select(member => enumType.Name + "." + member));
        var problem = Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0 ? "is not set" : $"has the undefined value {value}";
        problems.Add($"{name} {problem}: choose one of {choices}.");
    }

    // The generator writes the C# type's own limit where the spec has none (int.MaxValue for an int32).
    private static string Bounds(WireRangeAttribute range) =>
        range.Maximum is int.MaxValue or >= long.MaxValue ? $"at least {range.Minimum.ToString(CultureInfo.InvariantCulture)}"
        : range.Minimum <= long.MinValue ? $"at most {range.Maximum.ToString(CultureInfo.InvariantCulture)}"
        : $"from {range.Minimum.ToString(CultureInfo.InvariantCulture)} to {range.Maximum.ToString(CultureInfo.InvariantCulture)}";
}
