using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    internal static partial class SerializerEmitter
    {
        private static void EmitWriter(SourceWriter writer, SerializerContext context, ObjectSpec type)
        {
            writer.Open($"internal static void Write{type.TypeName}({CSharp.Json}.Utf8JsonWriter writer, global::{context.Namespace}.{type.TypeName} value)");
            writer.Line("writer.WriteStartObject();");
            foreach (FieldSpec field in type.Fields)
            {
                if (field.Location == FieldLocation.Body)
                {
                    EmitWriteProperty(writer, context, field);
                }
            }

            writer.Line("writer.WriteEndObject();");
            writer.Close();
        }

        /// <summary>Writes one property; an unset optional value (null) is omitted, never sent as null.</summary>
        private static void EmitWriteProperty(SourceWriter writer, SerializerContext context, FieldSpec field)
        {
            var access = ValueAccess.Property("value", field.PropertyName);
            string name = context.EncodedField(field.WireName);
            if (field.Type.IsValueType && field.Required)
            {
                writer.Line($"writer.WritePropertyName({name});");
                EmitWriteValue(writer, context, field.Type, access, 0);
                return;
            }

            writer.OpenIfSet(access, field.Type.IsValueType);
            writer.Line($"writer.WritePropertyName({name});");
            EmitWriteValue(writer, context, field.Type, field.Type.IsValueType ? access.Unwrapped : access, 0);
            writer.Close();
        }

        /// <summary>Writes the request's query fields, in spec order; an unset optional one is left out.</summary>
        private static void EmitQueryWriter(SourceWriter writer, SerializerContext context, ObjectSpec request)
        {
            writer.Open($"internal static void Write{request.TypeName}Query({CSharp.Runtime}.TcbQueryWriter query, global::{context.Namespace}.{request.TypeName} value)");
            foreach (FieldSpec field in request.Fields)
            {
                if (field.Location != FieldLocation.Query)
                {
                    continue;
                }

                var access = ValueAccess.Property("value", field.PropertyName);
                bool nullable = !(field.Type.IsValueType && field.Required);
                ValueAccess value = nullable && field.Type.IsValueType ? access.Unwrapped : access;
                if (nullable)
                {
                    writer.OpenIfSet(access, field.Type.IsValueType);
                }

                writer.Line($"query.Add({field.WireName:literal}, {Format(CSharpFieldTypes.Of(field.Type).Query!, value, field.Type, context)});");
                if (nullable)
                {
                    writer.Close();
                }
            }

            writer.Close();
        }

        private static void EmitWriteValue(SourceWriter writer, SerializerContext context, TypeRef type, ValueAccess value, int depth)
        {
            FieldType info = type.Info;
            if (info.Shape == TypeShape.Array)
            {
                EmitWriteArray(writer, context, type, value, depth);
            }
            else
            {
                writer.Line($"{Format(CSharpFieldTypes.Of(type).Write!, value, type, context)}");
            }
        }

        private static void EmitWriteArray(SourceWriter writer, SerializerContext context, TypeRef type, ValueAccess value, int depth)
        {
            string list = Locals.List(depth);
            string index = Locals.Index(depth);
            writer.Line($"var {list} = {value};");
            writer.Line("writer.WriteStartArray();");
            writer.Open($"for (int {index} = 0; {index} < {list}.Count; {index}++)");
            TypeRef items = type.Items!;
            if (items.Info.Shape != TypeShape.Scalar)
            {
                string item = Locals.Item(depth);
                writer.Line($"var {item} = {list}[{index}];");
                writer.Open($"if ({item} == null)");
                writer.Line("writer.WriteNullValue();");
                writer.Close();
                writer.Open("else");
                EmitWriteValue(writer, context, items, new ValueAccess(item), depth + 1);
                writer.Close();
            }
            else
            {
                EmitWriteValue(writer, context, items, new ValueAccess(list, tail: Locals.Indexer(depth)), depth + 1);
            }

            writer.Close();
            writer.Line("writer.WriteEndArray();");
        }
    }
}
