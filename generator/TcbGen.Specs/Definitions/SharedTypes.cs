using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// The objects and enums the specs declare, by C# name, and the shape that decides whether two declarations are one type.
    /// A type declared in two specs with the same shape (fields, types, requirements; descriptions and places aside) is one
    /// C# type: a definitions file declaring it, else the first spec by file name, declares it; the others borrow it.
    /// </summary>
    internal static class SharedTypes
    {
        /// <summary>A declaration without what does not change the generated type's shape.</summary>
        public static ObjectSpec Shape(ObjectSpec type) => type with
        {
            Description = null,
            Span = SourceSpan.Empty,
            NameSpan = null,
            IsBorrowed = false,
            Fields = type.Fields.Select(f => f with { Description = null, Span = SourceSpan.Empty }).ToEquatableArray(),
        };

        /// <inheritdoc cref="Shape(ObjectSpec)"/>
        public static EnumSpec Shape(EnumSpec type) => type with
        {
            Description = null,
            NameSpan = null,
            IsBorrowed = false,
            Members = type.Members.Select(m => m with { Description = null }).ToEquatableArray(),
        };

        /// <summary>The object and enum names a field type mentions, through arrays.</summary>
        public static string? NamedType(TypeRef type) => type.Items != null ? NamedType(type.Items) : type.TypeName;
    }
}
