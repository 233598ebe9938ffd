using System;
using System.Linq;

namespace IxBrowser.LocalApi.Tests.Contract;

/// <summary>
/// Proves the contract checks can fail: altered copies of the spec must each be reported, at the
/// right location and naming the right member.
/// </summary>
public class SpecDriftTests
{
    private static string Alter(string find, string replacement)
    {
        var yaml = SpecDocument.ReadSpecText();
        Assert.True(yaml.Contains(find, StringComparison.Ordinal), $"the spec no longer contains '{find}'; update this test's anchor");
        return yaml.Replace(find, replacement, StringComparison.Ordinal);
    }

    private static void AssertReported(string yaml, string location, string member, string problem)
    {
        var drifts = ContractChecker.Check(SpecDocument.Parse(yaml).Document);
        Assert.True(
            drifts.Any(d => d.Location == location && d.Member == member && d.Problem.Contains(problem, StringComparison.Ordinal)),
            $"expected a drift at {location} for {member} ({problem}); got:\n{string.Join("\n", drifts)}");
    }

    [Fact]
    public void A_renamed_property_is_reported_at_both_ends()
    {
        var yaml = Alter("        proxy_port:\n          type: string\n", "        proxy_port_number:\n          type: string\n");

        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties/proxy_port_number", "UpdateProxyRequest.?", "needs exactly one C# property with JSON name \"proxy_port_number\"");
        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties", "UpdateProxyRequest.ProxyPort", "sends JSON name \"proxy_port\", which the spec does not define");
    }

    [Fact]
    public void An_added_enum_value_is_reported()
    {
        var yaml = Alter("enum: [http, https, socks5, ssh, direct]", "enum: [http, https, socks5, ssh, direct, socks4]");

        AssertReported(yaml, "#/components/schemas/ProxyType/enum", "ProxyType", "the spec value \"socks4\" has no member of ProxyType");
    }

    [Fact]
    public void A_removed_enum_value_is_reported_on_the_member()
    {
        var yaml = Alter("enum: [global_line, cn_line]", "enum: [global_line]");

        AssertReported(yaml, "#/components/schemas/ProxyCheckLine/enum", "ProxyCheckLine.CnLine", "sends \"cn_line\", which the spec does not list");
    }

    [Fact]
    public void A_field_made_required_is_reported()
    {
        var yaml = Alter("      required: [id]\n", "      required: [id, note]\n");

        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties/note", "UpdateProxyRequest.Note", "the spec says required, the C# property is optional");
    }

    [Fact]
    public void A_removed_operation_is_reported()
    {
        var yaml = SpecDocument.ReadSpecText();
        var start = yaml.IndexOf("  /api/v2/proxy-update:\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("components:\n", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);

        AssertReported(yaml.Remove(start, end - start), "#/paths", "IIxBrowserClient.UpdateProxyAsync", "no operation of the spec has this operationId");
    }

    [Fact]
    public void An_operation_without_a_method_is_reported()
    {
        var yaml = Alter("operationId: UpdateProxy\n", "operationId: UpdateProxyList\n");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-update/post", "IIxBrowserClient.UpdateProxyListAsync", "needs exactly one method UpdateProxyListAsync");
    }

    [Fact]
    public void A_changed_property_type_is_reported()
    {
        var yaml = Alter("        proxy_port:\n          type: string\n", "        proxy_port:\n          type: integer\n          format: int32\n");

        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties/proxy_port", "UpdateProxyRequest.ProxyPort", "maps to Nullable`1<Int32>, the C# property is String");
    }

    [Fact]
    public void A_new_error_code_without_a_constant_is_reported()
    {
        var yaml = Alter("        - code: 104006\n", "        - code: 104007\n          name: ProxyLocked\n          description: Locked\n        - code: 104006\n");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-update/post/x-error-codes/10", "IxBrowserErrorCodes.ProxyLocked", "error 104007 has no constant named ProxyLocked");
    }

    [Fact]
    public void A_response_that_is_not_the_envelope_is_reported()
    {
        var yaml = Alter(
            "            1000, 1004, 1008, 1011, 2002, 104001-104006 and `data` is an empty array.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/IxBrowserResponse'",
            "            1000, 1004, 1008, 1011, 2002, 104001-104006 and `data` is an empty array.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/IxBrowserStatus'");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-update/post/responses/200/content/application~1json/schema", "IIxBrowserClient.UpdateProxyAsync", "every response must be the shared envelope IxBrowserResponse, found IxBrowserStatus");
    }

    [Fact]
    public void An_example_that_does_not_fit_the_types_is_reported()
    {
        var yaml = Alter("                  proxy_port: '57425'\n", "                  proxy_port: '57425'\n                  proxy_speed: fast\n");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-update/post/requestBody/content/application~1json/examples/documentation", "UpdateProxyRequest", "does not survive a round trip");
    }

    [Fact]
    public void A_constant_that_became_settable_in_the_spec_is_reported()
    {
        var yaml = Alter("          x-client-constant: true\n", string.Empty);

        AssertReported(yaml, "#/components/schemas/ApiExtractionProxyInfo/properties/proxy_mode", "ApiExtractionProxyInfo.ProxyMode", "settable in the spec, but the C# property has no setter");
    }
}
