using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// The client methods of an endpoint whose body the caller supplies (<c>"requestBody": "caller-json"</c>): a raw form
    /// taking a <c>TcbJsonBody</c> and returning the response, and, when the response has exactly one top-level JSON-text
    /// field (<c>"format": "json"</c>), a typed form taking the caller's body and its <c>JsonTypeInfo</c> and returning that
    /// field read as the caller's result type. Both serialize only through the caller's metadata: no reflection, AOT-safe.
    /// </summary>
    internal static class CallerBodyMethods
    {
        private const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

        /// <summary>The response's one top-level JSON-text field, which the typed form returns; null when there is none or several.</summary>
        public static FieldSpec? ResultField(EndpointSpec spec)
        {
            FieldSpec? result = null;
            foreach (FieldSpec field in spec.Response.Fields)
            {
                if (field.Type.Kind == TypeKind.JsonText)
                {
                    if (result != null)
                    {
                        return null;
                    }

                    result = field;
                }
            }

            return result;
        }

        public static string RawSignature(EndpointSpec spec, string ns) =>
            $"{CSharp.Task}<global::{ns}.{spec.ResponseTypeName}> {spec.MethodName}({RequestParameter(spec, ns)}{CSharp.Runtime}.TcbJsonBody body, {CSharp.CancellationToken} cancellationToken = default)";

        public static string TypedSignature(EndpointSpec spec, string ns) =>
            $"{CSharp.Task}<TResult> {spec.MethodName}<TBody, TResult>({RequestParameter(spec, ns)}TBody body, {JsonTypeInfo}<TBody> bodyType, {JsonTypeInfo}<TResult> resultType, {CSharp.CancellationToken} cancellationToken = default)";

        public static void EmitRawDocs(SourceWriter writer, EndpointSpec spec)
        {
            ClientEmitter.EmitSummary(writer, spec);
            EmitRequestParam(writer, spec);
            writer.Doc("param", " name=\"body\"", $"The body, sent as given: one JSON value (<see cref=\"{CSharp.Runtime}.TcbJsonBody.From{{T}}\"/> or <see cref=\"{CSharp.Runtime}.TcbJsonBody.Parse\"/>).");
            writer.Param("cancellationToken", "Cancels the call.");
            writer.Doc("returns", "The response, whose errcode is 0.");
            ClientEmitter.EmitExceptions(writer, spec);
        }

        public static void EmitTypedDocs(SourceWriter writer, EndpointSpec spec, FieldSpec result)
        {
            ClientEmitter.EmitSummary(writer, spec);
            writer.Doc("typeparam", " name=\"TBody\"", "The body's type, your own.");
            writer.Doc("typeparam", " name=\"TResult\"", $"The type <c>{result.WireName:xml}</c> holds, your own.");
            EmitRequestParam(writer, spec);
            writer.Param("body", "The body, serialized with <paramref name=\"bodyType\"/> and sent as the request body.");
            writer.Param("bodyType", "The body type's metadata, from your <c>JsonSerializerContext</c> (<c>MyJsonContext.Default.MyEvent</c>).");
            writer.Doc("param", " name=\"resultType\"", $"The metadata <c>{result.WireName:xml}</c> is read with, from your <c>JsonSerializerContext</c>.");
            writer.Param("cancellationToken", "Cancels the call.");
            writer.Doc("returns", $"<c>{result.WireName:xml}</c> read as <typeparamref name=\"TResult\"/>; <see langword=\"default\"/> when it holds JSON <c>null</c>.");
            ClientEmitter.EmitExceptions(writer, spec);
            writer.Doc("exception", $" cref=\"{CSharp.Runtime}.TcbProtocolException\"", $"The call succeeded but <c>{result.WireName:xml}</c> is absent or not JSON of <typeparamref name=\"TResult\"/>.");
        }

        public static void EmitRawBody(SourceWriter writer, EndpointSpec spec, string ns)
        {
            writer.Open("if (body == null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(body));");
            writer.Close();
            writer.Line();
            string request = "request";
            string fields = $"global::{ns}.{spec.RequestTypeName}";
            if (spec.Request == null)
            {
                request = CSharp.Runtime + ".TcbEmptyRequest.Instance";
                fields = CSharp.Runtime + ".TcbEmptyRequest";
            }
            else
            {
                ClientEmitter.EmitValidation(writer, spec, ns);
            }

            writer.Line($"return _transport.SendAsync(global::{ns}.{spec.EndpointClassName}.Descriptor, _token, new {CSharp.Runtime}.TcbRequestWithBody<{fields}>({request}, body), cancellationToken);");
        }

        public static void EmitTypedBody(SourceWriter writer, EndpointSpec spec, string ns, FieldSpec result)
        {
            writer.Open("if (resultType == null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(resultType));");
            writer.Close();
            writer.Line();
            string request = spec.Request == null ? string.Empty : "request, ";
            writer.Line($"global::{ns}.{spec.ResponseTypeName} response = await {spec.MethodName}({request}{CSharp.Runtime}.TcbJsonBody.From(body, bodyType), cancellationToken).ConfigureAwait(false);");
            writer.Line($"return {CSharp.Runtime}.TcbJsonResult.Read(global::{ns}.{spec.EndpointClassName}.Name, {result.WireName:literal}, response.{result.PropertyName}, resultType);");
        }

        private static string RequestParameter(EndpointSpec spec, string ns) =>
            spec.Request == null ? string.Empty : $"global::{ns}.{spec.RequestTypeName} request, ";

        private static void EmitRequestParam(SourceWriter writer, EndpointSpec spec)
        {
            if (spec.Request != null)
            {
                writer.Param("request", "The query fields; they are validated before anything is sent.");
            }
        }
    }
}
