using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// Emits <c>&lt;Prefix&gt;Error</c> (the endpoint's errcode enum) and <c>&lt;Prefix&gt;Endpoint</c>: name, path,
    /// the runtime descriptor, and the typed exception for each errcode with the spec's solution text.
    /// </summary>
    internal static class EndpointEmitter
    {
        public static void Emit(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            EmitErrorEnum(writer, spec, options);
            writer.Line();
            EmitEndpointClass(writer, spec, options);
        }

        private static void EmitErrorEnum(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            writer.Doc("summary", $"The errcodes <c>{spec.Name:xml}</c> documents. A response may carry a code not listed here; see <see cref=\"global::TcbGen.Runtime.TcbApiException{{TCode}}.IsDocumented\"/>.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} enum {spec.ErrorEnumName}");
            for (int i = 0; i < spec.Errors.Count; i++)
            {
                ErrorSpec error = spec.Errors[i];
                WriteErrorDocs(writer, error);
                writer.Line($"{error.Name} = {error.Code},");
                if (i < spec.Errors.Count - 1)
                {
                    writer.Line();
                }
            }

            writer.Close();
        }

        /// <summary>An errcode's summary: the code, the spec's message and its solution.</summary>
        public static void WriteErrorDocs(SourceWriter writer, ErrorSpec error)
        {
            writer.OpenDoc("summary");
            writer.Write($"<c>{error.Code}</c>");
            if (error.Message.Length > 0)
            {
                writer.Write($" {error.Message:xml}.");
            }

            if (error.Solution != null)
            {
                writer.Write($" {error.Solution:xml}");
            }

            writer.CloseDoc();
        }

        private static void EmitEndpointClass(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            string ns = options.Namespace;
            writer.Doc("summary", $"<c>{spec.Name:xml}</c>: {spec.Title:xml}.");
            EndpointDocs.WriteRemarks(writer, spec);
            EndpointDocs.WriteSeeAlso(writer, spec);

            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} static partial class {spec.EndpointClassName}");
            writer.Doc("summary", "The interface name in the WeChat documentation.");
            writer.Line($"public const string Name = {spec.Name:literal};");
            writer.Line();
            writer.Doc("summary", spec.IsTokenless ? "The URL path; the endpoint takes no token."
                : spec.TokenParameter != null ? $"The URL path; the token goes in the query string as <c>{spec.TokenParameter:xml}</c>."
                : "The URL path; <c>access_token</c> goes in the query string.");
            writer.Line($"public const string Path = {spec.Path:literal};");
            writer.Line();
            writer.Doc("summary", "Whether the request may be sent again after it may have reached the server.");
            writer.Line($"public const bool IsRetrySafe = {(spec.RetrySafe ? "true" : "false")};");
            writer.Line();
            writer.Doc("summary", "Describes the endpoint to the transport.");
            EmitDescriptor(writer, spec, ns);
            writer.Line();

            writer.Doc("summary", "The spec's solution text for an errcode, or <see langword=\"null\"/> when the spec does not list it.");
            writer.Param("errorCode", "The errcode.");
            writer.Doc("returns", "The solution text.");
            writer.Open("public static string? GetSolution(int errorCode)");
            writer.Open("switch (errorCode)");
            foreach (ErrorSpec error in spec.Errors)
            {
                if (error.Solution == null)
                {
                    writer.Line($"case {error.Code}: return null;");
                }
                else
                {
                    writer.Line($"case {error.Code}: return {error.Solution:literal};");
                }
            }

            writer.Line("default: return null;");
            writer.Close();
            writer.Close();
            writer.Line();

            writer.Open("private static bool IsDocumented(int errorCode)");
            writer.OpenMembershipSwitch("errorCode", spec.Errors.Count);
            foreach (ErrorSpec error in spec.Errors)
            {
                writer.Line($"case {error.Code}:");
            }

            writer.CloseMembershipSwitch(spec.Errors.Count);
            writer.Line();
            EmitCreateException(writer, spec, ns);
            writer.Close();
        }

        /// <summary>
        /// The <c>Descriptor</c> property: the short constructor for a plain POST with a body of fields, else the full one.
        /// A caller-supplied body makes the transport's request a <c>TcbRequestWithBody</c> of the query fields and the body.
        /// </summary>
        private static void EmitDescriptor(SourceWriter writer, EndpointSpec spec, string ns)
        {
            string fields = spec.Request == null ? CSharp.Runtime + ".TcbEmptyRequest" : $"global::{ns}.{spec.RequestTypeName}";
            string request = spec.HasCallerBody ? $"{CSharp.Runtime}.TcbRequestWithBody<{fields}>" : fields;
            string descriptor = $"{CSharp.Runtime}.TcbEndpoint<{request}, global::{ns}.{spec.ResponseTypeName}>";
            // Both are worked out from the fields on each use: asked once here.
            bool hasQuery = spec.HasQuery;
            EquatableArray<string> secrets = spec.SecretFields;
            string? writeRequest = spec.HasCallerBody ? request + ".WriteBody"
                : !spec.FieldsInBody ? null
                : spec.Request == null ? CSharp.Runtime + ".TcbEmptyRequest.Write"
                : $"global::{ns}.{spec.SerializerClassName}.Write{spec.RequestTypeName}";
            string? writeQuery = !hasQuery ? null
                : spec.HasCallerBody ? $"{request}.Query(global::{ns}.{spec.SerializerClassName}.Write{spec.RequestTypeName}Query)"
                : $"global::{ns}.{spec.SerializerClassName}.Write{spec.RequestTypeName}Query";
            writer.Line($"public static {descriptor} Descriptor {{ get; }} = new {descriptor}(");
            if (spec.Method == EndpointMethod.Post && writeRequest != null && writeQuery == null && secrets.Count == 0 && spec.TokenParameter == null)
            {
                writer.Line($"    Name, Path, IsRetrySafe, {writeRequest}, global::{ns}.{spec.SerializerClassName}.ReadResponse, CreateException);");
                return;
            }

            writer.Write($"    Name, Path, {HttpMethods.CSharp(spec.Method)}, IsRetrySafe, ");
            writer.Write($"{writeRequest ?? "null"}, ");
            writer.Write($"{writeQuery ?? "null"}, ");
            writer.Write($"global::{ns}.{spec.SerializerClassName}.ReadResponse, CreateException");
            for (int i = 0; i < secrets.Count; i++)
            {
                writer.Write($"{(i == 0 ? ", new string[] { " : ", ")}{secrets[i]:literal}");
            }

            if (spec.TokenParameter != null)
            {
                // The endpoint's own token parameter follows the secret fields (none: null).
                writer.Line($"{(secrets.Count == 0 ? ", null" : " }")}, {spec.TokenParameter:literal});");
                return;
            }

            writer.Line(secrets.Count == 0 ? ");" : " });");
        }

        private static void EmitCreateException(SourceWriter writer, EndpointSpec spec, string ns)
        {
            writer.Open($"private static {CSharp.Runtime}.TcbApiException CreateException(int errorCode, string? errorMessage)");
            writer.Line($"return new {CSharp.Runtime}.TcbApiException<global::{ns}.{spec.ErrorEnumName}>(Name, (global::{ns}.{spec.ErrorEnumName})errorCode, errorCode, errorMessage, GetSolution(errorCode), IsDocumented(errorCode));");
            writer.Close();
        }
    }
}
