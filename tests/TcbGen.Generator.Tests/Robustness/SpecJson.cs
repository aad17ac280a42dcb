using System.Globalization;
using System.Text;

namespace TcbGen.Generator.Tests.Robustness
{
    /// <summary>Builds small specs for the robustness tests: any text, escaped as JSON, so tests state their input plainly.</summary>
    internal static class SpecJson
    {
        /// <summary>A JSON string holding exactly <paramref name="value"/>: everything but printable ASCII as \uXXXX.</summary>
        public static string Str(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (char c in value)
            {
                if (c == '"' || c == '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < 0x20 || c > 0x7E)
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A complete valid spec named <paramref name="name"/>; each argument replaces one part.</summary>
        public static string Spec(
            string name,
            string requestFields = "",
            string responseFields = "",
            string errors = "",
            string title = "Probe",
            string? description = null,
            string path = "/tcb/probe",
            string tokenKinds = "\"authorizer_access_token\"",
            string? csharpName = null) =>
            "{\n" +
            $"  \"name\": {Str(name)},\n" +
            (csharpName == null ? string.Empty : $"  \"csharpName\": {Str(csharpName)},\n") +
            $"  \"title\": {Str(title)},\n" +
            (description == null ? string.Empty : $"  \"description\": {Str(description)},\n") +
            "  \"method\": \"POST\",\n" +
            $"  \"path\": {Str(path)},\n" +
            $"  \"tokenKinds\": [{tokenKinds}],\n" +
            "  \"retrySafe\": true,\n" +
            $"  \"request\": {{ \"fields\": [{requestFields}] }},\n" +
            $"  \"response\": {{ \"fields\": [{responseFields}] }},\n" +
            $"  \"errors\": [{errors}]\n" +
            "}\n";
    }
}
