using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using TcbGen.Runtime;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>
    /// Builds the generated request object of an endpoint from one of its spec's example request bodies, field by field as
    /// the spec describes them, so a test can send exactly the documented example through the generated client.
    /// </summary>
    internal static class ExampleRequests
    {
        private static readonly Assembly Generated = typeof(ExampleRequests).Assembly;
        private static readonly string Namespace = typeof(ExampleRequests).Namespace + ".Tcb";

        public static object Build(EndpointSpec spec, string exampleJson)
        {
            using JsonDocument document = JsonDocument.Parse(exampleJson);
            // A caller-supplied body is not the request object: the request holds only the query fields, filled below.
            object request = BuildObject(spec, spec.Request!, spec.FieldsInBody ? document.RootElement : default);
            FillQuery(spec, request);
            return request;
        }

        /// <summary>
        /// Examples hold the body only; a required query field (an <c>action=get</c> in the URL) gets its first enum member,
        /// or a plain value, so the call is valid.
        /// </summary>
        private static void FillQuery(EndpointSpec spec, object request)
        {
            foreach (FieldSpec field in spec.Request!.Fields.Where(f => f.Location == FieldLocation.Query && f.Required))
            {
                PropertyInfo property = request.GetType().GetProperty(field.PropertyName)!;
                Type core = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                object? value = core.IsEnum ? Enum.GetValues(core).GetValue(0)
                    : core == typeof(string) ? "example"
                    : core == typeof(bool) ? true
                    : System.Convert.ChangeType(1, core, System.Globalization.CultureInfo.InvariantCulture);
                property.SetValue(request, value);
            }
        }

        public static Type GeneratedType(string typeName) =>
            Generated.GetType(Namespace + "." + typeName) ?? throw new InvalidOperationException($"No generated type {typeName}.");

        private static object BuildObject(EndpointSpec spec, ObjectSpec shape, JsonElement json)
        {
            Type type = GeneratedType(shape.TypeName);
            object instance = Activator.CreateInstance(type)!;
            foreach (FieldSpec field in shape.Fields)
            {
                if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(field.WireName, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
                {
                    PropertyInfo property = type.GetProperty(field.PropertyName) ?? throw new InvalidOperationException($"{type.Name} has no property {field.PropertyName}.");
                    property.SetValue(instance, Convert(spec, field.Type, value, property.PropertyType));
                }
            }

            return instance;
        }

        private static object? Convert(EndpointSpec spec, TypeRef type, JsonElement json, Type target)
        {
            Type core = Nullable.GetUnderlyingType(target) ?? target;
#pragma warning disable CS8524 // Exhaustive over the named kinds: a new TypeKind must be handled here (CS8509).
            return type.Kind switch
            {
                TypeKind.String => json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText(),
                TypeKind.Boolean => json.GetBoolean(),
                TypeKind.Int32 => json.GetInt32(),
                TypeKind.Int64 => json.GetInt64(),
                TypeKind.Number => json.GetDouble(),
                TypeKind.StringEnum => Enum.Parse(core, RequestEnum(spec, type).Members.Single(m => m.StringValue == json.GetString()).Name),
                TypeKind.IntegerEnum => Enum.ToObject(core, json.GetInt64()),
                TypeKind.Object => BuildObject(spec, RequestObject(spec, type), json),
                TypeKind.Array => BuildList(spec, type.Items!, json, core),
                TypeKind.UnixSeconds => new TcbTime(DateTimeOffset.FromUnixTimeSeconds(json.GetInt64())),
                TypeKind.UnixMilliseconds => new TcbTime(DateTimeOffset.FromUnixTimeMilliseconds(json.GetInt64())),
                TypeKind.WeChatDateTime => WireTime.TryParseDateTime(json.GetString()!, out DateTimeOffset time)
                    ? new TcbTime(time)
                    : throw new FormatException($"'{json.GetString()}' is not a WeChat date-time."),
                TypeKind.JsonText => new TcbJsonText(json.GetString()!),
            };
#pragma warning restore CS8524
        }

        private static object BuildList(EndpointSpec spec, TypeRef items, JsonElement json, Type target)
        {
            Type item = target.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            foreach (JsonElement element in json.EnumerateArray())
            {
                list.Add(element.ValueKind == JsonValueKind.Null ? null : Convert(spec, items, element, item));
            }

            return list;
        }

        private static ObjectSpec RequestObject(EndpointSpec spec, TypeRef type) =>
            spec.NestedObjects.Where(o => o.TypeName == type.TypeName).OrderByDescending(o => o.IsRequestSide).First();

        private static EnumSpec RequestEnum(EndpointSpec spec, TypeRef type) =>
            spec.Enums.Where(e => e.TypeName == type.TypeName).OrderByDescending(e => e.IsRequestSide).First();
    }
}
