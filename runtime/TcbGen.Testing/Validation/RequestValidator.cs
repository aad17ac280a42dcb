using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TcbGen.Specs;
using TcbGen.Specs.Json;
using TcbGen.Specs.Model;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing.Validation
{
    /// <summary>
    /// Checks a request body against its spec at every depth. A missing required field (40101) wins over a wrong type
    /// (40097), as WeChat checks presence first; within each, the first problem in spec order is reported.
    /// A null value counts as absent. Fields the spec does not list are ignored, as WeChat ignores them.
    /// </summary>
    internal sealed class RequestValidator
    {
        private readonly EmulatedEndpoint _endpoint;
        private readonly List<string> _missing = new List<string>();
        private readonly List<string> _wrong = new List<string>();

        private RequestValidator(EmulatedEndpoint endpoint)
        {
            _endpoint = endpoint;
        }

        public static ValidationProblem? Validate(EmulatedEndpoint endpoint, JsonElement body, IQueryCollection query)
        {
            ObjectSpec? request = endpoint.Spec.Request;
            if (request == null)
            {
                return null;
            }

            var validator = new RequestValidator(endpoint);
            validator.CheckQuery(request, query);
            if (endpoint.Spec.FieldsInBody)
            {
                validator.CheckObject(request, body, string.Empty);
            }
            if (validator._missing.Count > 0)
            {
                return new ValidationProblem(StandardErrors.MissingParameter, validator._missing[0] + " is required");
            }

            return validator._wrong.Count > 0 ? new ValidationProblem(StandardErrors.InvalidArgs, validator._wrong[0]) : null;
        }

        /// <summary>The request's query fields: present when required, and each value readable as its type.</summary>
        private void CheckQuery(ObjectSpec request, IQueryCollection query)
        {
            foreach (FieldSpec field in request.Fields.Where(f => f.Location == FieldLocation.Query))
            {
                string? value = query[field.WireName];
                if (string.IsNullOrEmpty(value))
                {
                    if (field.Required)
                    {
                        _missing.Add(field.WireName);
                    }

                    continue;
                }

                if (field.Type.IsEnum)
                {
                    List<string> allowed = _endpoint.Enum(field.Type.TypeName!).Members.Select(m => m.StringValue ?? m.Value.ToString(CultureInfo.InvariantCulture)).ToList();
                    if (!allowed.Contains(value))
                    {
                        _wrong.Add($"{field.WireName} is '{Shown(field, value)}', not one of {string.Join(", ", allowed)}");
                    }
                }
                else if (!field.Type.Info.Wire.AcceptsQueryText(value))
                {
                    _wrong.Add($"{field.WireName} must be {field.Type.Info.WireDescription}, not '{Shown(field, value)}'");
                }
                else if (field.Constraints != null)
                {
                    string? problem = field.Type.Info.Wire.IsNumber
                        ? ConstraintCheck.Constant(field.Constraints, value, field.WireName) ?? ConstraintCheck.NumberText(field.Constraints, value, field.WireName)
                        : ConstraintCheck.Constant(field.Constraints, value, field.WireName) ?? ConstraintCheck.Text(field.Constraints, value, field.WireName);
                    if (problem != null)
                    {
                        _wrong.Add(problem);
                    }
                }
            }
        }

        private void CheckObject(ObjectSpec spec, JsonElement value, string path)
        {
            foreach (FieldSpec field in spec.Fields.Where(f => f.Location == FieldLocation.Body))
            {
                string fieldPath = path.Length == 0 ? field.WireName : path + "." + field.WireName;
                bool present = value.TryGetProperty(field.WireName, out JsonElement fieldValue) && fieldValue.ValueKind != JsonValueKind.Null;
                if (!present)
                {
                    if (field.Required || (field.RequiredWhen != null && SiblingEquals(value, field.RequiredWhen, spec)))
                    {
                        _missing.Add(fieldPath);
                    }

                    continue;
                }

                CheckValue(field.Type, fieldValue, fieldPath, field.Secret);
                if (field.Constraints != null && HasShape(field.Type.Info, fieldValue))
                {
                    CheckConstraints(field.Constraints, fieldValue, fieldPath);
                }
            }
        }

        /// <summary>Range, length, pattern, item count and constant, through the spec module's own checks.</summary>
        private void CheckConstraints(ConstraintSpec constraints, JsonElement value, string path)
        {
            string? problem = value.ValueKind switch
            {
                JsonValueKind.Number => ConstraintCheck.Constant(constraints, value.GetRawText(), path) ?? ConstraintCheck.NumberText(constraints, value.GetRawText(), path),
                JsonValueKind.String => ConstraintCheck.Constant(constraints, value.GetString()!, path) ?? ConstraintCheck.Text(constraints, value.GetString()!, path),
                JsonValueKind.True or JsonValueKind.False => ConstraintCheck.Constant(constraints, value.GetRawText(), path),
                JsonValueKind.Array => ConstraintCheck.Count(constraints, value.GetArrayLength(), path),
                _ => null,
            };
            if (problem != null)
            {
                _wrong.Add(problem);
            }
        }

        /// <summary>A value as a hint quotes it: a secret field's is masked, since the hint goes back as errmsg.</summary>
        private static string Shown(FieldSpec field, string value) => field.Secret ? "***" : value;

        private void CheckValue(TypeRef type, JsonElement value, string path, bool secret)
        {
            FieldType info = type.Info;
            string shown = secret ? "***" : value.GetRawText();
            if (!HasShape(info, value))
            {
                _wrong.Add($"{path} must be {info.WireDescription}, not {shown}");
                return;
            }

            switch (info.Check)
            {
                case ValueCheck.None:
                    return;
                case ValueCheck.NestedObject:
                    CheckObject(_endpoint.Object(type.TypeName!), value, path);
                    return;
                case ValueCheck.Items:
                    int index = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        string itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                        CheckValue(type.Items!, item, itemPath, secret);
                        if (type.Items!.Constraints != null && item.ValueKind != JsonValueKind.Null && HasShape(type.Items.Info, item))
                        {
                            CheckConstraints(type.Items.Constraints, item, itemPath);
                        }

                        index++;
                    }

                    return;
                case ValueCheck.EnumMember:
                    EnumSpec enumSpec = _endpoint.Enum(type.TypeName!);
                    if (!enumSpec.Members.Any(m => IsMember(m, value)))
                    {
                        string allowed = string.Join(", ", enumSpec.Members.Select(m => m.StringValue ?? m.Value.ToString(CultureInfo.InvariantCulture)));
                        _wrong.Add($"{path} is {shown}, not one of {allowed}");
                    }

                    return;
            }
        }

        /// <summary>Whether a JSON value is what WeChat accepts for the type; requests are checked strictly.</summary>
        private static bool HasShape(FieldType type, JsonElement value) => type.Wire.Accepts(WireValueOf(value), tolerant: false);

        private static WireValue WireValueOf(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => new WireValue(JsonNodeKind.String, value.GetString()),
            JsonValueKind.Number => new WireValue(JsonNodeKind.Number, value.GetRawText()),
            JsonValueKind.True => new WireValue(JsonNodeKind.True, null),
            JsonValueKind.False => new WireValue(JsonNodeKind.False, null),
            JsonValueKind.Object => new WireValue(JsonNodeKind.Object, null),
            JsonValueKind.Array => new WireValue(JsonNodeKind.Array, null),
            _ => new WireValue(JsonNodeKind.Null, null),
        };

        private static bool IsMember(EnumMemberSpec member, JsonElement value) => member.StringValue != null
            ? value.ValueKind == JsonValueKind.String && value.GetString() == member.StringValue
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number == member.Value;

        private static bool SiblingEquals(JsonElement owner, RequiredWhenSpec condition, ObjectSpec spec)
        {
            if (!owner.TryGetProperty(condition.FieldWireName, out JsonElement sibling) || sibling.ValueKind == JsonValueKind.Null)
            {
                // Not sent: WeChat takes the documented default, if any.
                ConstantValue? fallback = spec.Fields.FirstOrDefault(f => f.WireName == condition.FieldWireName)?.Default;
                return fallback != null && fallback.WireText == condition.Value.WireText;
            }

            ConstantValue expected = condition.Value;
#pragma warning disable CS8524 // Exhaustive over the named kinds: a new ConstantKind must be handled here (CS8509).
            return expected.Kind switch
            {
                ConstantKind.Boolean => sibling.ValueKind is JsonValueKind.True or JsonValueKind.False && sibling.GetBoolean() == expected.Boolean,
                ConstantKind.String => sibling.ValueKind == JsonValueKind.String && sibling.GetString() == expected.Text,
                ConstantKind.Integer => IsInteger(sibling, expected.Integer),
                ConstantKind.Number => sibling.ValueKind == JsonValueKind.Number && sibling.GetDouble() == expected.Real,
                ConstantKind.EnumMember => expected.Text != null
                    ? sibling.ValueKind == JsonValueKind.String && sibling.GetString() == expected.Text
                    : IsInteger(sibling, expected.Integer),
            };
#pragma warning restore CS8524
        }

        private static bool IsInteger(JsonElement value, long expected)
            => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number == expected;
    }
}
