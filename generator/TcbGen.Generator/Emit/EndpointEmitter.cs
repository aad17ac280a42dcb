using System.Linq;
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
            EmitErrorEnum(writer, spec);
            writer.Line();
            EmitEndpointClass(writer, spec, options.Namespace);
        }

        private static void EmitErrorEnum(SourceWriter writer, EndpointSpec spec)
        {
            writer.Summary($"The errcodes <c>{CSharp.Xml(spec.Name)}</c> documents. A response may carry a code not listed here; see <see cref=\"global::TcbGen.Runtime.TcbApiException{{TCode}}.IsDocumented\"/>.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public enum {spec.ErrorEnumName}");
            for (int i = 0; i < spec.Errors.Count; i++)
            {
                ErrorSpec error = spec.Errors[i];
                writer.Summary(ErrorDocs(error));
                writer.Line($"{error.Name} = {CSharp.Integer(error.Code)},");
                if (i < spec.Errors.Count - 1)
                {
                    writer.Line();
                }
            }

            writer.Close();
        }

        public static string ErrorDocs(ErrorSpec error) =>
            $"<c>{CSharp.Integer(error.Code)}</c>{(error.Message.Length == 0 ? string.Empty : " " + CSharp.Xml(error.Message) + ".")}" + (error.Solution == null ? string.Empty : " " + CSharp.Xml(error.Solution));

        private static void EmitEndpointClass(SourceWriter writer, EndpointSpec spec, string ns)
        {
            string request = spec.Request == null ? CSharp.Runtime + ".TcbEmptyRequest" : $"global::{ns}.{spec.RequestTypeName}";
            string response = $"global::{ns}.{spec.ResponseTypeName}";
            string descriptor = $"{CSharp.Runtime}.TcbEndpoint<{request}, {response}>";
            string writeRequest = spec.Request == null ? CSharp.Runtime + ".TcbEmptyRequest.Write" : $"global::{ns}.{spec.SerializerClassName}.Write{spec.RequestTypeName}";

            writer.Summary($"<c>{CSharp.Xml(spec.Name)}</c>: {CSharp.Xml(spec.Title)}.");
            string? remarks = EndpointDocs.Remarks(spec);
            if (remarks != null)
            {
                writer.Doc("remarks", remarks);
            }

            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public static partial class {spec.EndpointClassName}");
            writer.Summary("The interface name in the WeChat documentation.");
            writer.Line($"public const string Name = {CSharp.Literal(spec.Name)};");
            writer.Line();
            writer.Summary("The URL path; <c>access_token</c> goes in the query string.");
            writer.Line($"public const string Path = {CSharp.Literal(spec.Path)};");
            writer.Line();
            writer.Summary("Whether the request may be sent again after it may have reached the server.");
            writer.Line($"public const bool IsRetrySafe = {(spec.RetrySafe ? "true" : "false")};");
            writer.Line();
            writer.Summary("Describes the endpoint to the transport.");
            writer.Line($"public static {descriptor} Descriptor {{ get; }} = new {descriptor}(");
            string readResponse = $"global::{ns}.{spec.SerializerClassName}.ReadResponse";
            string secrets = spec.SecretFields.Count == 0 ? string.Empty : ", new string[] { " + string.Join(", ", spec.SecretFields.Select(CSharp.Literal)) + " }";
            if (spec.Method == EndpointMethod.Post && spec.HasBody && !spec.HasQuery && secrets.Length == 0)
            {
                writer.Line($"    Name, Path, IsRetrySafe, {writeRequest}, {readResponse}, CreateException);");
            }
            else
            {
                string writeQuery = spec.HasQuery ? $"global::{ns}.{spec.SerializerClassName}.Write{spec.RequestTypeName}Query" : "null";
                writer.Line($"    Name, Path, {HttpMethods.CSharp(spec.Method)}, IsRetrySafe, {(spec.HasBody ? writeRequest : "null")}, {writeQuery}, {readResponse}, CreateException{secrets});");
            }
            writer.Line();

            writer.Summary("The spec's solution text for an errcode, or <see langword=\"null\"/> when the spec does not list it.");
            writer.Param("errorCode", "The errcode.");
            writer.Doc("returns", "The solution text.");
            writer.Open("public static string? GetSolution(int errorCode)");
            writer.Open("switch (errorCode)");
            foreach (ErrorSpec error in spec.Errors)
            {
                writer.Line($"case {CSharp.Integer(error.Code)}: return {(error.Solution == null ? "null" : CSharp.Literal(error.Solution))};");
            }

            writer.Line("default: return null;");
            writer.Close();
            writer.Close();
            writer.Line();

            writer.MembershipMethod("private static bool IsDocumented(int errorCode)", "errorCode", spec.Errors.Select(e => CSharp.Integer(e.Code)).ToList());
            writer.Line();
            EmitCreateException(writer, spec, ns);
            writer.Close();
        }

        private static void EmitCreateException(SourceWriter writer, EndpointSpec spec, string ns)
        {
            writer.Open($"private static {CSharp.Runtime}.TcbApiException CreateException(int errorCode, string? errorMessage)");
            writer.Line($"return new {CSharp.Runtime}.TcbApiException<global::{ns}.{spec.ErrorEnumName}>(Name, (global::{ns}.{spec.ErrorEnumName})errorCode, errorCode, errorMessage, GetSolution(errorCode), IsDocumented(errorCode));");
            writer.Close();
        }
    }
}
