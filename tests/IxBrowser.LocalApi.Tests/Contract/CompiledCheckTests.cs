using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using IxBrowser.LocalApi.Internal;
using IxBrowser.LocalApi.Validation;
using Newtonsoft.Json;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>
/// The compiled fast path of validation (CompiledCheck) agrees with the walk that writes the messages,
/// for every operation: each docs request example passes both, and each single break of a checked
/// property (a required one unset, an enum not set, a number out of range, a string against its
/// pattern or appendix) fails both.
/// </summary>
public class CompiledCheckTests
{
    public static TheoryData<string> OperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var (_, _, operation) in ContractChecker.Operations(SpecDocument.Load().Document))
        {
            data.Add(operation.OperationId!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void The_fast_path_and_the_walk_agree_on_the_docs_example_and_on_each_single_break(string operationId)
    {
        var (operation, requestType, example) = Example(operationId);

        Assert.True(CompiledCheck.Passes(Read(example, requestType)), $"{operationId}: the docs' example fails the compiled check");
        RequestValidator.Validate(Read(example, requestType), operation, requestType);

        var breaks = 0;
        foreach (var (path, breakIt) in Breaks(requestType))
        {
            var request = Read(example, requestType);
            if (!breakIt(request))
            {
                continue;
            }

            breaks++;
            Assert.False(CompiledCheck.Passes(request), $"{operationId}: breaking {path} passes the compiled check");
            Assert.Throws<ArgumentException>(() => RequestValidator.Validate(request, operation, requestType));
        }

        Assert.True(breaks > 0 || !WireModel.Of(requestType).Any(p => p.IsChecked && p.Property.CanWrite), $"{operationId}: no property could be broken");
    }

    private static (IxBrowserOperation Operation, Type RequestType, string Example) Example(string operationId)
    {
        var spec = SpecDocument.Load().Document;
        var specOperation = ContractChecker.Operations(spec).Single(o => o.Operation.OperationId == operationId).Operation;
        var example = ContractChecker.JsonText(specOperation.RequestBody!.Content!["application/json"].Examples!["documentation"].Value!);
        var operation = (IxBrowserOperation)typeof(IxBrowserOperations).GetField(operationId)!.GetValue(null)!;
        var requestType = typeof(IIxBrowserClient).GetMethod(operationId + "Async")!.GetParameters()[0].ParameterType;
        return (operation, requestType, example);
    }

    private static object Read(string json, Type type) => JsonConvert.DeserializeObject(json, type)!;

    /// <summary>Each way to break one checked property of the request (top level), as a setter that says whether it applied.</summary>
    private static IEnumerable<(string Path, Func<object, bool> Break)> Breaks(Type type)
    {
        foreach (var property in WireModel.Of(type).Where(p => p.IsChecked && p.Property.CanWrite))
        {
            var info = property.Property;
            var target = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
            if (property.Required && (!info.PropertyType.IsValueType || Nullable.GetUnderlyingType(info.PropertyType) is not null))
            {
                yield return (info.Name + " = null", model => Set(info, model, null));
            }

            if (property.EnumType is { } enumType)
            {
                yield return (info.Name + " = 999 (no member)", model => Set(info, model, Enum.ToObject(enumType, 999)));
            }

            if (property.Range is { } range && range.Minimum > long.MinValue && (target == typeof(long) || target == typeof(int)))
            {
                yield return (info.Name + " below its minimum", model => Set(info, model, Convert.ChangeType(range.Minimum - 1, target, System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (property.Pattern is { } pattern && target == typeof(string) && !pattern.Regex.IsMatch(" "))
            {
                yield return (info.Name + " = \" \"", model => Set(info, model, " "));
            }

            if (property.AppendixName is not null && target == typeof(string))
            {
                yield return (info.Name + " not in its appendix", model => Set(info, model, "Not/In_The_Appendix"));
            }
        }
    }

    private static bool Set(PropertyInfo property, object model, object? value)
    {
        property.SetValue(model, value);
        return true;
    }
}
