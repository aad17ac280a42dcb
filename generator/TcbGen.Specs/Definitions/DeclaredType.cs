using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>A nested type's first declaration among the accepted specs: exactly one of <paramref name="Object"/> and
    /// <paramref name="Enum"/> is set; <paramref name="File"/> is the spec or definitions file that declares it.</summary>
    internal sealed record DeclaredType(ObjectSpec? Object, EnumSpec? Enum, string File)
    {
        public static DeclaredType Of(ObjectSpec type, string file) => new DeclaredType(type, null, file);

        public static DeclaredType Of(EnumSpec type, string file) => new DeclaredType(null, type, file);
    }
}
