using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>Emits <c>TcbErrorCode</c>: every errcode of every spec, once.</summary>
    internal static class AllErrorsEmitter
    {
        public static string Emit(EquatableArray<ErrorSpec> errors, GenerationOptions options)
        {
            var writer = new SourceWriter();
            writer.FileHeader("the TcbGen specs", options.Namespace);
            writer.Doc("summary", "Every errcode documented by any endpoint spec. Compare with <c>TcbApiException.ErrorCode</c> when the endpoint does not matter.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} enum {ReservedNames.AllErrorsEnum}");
            for (int i = 0; i < errors.Count; i++)
            {
                EndpointEmitter.WriteErrorDocs(writer, errors[i]);
                writer.Line($"{errors[i].Name} = {CSharp.Integer(errors[i].Code)},");
                if (i < errors.Count - 1)
                {
                    writer.Line();
                }
            }

            writer.Close();
            writer.Close();
            return writer.ToString();
        }
    }
}
