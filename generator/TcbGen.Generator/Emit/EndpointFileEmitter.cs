using Microsoft.CodeAnalysis.Text;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// The one generated file of an endpoint, <c>&lt;Prefix&gt;.g.cs</c>: its types, endpoint, serializer, validator and
    /// client methods (unless <see cref="GenerationOptions.EmitClients"/> is off), each written by its own emitter. One file per spec rather than one per concern, because the
    /// driver's cost of carrying outputs over between runs grows with their count.
    /// </summary>
    internal static class EndpointFileEmitter
    {
        public static string HintName(EndpointSpec spec) => spec.TypePrefix + ".g.cs";

        public static SourceText Emit(EndpointSpec spec, GenerationOptions options)
        {
            var writer = new SourceWriter();
            writer.FileHeader(SpecFiles.NameOf(spec.FilePath), options.Namespace);
            TypesEmitter.Emit(writer, spec, options);
            FollowUpEmitter.Emit(writer, spec);
            writer.Line();
            EndpointEmitter.Emit(writer, spec, options);
            writer.Line();
            SerializerEmitter.Emit(writer, spec, options);
            ValidatorEmitter.Emit(writer, spec, options);
            if (options.EmitClients)
            {
                writer.Line();
                ClientEmitter.Emit(writer, spec, options);
            }

            writer.Close();
            return writer.ToSourceText();
        }
    }
}
