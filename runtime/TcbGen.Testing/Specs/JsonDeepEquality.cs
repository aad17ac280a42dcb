using System.Linq;
using System.Text.Json;

namespace TcbGen.Testing.Specs
{
    /// <summary>Whether two JSON values mean the same: object members in any order, numbers by value.</summary>
    internal static class JsonDeepEquality
    {
        public static bool AreEqual(JsonElement left, JsonElement right)
        {
            if (left.ValueKind != right.ValueKind)
            {
                return false;
            }

            switch (left.ValueKind)
            {
                case JsonValueKind.Object:
                    var rightMembers = right.EnumerateObject().ToList();
                    var leftMembers = left.EnumerateObject().ToList();
                    return leftMembers.Count == rightMembers.Count
                        && leftMembers.All(l => right.TryGetProperty(l.Name, out JsonElement r) && AreEqual(l.Value, r));
                case JsonValueKind.Array:
                    return left.GetArrayLength() == right.GetArrayLength()
                        && left.EnumerateArray().Zip(right.EnumerateArray(), AreEqual).All(equal => equal);
                case JsonValueKind.String:
                    return left.GetString() == right.GetString();
                case JsonValueKind.Number:
                    return left.TryGetDecimal(out decimal l) && right.TryGetDecimal(out decimal r)
                        ? l == r
                        : left.GetRawText() == right.GetRawText();
                default:
                    return true;
            }
        }
    }
}
