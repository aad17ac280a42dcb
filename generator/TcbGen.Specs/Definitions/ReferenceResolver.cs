using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// Resolves the <c>"ref"</c> fields of one spec against the types every accepted spec declares: gives each its kind,
    /// and copies the referenced types (and what they contain) into the spec as borrowed, so that its serializer, validator
    /// and the emulator handle them while only the declaring spec emits them. A reference that names nothing, names two
    /// different declarations, or leads back to the object that holds it is a located TCB0019; one that carries a string
    /// enum across sides is TCB0018 (a request's string enum is a C# enum, a response's an extensible struct).
    /// </summary>
    internal sealed class ReferenceResolver
    {
        private readonly Dictionary<string, DeclaredType> _declared;
        private readonly Dictionary<string, List<string>> _conflicting;

        /// <param name="declared">Each type name's first declaration among the accepted specs.</param>
        /// <param name="conflicting">Type names declared with different shapes, with the files that do.</param>
        public ReferenceResolver(Dictionary<string, DeclaredType> declared, Dictionary<string, List<string>> conflicting)
        {
            _declared = declared;
            _conflicting = conflicting;
        }

        /// <summary>The spec with its references resolved, or null and the problems found.</summary>
        public EndpointSpec? Resolve(EndpointSpec spec, List<SpecDiagnostic> diagnostics)
        {
            if (spec.References.Count == 0)
            {
                return spec;
            }

            if (!TryBorrow(spec.FilePath, spec.References, spec.NestedObjects, spec.Enums, diagnostics, out List<ObjectSpec> objects, out List<EnumSpec> enums))
            {
                return null;
            }

            return spec with
            {
                Request = spec.Request == null ? null : Rewrite(spec.Request),
                Response = Rewrite(spec.Response),
                NestedObjects = objects.Select(Rewrite).ToEquatableArray(),
                Enums = enums.ToEquatableArray(),
                References = EquatableArray<TypeReference>.Empty,
            };
        }

        /// <summary>The definitions file with its references resolved, or null and the problems found.</summary>
        public DefinitionsSpec? Resolve(DefinitionsSpec definitions, List<SpecDiagnostic> diagnostics)
        {
            if (definitions.References.Count == 0)
            {
                return definitions;
            }

            if (!TryBorrow(definitions.FilePath, definitions.References, definitions.NestedObjects, definitions.Enums, diagnostics, out List<ObjectSpec> objects, out List<EnumSpec> enums))
            {
                return null;
            }

            return definitions with
            {
                NestedObjects = objects.Select(Rewrite).ToEquatableArray(),
                Enums = enums.ToEquatableArray(),
                References = EquatableArray<TypeReference>.Empty,
            };
        }

        /// <summary>
        /// Checks each reference, and adds the referenced types (and what they contain) as borrowed; false after a problem.
        /// Each type is visited once per side for the whole file, however many references lead to it, so a file of many
        /// references along a long chain costs time linear in the types it reaches.
        /// </summary>
        private bool TryBorrow(string filePath, EquatableArray<TypeReference> references, EquatableArray<ObjectSpec> ownObjects, EquatableArray<EnumSpec> ownEnums, List<SpecDiagnostic> diagnostics, out List<ObjectSpec> objects, out List<EnumSpec> enums)
        {
            objects = ownObjects.ToList();
            enums = ownEnums.ToList();
            var presentObjects = new HashSet<(string, bool)>(objects.Select(o => (o.TypeName, o.IsRequestSide)));
            var presentEnums = new HashSet<(string, bool)>(enums.Select(e => (e.TypeName, e.IsRequestSide)));
            var presentStringEnums = new HashSet<string>(enums.Where(e => e.IsString).Select(e => e.TypeName), StringComparer.Ordinal);
            var visited = new HashSet<(string, bool)>();
            int before = diagnostics.Count;
            foreach (TypeReference reference in references)
            {
                string? problem = Check(reference, out string id);
                if (problem != null)
                {
                    diagnostics.Add(new SpecDiagnostic(id, problem, filePath, reference.Span));
                    continue;
                }

                bool side = reference.IsRequestSide;
                var pending = new Stack<string>();
                pending.Push(reference.TypeName);
                while (pending.Count > 0)
                {
                    string name = pending.Pop();
                    if (!visited.Add((name, side)))
                    {
                        continue;
                    }

                    (ObjectSpec? obj, EnumSpec? enumSpec, _) = _declared[name];
                    if (obj != null)
                    {
                        if (presentObjects.Add((name, side)))
                        {
                            objects.Add(obj with { IsRequestSide = side, IsBorrowed = true, Span = SourceSpan.Empty, NameSpan = null });
                        }

                        foreach (FieldSpec field in obj.Fields)
                        {
                            string? inner = SharedTypes.NamedType(field.Type);
                            if (inner != null)
                            {
                                pending.Push(inner);
                            }
                        }
                    }
                    else if (enumSpec != null && !presentStringEnums.Contains(name) && !presentEnums.Contains((name, side)))
                    {
                        EnumSpec borrowed = enumSpec with { IsRequestSide = enumSpec.IsString ? enumSpec.IsRequestSide : side, IsBorrowed = true, NameSpan = null };
                        enums.Add(borrowed);
                        presentEnums.Add((name, borrowed.IsRequestSide));
                        if (borrowed.IsString)
                        {
                            presentStringEnums.Add(name);
                        }
                    }
                }
            }

            return diagnostics.Count == before;
        }

        private string? Check(TypeReference reference, out string id)
        {
            id = SpecDiagnosticIds.UnknownReference;
            if (_conflicting.TryGetValue(reference.TypeName, out List<string>? files))
            {
                return $"'{reference.TypeName}' is ambiguous: {string.Join(" and ", files)} declare it with different shapes; make them agree or rename one with 'typeName'.";
            }

            if (!_declared.ContainsKey(reference.TypeName))
            {
                return $"No spec or definitions file declares an object or enum named '{reference.TypeName}'; 'ref' takes the C# name of a type declared in a spec or a *.tcb.defs.json file (its 'typeName' or derived name).";
            }

            Reach reach = ReachOf(reference.TypeName);
            // The owner holds this reference, so it reaches the type; the type leads back to it exactly when both are one
            // strongly connected component of the type graph.
            if (reference.TypeName == reference.OwnerTypeName
                || (_components!.TryGetValue(reference.OwnerTypeName, out int owner) && owner == _components[reference.TypeName]))
            {
                return $"'{reference.TypeName}' leads back to '{reference.OwnerTypeName}', which holds this reference; a circular reference cannot be generated.";
            }

            if (reach.Missing != null)
            {
                return reach.Missing == reference.OwnerTypeName
                    ? $"'{reference.TypeName}' leads back to '{reference.OwnerTypeName}', which holds this reference; a circular reference cannot be generated."
                    : $"'{reference.TypeName}' contains '{reach.Missing}', which no generated spec declares.";
            }

            string? crossing = reference.IsRequestSide ? reach.ResponseStringEnum : reach.RequestStringEnum;
            if (crossing != null)
            {
                id = SpecDiagnosticIds.NotApplicable;
                string side = reference.IsRequestSide ? "request" : "response";
                return $"'{reference.TypeName}' holds the string enum '{crossing}', declared on the other side; a {side} cannot use it (a request's string enum is a C# enum, a response's an extensible struct). Declare the type again for this side under another 'typeName'.";
            }

            return null;
        }

        /// <summary>What a declared type reaches through its fields: a name nobody declares, a string enum of either side.</summary>
        private readonly struct Reach
        {
            public Reach(string? missing, string? requestStringEnum, string? responseStringEnum)
            {
                Missing = missing;
                RequestStringEnum = requestStringEnum;
                ResponseStringEnum = responseStringEnum;
            }

            public string? Missing { get; }

            public string? RequestStringEnum { get; }

            public string? ResponseStringEnum { get; }

            public Reach With(Reach other) => new Reach(Missing ?? other.Missing, RequestStringEnum ?? other.RequestStringEnum, ResponseStringEnum ?? other.ResponseStringEnum);
        }

        private Dictionary<string, int>? _components;
        private List<Reach>? _componentReach;

        /// <summary>
        /// What <paramref name="typeName"/> reaches, from a summary of every declared type made once (Tarjan's strongly
        /// connected components, each summarised after those it leads to): linear in the types and fields declared,
        /// instead of one walk of the whole closure per reference.
        /// </summary>
        private Reach ReachOf(string typeName)
        {
            if (_components == null)
            {
                Summarise();
            }

            return _componentReach![_components![typeName]];
        }

        private void Summarise()
        {
            var components = new Dictionary<string, int>(StringComparer.Ordinal);
            var reach = new List<Reach>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            int counter = 0;
            foreach (string root in _declared.Keys)
            {
                if (index.ContainsKey(root))
                {
                    continue;
                }

                // An explicit stack of (type, next successor to look at): a 5,000-long chain must not recurse 5,000 deep.
                var work = new Stack<(string Name, int Next)>();
                work.Push((root, 0));
                index[root] = low[root] = counter++;
                stack.Push(root);
                onStack.Add(root);
                while (work.Count > 0)
                {
                    (string name, int next) = work.Pop();
                    List<string> successors = Successors(name);
                    if (next < successors.Count)
                    {
                        work.Push((name, next + 1));
                        string successor = successors[next];
                        if (!_declared.ContainsKey(successor))
                        {
                            continue;
                        }

                        if (!index.ContainsKey(successor))
                        {
                            index[successor] = low[successor] = counter++;
                            stack.Push(successor);
                            onStack.Add(successor);
                            work.Push((successor, 0));
                        }
                        else if (onStack.Contains(successor))
                        {
                            low[name] = Math.Min(low[name], index[successor]);
                        }

                        continue;
                    }

                    if (low[name] == index[name])
                    {
                        // A component, complete: every component it leads to is summarised already.
                        int id = reach.Count;
                        var members = new List<string>();
                        string member;
                        do
                        {
                            member = stack.Pop();
                            onStack.Remove(member);
                            components[member] = id;
                            members.Add(member);
                        }
                        while (member != name);

                        var summary = new Reach(null, null, null);
                        foreach (string m in members)
                        {
                            summary = summary.With(Own(m));
                            foreach (string successor in Successors(m))
                            {
                                if (!_declared.ContainsKey(successor))
                                {
                                    summary = summary.With(new Reach(successor, null, null));
                                }
                                else if (components.TryGetValue(successor, out int other) && other != id)
                                {
                                    summary = summary.With(reach[other]);
                                }
                            }
                        }

                        reach.Add(summary);
                    }

                    if (work.Count > 0)
                    {
                        string parent = work.Peek().Name;
                        low[parent] = Math.Min(low[parent], low[name]);
                    }
                }
            }

            _components = components;
            _componentReach = reach;
        }

        /// <summary>A type's own contribution: itself, when it is a string enum.</summary>
        private Reach Own(string name)
        {
            EnumSpec? e = _declared[name].Enum;
            return e != null && e.IsString ? (e.IsRequestSide ? new Reach(null, name, null) : new Reach(null, null, name)) : new Reach(null, null, null);
        }

        private readonly Dictionary<string, List<string>> _successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        /// <summary>The object and enum names a declared object's fields name, in field order.</summary>
        private List<string> Successors(string name)
        {
            if (_successors.TryGetValue(name, out List<string>? found))
            {
                return found;
            }

            var successors = new List<string>();
            if (_declared.TryGetValue(name, out var declaration) && declaration.Object != null)
            {
                foreach (FieldSpec field in declaration.Object.Fields)
                {
                    string? inner = SharedTypes.NamedType(field.Type);
                    if (inner != null)
                    {
                        successors.Add(inner);
                    }
                }
            }

            _successors[name] = successors;
            return successors;
        }

        private ObjectSpec Rewrite(ObjectSpec type) =>
            type.Fields.Any(f => HasReference(f.Type))
                ? type with { Fields = type.Fields.Select(f => f with { Type = Rewrite(f.Type) }).ToEquatableArray() }
                : type;

        private static bool HasReference(TypeRef type) => type.IsReference || (type.Items != null && HasReference(type.Items));

        private TypeRef Rewrite(TypeRef type)
        {
            if (type.Items != null)
            {
                return type with { Items = Rewrite(type.Items) };
            }

            if (!type.IsReference)
            {
                return type;
            }

            (ObjectSpec? _, EnumSpec? enumSpec, string _) = _declared[type.TypeName!];
            TypeKind kind = enumSpec == null ? TypeKind.Object : enumSpec.IsString ? TypeKind.StringEnum : TypeKind.IntegerEnum;
            return new TypeRef(kind, type.TypeName);
        }
    }
}
