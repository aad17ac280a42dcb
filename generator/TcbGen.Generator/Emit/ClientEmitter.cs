using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// Emits an endpoint's method onto the client (and its interface) of each token kind the spec allows,
    /// as partial declarations: adding or editing one spec touches only that spec's file. An endpoint whose body the
    /// caller supplies gets its methods from <see cref="CallerBodyMethods"/>.
    /// </summary>
    internal static class ClientEmitter
    {
        public static void Emit(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            string ns = options.Namespace;
            FieldSpec? result = spec.HasCallerBody ? CallerBodyMethods.ResultField(spec) : null;
            for (int i = 0; i < spec.TokenKinds.Count; i++)
            {
                TokenKind kind = TokenKinds.Of(spec.TokenKinds[i]);
                if (i > 0)
                {
                    writer.Line();
                }

                writer.Open($"{options.TypeAccessibility} partial interface {kind.ClientInterfaceName}");
                EmitDeclarations(writer, spec, ns, result);
                writer.Close();
                writer.Line();
                writer.Open($"{options.TypeAccessibility} sealed partial class {kind.ClientClassName}");
                EmitImplementations(writer, spec, ns, result);
                writer.Close();
            }
        }

        private static void EmitDeclarations(SourceWriter writer, EndpointSpec spec, string ns, FieldSpec? result)
        {
            if (!spec.HasCallerBody)
            {
                EmitDocs(writer, spec);
                writer.Line($"{Signature(spec, ns)};");
                return;
            }

            CallerBodyMethods.EmitRawDocs(writer, spec);
            writer.Line($"{CallerBodyMethods.RawSignature(spec, ns)};");
            if (result != null)
            {
                writer.Line();
                CallerBodyMethods.EmitTypedDocs(writer, spec, result);
                writer.Line($"{CallerBodyMethods.TypedSignature(spec, ns)};");
            }
        }

        private static void EmitImplementations(SourceWriter writer, EndpointSpec spec, string ns, FieldSpec? result)
        {
            writer.Line("/// <inheritdoc />");
            if (!spec.HasCallerBody)
            {
                writer.Open($"public {Signature(spec, ns)}");
                EmitBody(writer, spec, ns);
                writer.Close();
                return;
            }

            writer.Open($"public {CallerBodyMethods.RawSignature(spec, ns)}");
            CallerBodyMethods.EmitRawBody(writer, spec, ns);
            writer.Close();
            if (result != null)
            {
                writer.Line();
                writer.Line("/// <inheritdoc />");
                writer.Open($"public async {CallerBodyMethods.TypedSignature(spec, ns)}");
                CallerBodyMethods.EmitTypedBody(writer, spec, ns, result);
                writer.Close();
            }
        }

        private static string Signature(EndpointSpec spec, string ns)
        {
            string request = spec.Request == null ? string.Empty : $"global::{ns}.{spec.RequestTypeName} request, ";
            return $"{CSharp.Task}<global::{ns}.{spec.ResponseTypeName}> {spec.MethodName}({request}{CSharp.CancellationToken} cancellationToken = default)";
        }

        private static void EmitDocs(SourceWriter writer, EndpointSpec spec)
        {
            EmitSummary(writer, spec);
            if (spec.Request != null)
            {
                writer.Param("request", "The request; it is validated before anything is sent.");
            }

            writer.Param("cancellationToken", "Cancels the call.");
            writer.Doc("returns", "The response, whose errcode is 0.");
            EmitExceptions(writer, spec);
        }

        /// <summary>The summary, remarks and links every method of the endpoint starts its docs with.</summary>
        public static void EmitSummary(SourceWriter writer, EndpointSpec spec)
        {
            writer.Doc("summary", $"Calls <c>{spec.Name:xml}</c> ({HttpMethods.WireName(spec.Method)} <c>{spec.Path:xml}</c>): {spec.Title:xml}.");
            EndpointDocs.WriteRemarks(writer, spec);
            EndpointDocs.WriteSeeAlso(writer, spec);
        }

        /// <summary>The exceptions every method of the endpoint documents.</summary>
        public static void EmitExceptions(SourceWriter writer, EndpointSpec spec)
        {
            if (spec.Request != null)
            {
                writer.Doc("exception", $" cref=\"{CSharp.Runtime}.TcbValidationException\"", "The request is invalid; nothing was sent.");
            }

            writer.Doc("exception", $" cref=\"{CSharp.Runtime}.TcbApiException\"", $"WeChat answered with an errcode other than 0; <c>Code</c> is a <see cref=\"{spec.ErrorEnumName}\"/>.");
        }

        private static void EmitBody(SourceWriter writer, EndpointSpec spec, string ns)
        {
            if (spec.Request == null)
            {
                writer.Line($"return _transport.SendAsync(global::{ns}.{spec.EndpointClassName}.Descriptor, _token, {CSharp.Runtime}.TcbEmptyRequest.Instance, cancellationToken);");
                return;
            }

            EmitValidation(writer, spec, ns);
            writer.Line($"return _transport.SendAsync(global::{ns}.{spec.EndpointClassName}.Descriptor, _token, request, cancellationToken);");
        }

        /// <summary>Throws <c>TcbValidationException</c> for an invalid request, before anything is sent.</summary>
        public static void EmitValidation(SourceWriter writer, EndpointSpec spec, string ns)
        {
            writer.Open($"if (!global::{ns}.{spec.ValidatorClassName}.IsValid(request))");
            writer.Line($"throw new {CSharp.Runtime}.TcbValidationException(global::{ns}.{spec.EndpointClassName}.Name, global::{ns}.{spec.ValidatorClassName}.Validate(request));");
            writer.Close();
            writer.Line();
        }
    }
}
