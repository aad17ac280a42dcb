using System.Text.Json;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Routing
{
    /// <summary>Reads the string fields of a token endpoint's body: 40101 when one is missing, 40097 when one is not a string.</summary>
    internal static class TokenRequestBody
    {
        public static Answer? ReadStrings(JsonElement body, string[] names, out string[] values)
        {
            values = new string[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                if (!body.TryGetProperty(names[i], out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                {
                    return Answer.Error(StandardErrors.MissingParameter, ErrorMessages.Standard.For(StandardErrors.MissingParameter), names[i] + " is required");
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    return Answer.Error(StandardErrors.InvalidArgs, ErrorMessages.Standard.For(StandardErrors.InvalidArgs), names[i] + " must be a string");
                }

                values[i] = value.GetString()!;
            }

            return null;
        }
    }
}
