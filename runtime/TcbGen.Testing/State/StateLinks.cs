using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Testing.State
{
    /// <summary>
    /// Which endpoints keep state in the emulator, declared as links between specs (<c>stateful-endpoints.json</c>, beside
    /// this file), not as code per endpoint: a <see cref="DocumentLink"/> (what a set call writes, a get call reads back) or
    /// a <see cref="CollectionLink"/> (what add calls put in a list, list calls show and remove calls take out) or a
    /// <see cref="GroupingLink"/> (what a write call's items name, regrouped by a key for a read call).
    /// </summary>
    internal sealed class StateLinks
    {
        private StateLinks(IReadOnlyList<DocumentLink> documents, IReadOnlyList<CollectionLink> collections, IReadOnlyList<GroupingLink> groupings)
        {
            Documents = documents;
            Collections = collections;
            Groupings = groupings;
        }

        public IReadOnlyList<DocumentLink> Documents { get; }

        public IReadOnlyList<CollectionLink> Collections { get; }

        public IReadOnlyList<GroupingLink> Groupings { get; }

        /// <summary>Reads the links; a link naming an endpoint the spec set does not serve is left out whole.</summary>
        public static StateLinks Parse(JsonElement root, Func<string, bool> isServed)
        {
            var documents = root.GetProperty("documents").EnumerateArray().Select(ReadDocument).Where(d => d.Endpoints.All(isServed)).ToList();
            var collections = root.GetProperty("collections").EnumerateArray().Select(ReadCollection).Where(c => c.Endpoints.All(isServed)).ToList();
            var groupings = StatefulEndpointsResource.Items(root, "groupings").Select(ReadGrouping).Where(g => g.Endpoints.All(isServed)).ToList();
            return new StateLinks(documents, collections, groupings);
        }

        /// <summary>Every endpoint some link names, with what it does: for the coverage table and the README.</summary>
        public SortedDictionary<string, string> Roles()
        {
            var roles = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (DocumentLink link in Documents)
            {
                roles[link.Set.Endpoint] = $"stores the {link.What}";
                roles[link.Get.Endpoint] = $"reads back the {link.What}";
            }

            foreach (CollectionLink link in Collections)
            {
                link.Add.ForEach(a => roles[a.Endpoint] = $"adds to the {link.What}");
                link.Remove.ForEach(r => roles[r.Endpoint] = $"removes from the {link.What}");
                link.List.ForEach(l => roles[l.Endpoint] = $"lists the {link.What}");
            }

            foreach (GroupingLink link in Groupings)
            {
                roles[link.Write.Call.Endpoint] = $"stores the {link.What}";
                roles[link.Read.Call.Endpoint] = $"reads back the {link.What}";
            }

            return roles;
        }

        private static DocumentLink ReadDocument(JsonElement json) => new DocumentLink(
            json.GetProperty("what").GetString()!,
            ReadCall(json.GetProperty("set")),
            ReadCall(json.GetProperty("get")),
            ReadMap(json.GetProperty("fields")),
            json.TryGetProperty("into", out JsonElement into) ? into.GetString() : null);

        private static CollectionLink ReadCollection(JsonElement json) => new CollectionLink(
            json.GetProperty("what").GetString()!,
            json.GetProperty("add").EnumerateArray().Select(ReadAdd).ToList(),
            StatefulEndpointsResource.Items(json, "remove").Select(r => new RemoveCall(ReadCall(r), ReadMap(r.GetProperty("match")))).ToList(),
            json.GetProperty("list").EnumerateArray().Select(l => new ListCall(ReadCall(l), l.GetProperty("array").GetString()!)).ToList(),
            json.GetProperty("identity").GetString()!);

        private static GroupingLink ReadGrouping(JsonElement json)
        {
            JsonElement write = json.GetProperty("write");
            JsonElement read = json.GetProperty("read");
            return new GroupingLink(
                json.GetProperty("what").GetString()!,
                new GroupWrite(ReadCall(write), write.GetProperty("items").GetString()!, write.GetProperty("by").GetString()!, write.GetProperty("value").GetString()!),
                new GroupRead(ReadCall(read), read.GetProperty("ask").GetString()!, read.GetProperty("array").GetString()!, read.GetProperty("group").GetString()!, read.GetProperty("values").GetString()!));
        }

        private static AddCall ReadAdd(JsonElement json) => new AddCall(
            ReadCall(json),
            ReadMap(json.GetProperty("item")),
            json.TryGetProperty("generate", out JsonElement generate) ? ReadMap(generate) : Array.Empty<KeyValuePair<string, string>>(),
            json.TryGetProperty("answer", out JsonElement answer) ? ReadMap(answer) : Array.Empty<KeyValuePair<string, string>>());

        private static LinkedCall ReadCall(JsonElement json) => new LinkedCall(
            json.GetProperty("endpoint").GetString()!,
            StatefulEndpointsResource.Items(json, "key").Select(k => k.GetString()!).ToList());

        private static IReadOnlyList<KeyValuePair<string, string>> ReadMap(JsonElement json) =>
            json.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
    }

    /// <summary>One endpoint in a link, and the request fields whose values pick the record it works on (e.g. <c>env</c>).</summary>
    internal sealed record LinkedCall(string Endpoint, IReadOnlyList<string> Key);

    /// <summary>
    /// A set call stores some of its request fields (request name → response name in <see cref="Fields"/>); the get call
    /// with the same key answers its example response with the stored values in place (under <see cref="Into"/>, a dotted
    /// response path, or at the top). A field the set call leaves out keeps its stored value ("omitted means unchanged").
    /// </summary>
    internal sealed record DocumentLink(string What, LinkedCall Set, LinkedCall Get, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Into)
    {
        public IEnumerable<string> Endpoints => new[] { Set.Endpoint, Get.Endpoint };
    }

    /// <summary>
    /// Add calls put an item in the list of their key, each item the list call's example item with the mapped request
    /// values in place (<see cref="AddCall.Item"/>: item field → request field); <see cref="Identity"/> is the item field
    /// that tells items apart (an add with a known identity replaces the item). Remove calls take out the items whose
    /// fields equal their request's (<see cref="RemoveCall.Match"/>). A list call answers its example response with the
    /// array at <see cref="ListCall.Array"/> replaced by the key's items, once anything was added for that key.
    /// </summary>
    internal sealed record CollectionLink(string What, List<AddCall> Add, List<RemoveCall> Remove, List<ListCall> List, string Identity)
    {
        public IEnumerable<string> Endpoints => Add.Select(a => a.Call.Endpoint).Concat(Remove.Select(r => r.Call.Endpoint)).Concat(List.Select(l => l.Call.Endpoint));
    }

    /// <summary>
    /// One add call of a <see cref="CollectionLink"/>. <see cref="Generate"/>: item fields the emulator makes up, from a
    /// pattern where <c>{name}</c> is a request field's value and <c>{id}</c> a fresh random suffix (a created environment's
    /// id, <c>{alias}-{id}</c>). <see cref="Answer"/>: fields of the add call's own answer set from the item (answer field →
    /// item field), so the id the create call answers is the one the list shows.
    /// </summary>
    internal sealed record AddCall(LinkedCall Call, IReadOnlyList<KeyValuePair<string, string>> Item, IReadOnlyList<KeyValuePair<string, string>> Generate, IReadOnlyList<KeyValuePair<string, string>> Answer)
    {
        public string Endpoint => Call.Endpoint;
    }

    internal sealed record RemoveCall(LinkedCall Call, IReadOnlyList<KeyValuePair<string, string>> Match)
    {
        public string Endpoint => Call.Endpoint;
    }

    internal sealed record ListCall(LinkedCall Call, string Array)
    {
        public string Endpoint => Call.Endpoint;
    }

    /// <summary>
    /// A write call's request holds an array of items (<see cref="GroupWrite.Items"/>), each with one value
    /// (<see cref="GroupWrite.Value"/>) and the groups it joins (<see cref="GroupWrite.By"/>, a string or an array); a read
    /// call asks for groups (<see cref="GroupRead.Ask"/>, a string or an array) and answers, at <see cref="GroupRead.Array"/>,
    /// one entry per asked group that holds values: <c>{Group: the group, Values: [its values]}</c>, each value once, in
    /// the order written, laid over the example's first entry. batchshareenv's <c>data: [{env, appids}]</c> read back by
    /// batchgetenvid as <c>relation_data: [{appid, env_list}]</c> for the asked appids.
    /// </summary>
    internal sealed record GroupingLink(string What, GroupWrite Write, GroupRead Read)
    {
        public IEnumerable<string> Endpoints => new[] { Write.Call.Endpoint, Read.Call.Endpoint };
    }

    /// <summary>The write side of a <see cref="GroupingLink"/>: its items' array, the field naming their groups, and their value.</summary>
    internal sealed record GroupWrite(LinkedCall Call, string Items, string By, string Value);

    /// <summary>The read side of a <see cref="GroupingLink"/>: the request field asking for groups, and the answer's array and entry fields.</summary>
    internal sealed record GroupRead(LinkedCall Call, string Ask, string Array, string Group, string Values);
}
