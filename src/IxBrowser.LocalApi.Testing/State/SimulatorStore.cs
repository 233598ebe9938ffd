using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// The simulated app's state: one table per resource, behind one lock. Handlers read and write the
/// tables under <see cref="Gate"/>; imports are validated first (<see cref="SimulatorStateValidator"/>),
/// so a table never holds a null record or two records with one id.
/// </summary>
internal sealed class SimulatorStore
{
    private bool _frozen;
    private int _active;

    /// <summary>The lock every read and write of the tables takes.</summary>
    public object Gate { get; } = new();

    public Dictionary<long, SimulatedProxy> Proxies { get; } = new();

    public Dictionary<long, SimulatedProfile> Profiles { get; } = new();

    public Dictionary<long, SimulatedGroup> Groups { get; } = new();

    public Dictionary<long, SimulatedTag> ProfileTags { get; } = new();

    public Dictionary<long, SimulatedTag> ProxyTags { get; } = new();

    public Dictionary<long, SimulatedTrafficPackage> TrafficPackages { get; } = new();

    /// <summary>Deleted profiles, until the recycle bin is emptied. Not part of the saved state: a restart empties it.</summary>
    public Dictionary<long, SimulatedProfile> RecycleBin { get; } = new();

    /// <summary>The app's access gateways (id, name), and the one in use. Not part of the saved state.</summary>
    public List<(string Id, string Name)> Gateways { get; } = new() { ("1", "Line1"), ("2", "Line2") };

    /// <summary>The open transfer codes, by profile. Not part of the saved state.</summary>
    public Dictionary<long, SimulatedTransfer> TransferCodes { get; } = new();

    /// <summary>Transfer codes of other accounts this account can import (the docs' example code). Not part of the saved state.</summary>
    public Dictionary<string, SimulatedProfile> ForeignTransferCodes { get; } = new(StringComparer.Ordinal)
    {
        ["76686828-89727101"] = new SimulatedProfile { Id = 0, Name = "handed over" },
    };

    /// <summary>Transfer records: type 1 (codes this account created) and 2 (codes it imported). Not part of the saved state.</summary>
    public List<SimulatedTransferRecord> TransferRecords { get; } = new();

    /// <summary>Each profile's stored cookies, in ixBrowser's format (pages 21-22). Not part of the saved state.</summary>
    public Dictionary<long, Newtonsoft.Json.Linq.JArray> ProfileCookies { get; } = new();

    /// <summary>The id of the gateway in use.</summary>
    public string CurrentGateway { get; set; } = "1";

    /// <summary>
    /// Starts a behaviour, unless the store is frozen (a shutdown, before the state is saved): then
    /// nothing may change it, and the caller answers without acting. Pair with <see cref="Exit"/>.
    /// </summary>
    public bool TryEnter()
    {
        lock (Gate)
        {
            if (_frozen)
            {
                return false;
            }

            _active++;
            return true;
        }
    }

    public void Exit()
    {
        lock (Gate)
        {
            _active--;
            Monitor.PulseAll(Gate);
        }
    }

    /// <summary>
    /// Refuses every later behaviour and waits for the running ones to finish: after it, the state
    /// holds every write a client was told succeeded, and changes no more.
    /// </summary>
    public void Freeze()
    {
        lock (Gate)
        {
            _frozen = true;
            while (_active > 0)
            {
                Monitor.Wait(Gate);
            }
        }
    }

    public void Put(SimulatedProxy proxy) => Store(Proxies, proxy.Id, proxy);

    public void Put(SimulatedProfile profile) => Store(Profiles, profile.Id, profile);

    public void Put(SimulatedGroup group) => Store(Groups, group.Id, group);

    public void PutProfileTag(SimulatedTag tag) => Store(ProfileTags, tag.Id, tag);

    public void PutProxyTag(SimulatedTag tag) => Store(ProxyTags, tag.Id, tag);

    public void Put(SimulatedTrafficPackage package) => Store(TrafficPackages, package.Id, package);

    /// <summary>A sorted copy of a table, taken under the lock.</summary>
    public IReadOnlyList<T> List<T>(Func<SimulatorStore, Dictionary<long, T>> table)
    {
        lock (Gate)
        {
            return table(this).OrderBy(e => e.Key).Select(e => e.Value).ToList();
        }
    }

    public T? Find<T>(Func<SimulatorStore, Dictionary<long, T>> table, long id)
        where T : class
    {
        lock (Gate)
        {
            return table(this).TryGetValue(id, out var item) ? item : null;
        }
    }

    /// <summary>A consistent copy of everything.</summary>
    public SimulatorState Export()
    {
        lock (Gate)
        {
            return new SimulatorState
            {
                Profiles = Profiles.Values.OrderBy(p => p.Id).ToList(),
                Proxies = Proxies.Values.OrderBy(p => p.Id).ToList(),
                Groups = Groups.Values.OrderBy(g => g.Id).ToList(),
                ProfileTags = ProfileTags.Values.OrderBy(t => t.Id).ToList(),
                ProxyTags = ProxyTags.Values.OrderBy(t => t.Id).ToList(),
                TrafficPackages = TrafficPackages.Values.OrderBy(p => p.Id).ToList(),
            };
        }
    }

    /// <summary>Replaces everything with <paramref name="state"/>, once it is valid (otherwise nothing changes).</summary>
    /// <exception cref="ArgumentException">The state has problems; the message names each bad record.</exception>
    public void Import(SimulatorState state)
    {
        SimulatorStateValidator.ThrowIfInvalid(state);
        lock (Gate)
        {
            Replace(Profiles, state.Profiles, p => p.Id);
            Replace(Proxies, state.Proxies, p => p.Id);
            Replace(Groups, state.Groups, g => g.Id);
            Replace(ProfileTags, state.ProfileTags, t => t.Id);
            Replace(ProxyTags, state.ProxyTags, t => t.Id);
            Replace(TrafficPackages, state.TrafficPackages, p => p.Id);
        }

        static void Replace<T>(Dictionary<long, T> table, IEnumerable<T>? items, Func<T, long> id)
        {
            table.Clear();
            foreach (var item in items ?? Enumerable.Empty<T>())
            {
                table[id(item)] = item;
            }
        }
    }

    /// <summary>The id a create gives: one above the highest. Call under the lock.</summary>
    public static long NextId<T>(Dictionary<long, T> table) => table.Count == 0 ? 1 : checked(table.Keys.Max() + 1);

    /// <summary>Choice: tag names a proxy is created or updated with that are not proxy tags yet become new proxy tags. Call under the lock.</summary>
    public void EnsureProxyTags(IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => n.Length > 0 && ProxyTags.Values.All(t => t.Title != n)).Distinct().ToList())
        {
            AddProxyTag(name);
        }
    }

    /// <summary>A new proxy tag with a fresh id. Call under the lock.</summary>
    public SimulatedTag AddProxyTag(string title)
    {
        var tag = new SimulatedTag(NextId(ProxyTags), title);
        ProxyTags[tag.Id] = tag;
        return tag;
    }

    private void Store<T>(Dictionary<long, T> table, long id, T item)
    {
        lock (Gate)
        {
            table[id] = item;
        }
    }
}
