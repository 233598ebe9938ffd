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
        var yaml = Alter("        note:\n          type: string\n", "        note:\n          type: integer\n          format: int32\n");

        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties/note", "UpdateProxyRequest.Note", "maps to Nullable<Int32>, the C# property is String");
    }

    [Fact]
    public void A_new_catalogue_code_without_a_constant_is_reported()
    {
        var yaml = Alter("  - code: 104006\n", "  - code: 104007\n    name: ProxyLocked\n    description: Locked\n  - code: 104006\n");

        AssertReported(yaml, "#/x-error-catalogue/" + CatalogueIndexOf(104006), "IxBrowserErrorCodes.ProxyLocked", "error 104007 has no constant named ProxyLocked");
        // The family 104xxx is expanded in one place (IxBrowserErrorCodes.Expand, from the generated
        // catalogue), so the new code reaches UpdateProxy's documented codes with its constant.
    }

    [Fact]
    public void A_code_that_the_catalogue_lacks_is_reported()
    {
        var yaml = Alter("x-error-codes: [1000, 1008, 2002, 108xxx]", "x-error-codes: [1000, 1008, 2002, 108xxx, 999999]");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-delete/post/x-error-codes", "IxBrowserOperations.DeleteProxy", "lists 999999, which the x-error-catalogue does not define");
    }

    [Fact]
    public void A_code_that_became_transient_is_reported()
    {
        var yaml = Alter("    name: ProxyNotFound\n    description: 'Proxy information does not exist'\n", "    name: ProxyNotFound\n    description: 'Proxy information does not exist'\n    transient: true\n");

        AssertReported(yaml, "#/x-error-catalogue/" + CatalogueIndexOf(2002) + "/transient", "IxBrowserErrorCodes.IsTransient(2002)", "is False, the spec says True");
    }

    [Fact]
    public void A_code_that_became_not_applied_is_reported()
    {
        var yaml = Alter("    name: SystemError\n    description: 'System error, try again later'\n    transient: true\n", "    name: SystemError\n    description: 'System error, try again later'\n    transient: true\n    not-applied: true\n");

        AssertReported(yaml, "#/x-error-catalogue/" + CatalogueIndexOf(1004) + "/not-applied", "IxBrowserErrorCodes.IsNotApplied(1004)", "is False, the spec says True");
    }

    [Fact]
    public void A_response_that_is_not_the_envelope_is_reported()
    {
        var yaml = Alter(
            "            1000, 1008, 2002, 108xxx and `data` is an empty array.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/IxBrowserResponse'",
            "            1000, 1008, 2002, 108xxx and `data` is an empty array.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/IxBrowserStatus'");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-delete/post/responses/200/content/application~1json/schema", "IIxBrowserClient.DeleteProxyAsync", "every response must be the shared envelope IxBrowserResponse, found IxBrowserStatus");
    }

    [Fact]
    public void Changed_success_data_is_reported_on_the_method_and_the_examples()
    {
        var yaml = Alter("      x-success-data:\n        kind: string\n        value: success\n", "      x-success-data:\n        kind: int64\n");

        AssertReported(yaml, "#/paths/~1api~1v2~1profile-update-proxy-for-api-extraction/post/x-success-data", "IIxBrowserClient.UpdateProfileProxyForApiExtractionAsync", "the spec's success data makes it Task<IxBrowserResponse<Int64>>");
        AssertReported(yaml, "#/paths/~1api~1v2~1profile-update-proxy-for-api-extraction/post/responses/200/content/application~1json/examples/success", "IxBrowserResponse<Int64>", "a success whose data is a string");
    }

    [Fact]
    public void Missing_success_data_is_reported()
    {
        var yaml = Alter("      x-success-data:\n        kind: string\n        value: success\n", string.Empty);

        AssertReported(yaml, "#/paths/~1api~1v2~1profile-update-proxy-for-api-extraction/post/x-success-data", "IIxBrowserClient.UpdateProfileProxyForApiExtractionAsync", "declares no success data");
    }

    [Fact]
    public void Flipped_retry_safety_is_reported()
    {
        var yaml = Alter("      x-error-codes: [1000, 1008, 2002, 108xxx]\n      x-retry-safe: true\n", "      x-error-codes: [1000, 1008, 2002, 108xxx]\n      x-retry-safe: false\n");

        AssertReported(yaml, "#/paths/~1api~1v2~1proxy-delete/post/x-retry-safe", "IxBrowserOperations.DeleteProxy.RetrySafe", "is True, the spec says False");
    }

    [Fact]
    public void A_secret_that_lost_its_marking_is_reported()
    {
        var yaml = Alter("        proxy_password:\n          type: string\n          x-secret: true\n", "        proxy_password:\n          type: string\n");

        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties/proxy_password/x-secret", "UpdateProxyRequest.ProxyPassword", "[Secret] in C#, not x-secret in the spec");
    }

    [Fact]
    public void A_new_secret_is_reported()
    {
        var yaml = Alter("        note:\n          type: string\n", "        note:\n          type: string\n          x-secret: true\n");

        AssertReported(yaml, "#/components/schemas/UpdateProxyRequest/properties/note/x-secret", "UpdateProxyRequest.Note", "the spec marks it secret, the C# property is not [Secret]");
    }

    [Fact]
    public void A_changed_minimum_is_reported()
    {
        var yaml = Alter("          minimum: 1\n          x-target: proxy\n          description: Id of the custom proxy to delete.", "          minimum: 10\n          x-target: proxy\n          description: Id of the custom proxy to delete.");

        AssertReported(yaml, "#/components/schemas/DeleteProxyRequest/properties/id/minimum", "DeleteProxyRequest.Id", "the spec's range is [10, -]");
    }

    [Fact]
    public void A_changed_pattern_is_reported()
    {
        var yaml = Alter("          pattern: '\\S'\n", "          pattern: '^general$'\n");

        AssertReported(yaml, "#/components/schemas/ApiExtractionProxyInfo/properties/proxy_service/pattern", "ApiExtractionProxyInfo.ProxyService", "the spec's pattern is ^general$");
    }

    [Fact]
    public void An_integer_enum_is_checked_by_number_in_both_directions()
    {
        // A spec copy with an integer enum the library does not have a member for; the checker must
        // compare numbers (it used to crash on them) and name the value.
        var yaml = Alter("    ProxyCheckLine:\n      type: string\n      description: Network line ixBrowser uses to test the proxy; used when the proxy type is not direct.\n      enum: [global_line, cn_line]",
            "    ProxyCheckLine:\n      type: integer\n      description: Network line ixBrowser uses to test the proxy; used when the proxy type is not direct.\n      enum: [1, 2]");

        AssertReported(yaml, "#/components/schemas/ProxyCheckLine/enum", "ProxyCheckLine", "the spec value \"1\" has no member of ProxyCheckLine");
        AssertReported(yaml, "#/components/schemas/ProxyCheckLine/enum", "ProxyCheckLine.GlobalLine", "sends \"global_line\", which the spec does not list");
    }

    private static int CatalogueIndexOf(int code) =>
        ContractChecker.Catalogue(SpecDocument.Load().Document).Select((e, i) => (e.Code, i)).Single(e => e.Code == code).i;

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

    [Fact]
    public void A_list_whose_items_change_is_reported_on_its_method_and_its_walker()
    {
        var yaml = Alter("        kind: page\n        items: GroupListItem\n", "        kind: page\n        items: TagListItem\n");

        AssertReported(yaml, "#/paths/~1api~1v2~1group-list/post/x-success-data", "IIxBrowserClient.GetGroupListAsync", "Task<IxBrowserResponse<IxBrowserPage`1>>");
        AssertReported(yaml, "#/paths/~1api~1v2~1group-list/post/x-success-data", "IIxBrowserClient.EnumerateGroupListAsync", "IAsyncEnumerable<TagListItem>");
    }

    [Fact]
    public void A_schema_no_operation_uses_is_reported()
    {
        var yaml = Alter("        kind: page\n        items: GroupListItem\n", "        kind: page\n        items: TagListItem\n");

        AssertReported(yaml, "#/components/schemas/GroupListItem", "GroupListItem", "no operation uses this schema");
    }

    [Fact]
    public void A_lost_wire_format_is_reported()
    {
        var yaml = Alter("          x-wire-format: decimal\n          description: Traffic used", "          description: Traffic used");

        AssertReported(yaml, "#/components/schemas/TrafficPackageListItem/properties/used_flow", "TrafficPackageListItem.UsedFlow", "the spec's string maps to String, the C# property is Nullable<Decimal>");
    }

    [Fact]
    public void A_paged_request_without_paging_is_reported()
    {
        var yaml = Alter("      description: Body of the profile tag list.\n      additionalProperties: false\n      properties:\n        page:", "      description: Body of the profile tag list.\n      additionalProperties: false\n      properties:\n        page_number:");

        AssertReported(yaml, "#/components/schemas/GetTagListRequest/properties/page_number", "GetTagListRequest.?", "needs exactly one C# property with JSON name \"page_number\"");
    }
}
