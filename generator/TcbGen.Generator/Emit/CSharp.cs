using System.Globalization;
using System.Text;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Generator.Emit
{
    /// <summary>Spelling of C# fragments the emitters share: literals, XML text, type names.</summary>
    internal static class CSharp
    {
        /// <summary>The generator's version, as generated code records it: the package version, without build metadata.</summary>
        public static readonly string GeneratorVersion = ReadGeneratorVersion();

        public static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"TcbGen\", " + Literal(GeneratorVersion) + ")]";
        public const string Runtime = "global::TcbGen.Runtime";
        public const string Json = "global::System.Text.Json";
        public const string List = "global::System.Collections.Generic.List";
        public const string IList = "global::System.Collections.Generic.IList";
        public const string Task = "global::System.Threading.Tasks.Task";
        public const string CancellationToken = "global::System.Threading.CancellationToken";
        private const int MaxWireNameFieldLength = 64;

        public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        private static string ReadGeneratorVersion()
        {
            System.Reflection.Assembly assembly = typeof(CSharp).Assembly;
            string? informational = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
            if (!string.IsNullOrEmpty(informational))
            {
                // "1.2.0+3f2c…" from SourceLink: the commit would change every generated file on every commit.
                int metadata = informational!.IndexOf('+');
                return metadata < 0 ? informational : informational.Substring(0, metadata);
            }

            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        /// <summary>A C# string literal of <paramref name="value"/>; see <see cref="SpecText"/>.</summary>
        public static string Literal(string value) => SpecText.Literal(value);

        /// <summary>Spec text as XML doc content; see <see cref="SpecText"/>.</summary>
        public static string Xml(string text) => SpecText.Xml(text);

        public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A parameter name for a property: camelCase, with '@' before a keyword.</summary>
        public static string ParameterName(string propertyName)
        {
            string name = Naming.ToCamelCase(propertyName);
            return Naming.IsKeyword(name) ? "@" + name : name;
        }

        /// <summary>The C# type of a field; <paramref name="nullable"/> adds '?' (optional fields, all response fields).</summary>
        public static CSharpType TypeOf(TypeRef type, string @namespace, bool nullable) => new CSharpType(type, @namespace, nullable);

        /// <summary>Appends <see cref="Integer"/> of <paramref name="value"/> without making it a string first.</summary>
        public static void AppendInteger(StringBuilder builder, long value)
        {
            // Digits alone are the same in every culture; the minus sign is not (e.g. U+2212), so it is written here.
            if (value < 0)
            {
                builder.Append('-');
            }

            builder.Append(value < 0 ? unchecked((ulong)-value) : (ulong)value);
        }

        /// <summary>Appends the name of the generated serializer field holding a wire name's pre-encoded UTF-8 bytes.</summary>
        public static void AppendWireNameField(StringBuilder builder, string wireName)
        {
            // Bounded: a wire name may be any length, an identifier may not (CS0645); callers make the names unique.
            int length = System.Math.Min(wireName.Length, MaxWireNameFieldLength);
            for (int i = 0; i < length; i++)
            {
                char c = wireName[i];
                builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            }
        }

        /// <summary>How a discriminator constant reads in C#, e.g. <c>global::Ns.SetCloudAccessTokenAction.Set</c> or <c>true</c>.</summary>
#pragma warning disable CS8524 // Exhaustive over the named kinds: a new ConstantKind must be handled here (CS8509).
        public static string Constant(ConstantValue value, string @namespace) => value.Kind switch
        {
            ConstantKind.EnumMember => $"global::{@namespace}.{value.EnumTypeName}.{value.EnumMemberName}",
            ConstantKind.String => Literal(value.Text ?? string.Empty),
            ConstantKind.Boolean => value.Boolean ? "true" : "false",
            ConstantKind.Integer => Integer(value.Integer),
            ConstantKind.Number => (value.Text ?? "0") + "d",
        };
#pragma warning restore CS8524
    }
}
