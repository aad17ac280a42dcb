using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    internal sealed partial class CrossSpecChecker
    {
        /// <summary>The files whose failed references were reported: each file's problems are reported once.</summary>
        private readonly HashSet<string> _referencesReported = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Resolves every spec's and definitions file's references against the types they declare. A file whose references
        /// fail is not generated; as that may take away a type another file borrows, this repeats until nothing more fails.
        /// <paramref name="definitions"/> is left holding the definitions files that are generated.
        /// </summary>
        private List<EndpointSpec> ResolveReferences(List<EndpointSpec> specs, List<DefinitionsSpec> definitions)
        {
            specs = Reown(specs, definitions);
            while (specs.Any(s => s.References.Count > 0) || definitions.Any(d => d.References.Count > 0))
            {
                var resolver = new ReferenceResolver(Declared(specs, definitions), _conflicting);
                List<EndpointSpec> resolvedSpecs = Survivors(specs, (s, found) => resolver.Resolve(s, found), out List<EndpointSpec> specSurvivors);
                List<DefinitionsSpec> resolvedDefinitions = Survivors(definitions, (d, found) => resolver.Resolve(d, found), out List<DefinitionsSpec> definitionSurvivors);
                if (specSurvivors.Count == specs.Count && definitionSurvivors.Count == definitions.Count)
                {
                    definitions.Clear();
                    definitions.AddRange(resolvedDefinitions);
                    return resolvedSpecs;
                }

                // A file that failed takes its types away; those that borrowed them are tried again without it.
                definitions.Clear();
                definitions.AddRange(definitionSurvivors);
                specs = Reown(specSurvivors, definitions);
            }

            return specs;
        }

        /// <summary>The nested types the files emit themselves (not borrowed), by name, with the file's name.</summary>
        private static Dictionary<string, DeclaredType> Declared(List<EndpointSpec> specs, List<DefinitionsSpec> definitions)
        {
            var declared = new Dictionary<string, DeclaredType>(StringComparer.Ordinal);
            foreach (DefinitionsSpec file in definitions)
            {
                AddDeclared(declared, file);
            }

            foreach (EndpointSpec file in specs)
            {
                AddDeclared(declared, file);
            }

            return declared;
        }

        private static void AddDeclared<T>(Dictionary<string, DeclaredType> declared, T file)
            where T : class, IDeclaresNestedTypes<T>
        {
            string name = SpecFiles.NameOf(file.FilePath);
            foreach (ObjectSpec nested in file.NestedObjects.Where(o => !o.IsBorrowed))
            {
                declared[nested.TypeName] = DeclaredType.Of(nested, name);
            }

            foreach (EnumSpec nested in file.Enums.Where(e => !e.IsBorrowed))
            {
                declared[nested.TypeName] = DeclaredType.Of(nested, name);
            }
        }

        /// <summary>
        /// A type several files declare in one shape is emitted by the first of them (definitions files first, then specs
        /// by file name) and borrowed by the others. When the declaring file is not generated after all (its error sets or
        /// references failed), the next file declaring the shape emits the type instead: without this, the borrowers would
        /// be generated using a type nobody emits (CS0246), one file's error breaking another's code.
        /// </summary>
        private static List<EndpointSpec> Reown(List<EndpointSpec> specs, List<DefinitionsSpec> definitions)
        {
            if (!definitions.Any(HasBorrowed) && !specs.Any(HasBorrowed))
            {
                return specs;
            }

            var emitted = new HashSet<string>(StringComparer.Ordinal);
            foreach (DefinitionsSpec file in definitions)
            {
                emitted.UnionWith(OwnNestedTypeNames(file));
            }

            foreach (EndpointSpec file in specs)
            {
                emitted.UnionWith(OwnNestedTypeNames(file));
            }

            for (int i = 0; i < definitions.Count; i++)
            {
                definitions[i] = Unborrow(definitions[i], emitted);
            }

            return specs.Select(spec => Unborrow(spec, emitted)).ToList();
        }

        private static bool HasBorrowed<T>(T file)
            where T : class, IDeclaresNestedTypes<T> =>
            file.NestedObjects.Any(o => o.IsBorrowed) || file.Enums.Any(e => e.IsBorrowed);

        /// <summary>The file with its borrowed types that no file emits any more made its own (and so emitted); the file itself when there are none.</summary>
        private static T Unborrow<T>(T file, HashSet<string> emitted)
            where T : class, IDeclaresNestedTypes<T>
        {
            if (!file.NestedObjects.Any(o => o.IsBorrowed && !emitted.Contains(o.TypeName)) && !file.Enums.Any(e => e.IsBorrowed && !emitted.Contains(e.TypeName)))
            {
                return file;
            }

            // Objects first, then enums: the first file (in this order) to reach an orphaned name takes it.
            EquatableArray<ObjectSpec> objects = file.NestedObjects.Select(o => o.IsBorrowed && emitted.Add(o.TypeName) ? o with { IsBorrowed = false } : o).ToEquatableArray();
            EquatableArray<EnumSpec> enums = file.Enums.Select(e => e.IsBorrowed && emitted.Add(e.TypeName) ? e with { IsBorrowed = false } : e).ToEquatableArray();
            return file.WithNestedTypes(objects, enums);
        }

        /// <summary>Each file resolved, the files that resolved as they were, and the problems of the others, once per file.</summary>
        private List<T> Survivors<T>(List<T> files, Func<T, List<SpecDiagnostic>, T?> resolve, out List<T> survivors)
            where T : class, IDeclaresNestedTypes<T>
        {
            var resolved = new List<T>();
            survivors = new List<T>();
            foreach (T file in files)
            {
                var found = new List<SpecDiagnostic>();
                T? result = resolve(file, found);
                if (result != null)
                {
                    resolved.Add(result);
                    survivors.Add(file);
                }
                else if (_referencesReported.Add(file.FilePath))
                {
                    _diagnostics.AddRange(found);
                }
            }

            return resolved;
        }
    }
}
