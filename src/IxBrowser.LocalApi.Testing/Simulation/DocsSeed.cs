using System.Collections.Generic;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// The state a new simulator starts with: the ids of the docs' examples, so that every documented
/// request example works against it as written.
/// </summary>
internal static class DocsSeed
{
    public static void Apply(SimulatorStore engine)
    {
        engine.Put(new SimulatedGroup(1, "Default"));
        engine.Put(new SimulatedGroup(169, "Facebook1"));
        engine.PutProfileTag(new SimulatedTag(169, "Facebook1"));
        engine.PutProfileTag(new SimulatedTag(14152, "test"));

        // Proxy tags of the proxy-list (117, 118), proxy-tag-update (14) and proxy-tag-delete (182) examples.
        engine.PutProxyTag(new SimulatedTag(14, "name"));
        engine.PutProxyTag(new SimulatedTag(117, "tag1"));
        engine.PutProxyTag(new SimulatedTag(118, "tag2"));
        engine.PutProxyTag(new SimulatedTag(182, "unused"));

        // The traffic package of page 15 and 37; the purchased proxy of page 16; the custom proxies of pages 38 and 40.
        engine.Put(new SimulatedTrafficPackage(6, "1024.00", "11.65", "Cost-effective traffic provider"));
        engine.Put(new SimulatedProxy { Id = 1, Kind = 2, ProxyType = "http", ProxyIp = "203.0.113.10", ProxyPort = "8000" });
        engine.Put(new SimulatedProxy { Id = 24320, ProxyType = "ssh", ProxyIp = "127.0.0.1", ProxyPort = "22", Tags = new List<string> { "tag1", "tag2" } });
        engine.Put(new SimulatedProxy { Id = IxBrowserSimulator.DocsProxyId, ProxyType = "socks5", ProxyIp = "127.0.0.2", ProxyPort = "57425" });

        // The profiles of pages 16-18 (161) and 15 (1575).
        engine.Put(new SimulatedProfile { Id = IxBrowserSimulator.DocsProfileId });
        engine.Put(new SimulatedProfile { Id = 1575, GroupId = 169, TagIds = new List<long> { 14152 } });
    }
}
