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
        private readonly Dictionary<string, (ObjectSpec? Object, EnumSpec? Enum, string File)> _declared;
        private readonly Dictionary<string, List<string>> _conflicting;

        /// <param name="declared">Each type name's first declaration among the accepted specs.</param>
        /// <param name="conflicting">Type names declared with different shapes, with the files that do.</param>
        public ReferenceResolver(Dictionary<string, (ObjectSpec? Object, EnumSpec? Enum, string File)> declared, Dictionary<string, List<string>> conflicting)
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

        /// <summary>Checks each reference, and adds the referenced types (and what they contain) as borrowed; false after a problem.</summary>
        private bool TryBorrow(string filePath, EquatableArray<TypeReference> references, EquatableArray<ObjectSpec> ownObjects, EquatableArray<EnumSpec> ownEnums, List<SpecDiagnostic> diagnostics, out List<ObjectSpec> objects, out List<EnumSpec> enums)
        {
            objects = ownObjects.ToList();
            enums = ownEnums.ToList();
            int before = diagnostics.Count;
            foreach (TypeReference reference in references)
            {
                string? problem = Check(reference, out string id);
                if (problem != null)
                {
                    diagnostics.Add(new SpecDiagnostic(id, problem, filePath, reference.Span));
                    continue;
                }

                foreach (string name in Closure(reference.TypeName))
                {
                    (ObjectSpec? obj, EnumSpec? enumSpec, _) = _declared[name];
                    if (obj != null && !objects.Any(o => o.TypeName == name && o.IsRequestSide == reference.IsRequestSide))
                    {
                        objects.Add(obj with { IsRequestSide = reference.IsRequestSide, IsBorrowed = true, Span = SourceSpan.Empty, NameSpan = null });
                    }
                    else if (enumSpec != null && !enums.Any(e => e.TypeName == name && (e.IsString || e.IsRequestSide == reference.IsRequestSide)))
                    {
                        enums.Add(enumSpec with { IsRequestSide = enumSpec.IsString ? enumSpec.IsRequestSide : reference.IsRequestSide, IsBorrowed = true, NameSpan = null });
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

            List<string> closure = Closure(reference.TypeName);
            if (closure.Contains(reference.OwnerTypeName))
            {
                return $"'{reference.TypeName}' leads back to '{reference.OwnerTypeName}', which holds this reference; a circular reference cannot be generated.";
            }

            string? missing = closure.FirstOrDefault(n => !_declared.ContainsKey(n));
            if (missing != null)
            {
                return $"'{reference.TypeName}' contains '{missing}', which no generated spec declares.";
            }

            string? crossing = closure.FirstOrDefault(n => _declared[n].Enum is EnumSpec e && e.IsString && e.IsRequestSide != reference.IsRequestSide);
            if (crossing != null)
            {
                id = SpecDiagnosticIds.NotApplicable;
                string side = reference.IsRequestSide ? "request" : "response";
                return $"'{reference.TypeName}' holds the string enum '{crossing}', declared on the other side; a {side} cannot use it (a request's string enum is a C# enum, a response's an extensible struct). Declare the type again for this side under another 'typeName'.";
            }

            return null;
        }

        /// <summary>The type and every object or enum it contains, through references, each once.</summary>
        private List<string> Closure(string typeName)
        {
            var seen = new List<string>();
            var pending = new Stack<string>();
            pending.Push(typeName);
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                if (seen.Contains(name))
                {
                    continue;
                }

                seen.Add(name);
                if (_declared.TryGetValue(name, out var declaration) && declaration.Object != null)
                {
                    foreach (FieldSpec field in declaration.Object.Fields)
                    {
                        string? inner = SharedTypes.NamedType(field.Type);
                        if (inner != null)
                        {
                            pending.Push(inner);
                        }
                    }
                }
            }

            return seen;
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
