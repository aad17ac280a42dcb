using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    internal sealed partial class CrossSpecChecker
    {
        /// <summary>The nested types declared so far (not borrowed), by name: a later declaration of the same shape borrows them.</summary>
        private readonly Dictionary<string, NestedDeclaration> _shapes = new Dictionary<string, NestedDeclaration>(StringComparer.Ordinal);

        /// <summary>Names declared in different shapes by several files, with those files: a reference to one is ambiguous.</summary>
        private readonly Dictionary<string, List<string>> _conflicting = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        /// <summary>
        /// A file's nested types against the names already taken: each clash reported at its <c>typeName</c> (else at
        /// <paramref name="fallback"/>); on success the types with those declared earlier in the same shape marked borrowed,
        /// and the others' shapes recorded.
        /// </summary>
        private bool CheckNestedTypes<T>(T file, SourceSpan fallback, out T checkedFile)
            where T : class, IDeclaresNestedTypes<T>
        {
            checkedFile = file;
            int before = _diagnostics.Count;
            // Shapes are compared only when a name is already taken, and the sets made only when a type is borrowed: the
            // common case (no type shared) allocates nothing here, as this runs for every spec on every edit of any spec.
            HashSet<string>? borrowedObjects = null;
            foreach (ObjectSpec nested in file.NestedObjects)
            {
                if (IsBorrowed(file.FilePath, fallback, new NestedDeclaration(nested)))
                {
                    (borrowedObjects ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.TypeName);
                }
            }

            HashSet<string>? borrowedEnums = null;
            foreach (EnumSpec nested in file.Enums)
            {
                if (IsBorrowed(file.FilePath, fallback, new NestedDeclaration(nested)))
                {
                    (borrowedEnums ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.TypeName);
                }
            }

            if (_diagnostics.Count > before)
            {
                return false;
            }

            foreach (ObjectSpec nested in file.NestedObjects)
            {
                if (borrowedObjects == null || !borrowedObjects.Contains(nested.TypeName))
                {
                    _shapes[nested.TypeName] = new NestedDeclaration(nested);
                }
            }

            foreach (EnumSpec nested in file.Enums)
            {
                if (borrowedEnums == null || !borrowedEnums.Contains(nested.TypeName))
                {
                    _shapes[nested.TypeName] = new NestedDeclaration(nested);
                }
            }

            if (borrowedObjects != null || borrowedEnums != null)
            {
                checkedFile = file.WithNestedTypes(
                    file.NestedObjects.Select(o => borrowedObjects?.Contains(o.TypeName) == true ? o with { IsBorrowed = true } : o).ToEquatableArray(),
                    file.Enums.Select(e => borrowedEnums?.Contains(e.TypeName) == true ? e with { IsBorrowed = true } : e).ToEquatableArray());
            }

            return true;
        }

        /// <summary>Whether the nested type is an earlier file's type of the same shape; reports a clash with anything else.</summary>
        private bool IsBorrowed(string filePath, SourceSpan fallback, NestedDeclaration declaration)
        {
            if (!_typeFiles.TryGetValue(declaration.TypeName, out string? owner))
            {
                return false;
            }

            if (_shapes.TryGetValue(declaration.TypeName, out NestedDeclaration earlier))
            {
                if (earlier.HasShapeOf(declaration))
                {
                    return true;
                }

                if (!_conflicting.TryGetValue(declaration.TypeName, out List<string>? files))
                {
                    _conflicting[declaration.TypeName] = files = new List<string> { owner };
                }

                files.Add(SpecFiles.NameOf(filePath));
            }

            _diagnostics.Add(Clash(filePath, declaration.TypeName, owner, declaration.NameSpan ?? fallback));
            return false;
        }

        /// <summary>Takes the names of a file's own (not borrowed) nested types for it.</summary>
        private void TakeNestedTypeNames<T>(string file, T declaring)
            where T : class, IDeclaresNestedTypes<T>
        {
            foreach (string typeName in OwnNestedTypeNames(declaring))
            {
                _typeFiles[typeName] = file;
            }
        }

        /// <summary>A nested type a file declares, an object or an enum, as the check compares them: by name, then by shape.</summary>
        private readonly struct NestedDeclaration
        {
            private readonly ObjectSpec? _object;
            private readonly EnumSpec? _enum;

            public NestedDeclaration(ObjectSpec type)
            {
                _object = type;
                _enum = null;
            }

            public NestedDeclaration(EnumSpec type)
            {
                _object = null;
                _enum = type;
            }

            public string TypeName => _object?.TypeName ?? _enum!.TypeName;

            /// <summary>Where its name is given (its <c>typeName</c>, or the field that derives it), when known.</summary>
            public SourceSpan? NameSpan => _object != null ? _object.NameSpan : _enum!.NameSpan;

            /// <summary>Whether both are one generated type: both objects or both enums, equal but for descriptions and places.</summary>
            public bool HasShapeOf(NestedDeclaration other) =>
                _object != null
                    ? other._object != null && SharedTypes.Shape(_object).Equals(SharedTypes.Shape(other._object))
                    : other._enum != null && SharedTypes.Shape(_enum!).Equals(SharedTypes.Shape(other._enum));
        }
    }
}
