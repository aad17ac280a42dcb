using System.Linq;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    internal static partial class SerializerEmitter
    {
        private const string TokenType = CSharp.Json + ".JsonTokenType";

        private static void EmitReadEntry(SourceWriter writer, SerializerContext context, EndpointSpec spec)
        {
            writer.Open($"internal static global::{context.Namespace}.{spec.ResponseTypeName} ReadResponse(ref {CSharp.Json}.Utf8JsonReader reader)");
            writer.Open($"if (reader.TokenType == {TokenType}.None && !reader.Read())");
            writer.Line($"throw new {CSharp.Json}.JsonException(\"The response body is empty.\");");
            writer.Close();
            writer.Line();
            writer.Line($"return Read{spec.ResponseTypeName}(ref reader);");
            writer.Close();
        }

        /// <summary>Reads one object; unknown properties are skipped, null values leave the property unset.</summary>
        private static void EmitReader(SourceWriter writer, SerializerContext context, ObjectSpec type, bool isEnvelope)
        {
            writer.Open($"private static global::{context.Namespace}.{type.TypeName} Read{type.TypeName}(ref {CSharp.Json}.Utf8JsonReader reader)");
            writer.Open($"if (reader.TokenType != {TokenType}.StartObject)");
            writer.Line($"throw new {CSharp.Json}.JsonException(\"Expected a JSON object for {type.TypeName}, found \" + reader.TokenType.ToString() + \".\");");
            writer.Close();
            writer.Line();
            EmitNewObject(writer, context, type);
            writer.Open("while (reader.Read())");
            writer.Open($"if (reader.TokenType == {TokenType}.EndObject)");
            EmitRequiredChecks(writer, type);
            writer.Line("return result;");
            writer.Close();
            writer.Line();

            string keyword = "if";
            if (isEnvelope)
            {
                EmitReadEnvelopeField(writer, context, ref keyword, "errcode", "result.ErrorCode = global::TcbGen.Runtime.TcbWireReader.ErrorCode(ref reader, result.ErrorCode);");
                EmitReadEnvelopeField(writer, context, ref keyword, "errmsg", "result.ErrorMessage = global::TcbGen.Runtime.TcbWireReader.ErrorMessage(ref reader);");
            }

            foreach (FieldSpec field in type.Fields)
            {
                writer.Open($"{keyword} (reader.ValueTextEquals({context.Utf8Field(field.WireName)}))");
                writer.Line("reader.Read();");
                writer.Open($"if (reader.TokenType != {TokenType}.Null)");
                EmitReadValue(writer, context, field.Type, new ReadTarget(ValueAccess.Property("result", field.PropertyName), add: false), 0);
                writer.Close();
                writer.Close();
                keyword = "else if";
            }

            if (keyword == "if")
            {
                writer.Line("reader.Read();");
                writer.Line("reader.Skip();");
            }
            else
            {
                writer.Open("else");
                writer.Line("reader.Read();");
                writer.Line("reader.Skip();");
                writer.Close();
            }

            writer.Close();
            writer.Line();
            writer.Line($"throw new {CSharp.Json}.JsonException(\"The JSON ends inside {type.TypeName}.\");");
            writer.Close();
        }

        /// <summary>
        /// The fields the spec says WeChat always sends: absent, null, or (for a time) not readable as one, the response
        /// fails with a <see cref="System.Text.Json.JsonException"/>, which the transport turns into a protocol error with
        /// errcode 0, or into the API error when the body's errcode is not 0. The message names the field, never its value.
        /// </summary>
        private static void EmitRequiredChecks(SourceWriter writer, ObjectSpec type)
        {
            foreach (FieldSpec field in type.Fields)
            {
                if (!field.RequiredInResponse)
                {
                    continue;
                }

                var access = ValueAccess.Property("result", field.PropertyName);
                if (CSharpFieldTypes.Of(field.Type).Unread is string unread)
                {
                    writer.Open($"if ({access} == null || {new CatalogExpression(unread, access, field.Type, string.Empty)})");
                }
                else
                {
                    writer.Open($"if ({access} == null)");
                }

                writer.Line($"throw new {CSharp.Json}.JsonException(\"The response lacks '{field.WireName:escaped}' (or it is null or not readable), which the spec says WeChat always sends.\");");
                writer.Close();
            }
        }

        /// <summary>
        /// <c>var result = new …;</c>, a new object to read into. A type declared for requests and read here through a
        /// reference has required members (or constructor parameters); they start at their defaults and stay so when the
        /// response leaves them out.
        /// </summary>
        private static void EmitNewObject(SourceWriter writer, SerializerContext context, ObjectSpec type)
        {
            writer.Write($"var result = new global::{context.Namespace}.{type.TypeName}");
            bool first = true;
            foreach (FieldSpec field in type.Fields)
            {
                if (!field.Required)
                {
                    continue;
                }

                if (context.UseRequiredMembers)
                {
                    writer.Write($"{(first ? " { " : ", ")}{field.PropertyName} = default!");
                }
                else
                {
                    writer.Write($"{(first ? "(" : ", ")}default!");
                }

                first = false;
            }

            writer.Line(first ? "();" : context.UseRequiredMembers ? " };" : ");");
        }

        private static void EmitReadEnvelopeField(SourceWriter writer, SerializerContext context, ref string keyword, string wireName, string assignment)
        {
            writer.Open($"{keyword} (reader.ValueTextEquals({context.Utf8Field(wireName)}))");
            writer.Line("reader.Read();");
            writer.Open($"if (reader.TokenType != {TokenType}.Null)");
            writer.Line(assignment);
            writer.Close();
            writer.Close();
            keyword = "else if";
        }

        /// <summary>Reads the current value into <paramref name="target"/>.</summary>
        private static void EmitReadValue(SourceWriter writer, SerializerContext context, TypeRef type, ReadTarget target, int depth)
        {
            FieldType info = type.Info;
            if (info.Shape != TypeShape.Array)
            {
                target.Write(writer, Format(CSharpFieldTypes.Of(type).Read!, new ValueAccess("reader"), type, context));
                return;
            }

            string list = Locals.List(depth);
            writer.Open($"if (reader.TokenType != {TokenType}.StartArray)");
            writer.Line($"throw new {CSharp.Json}.JsonException(\"Expected a JSON array, found \" + reader.TokenType.ToString() + \".\");");
            writer.Close();
            writer.Line();
            writer.Line($"var {list} = new {CSharp.List}<{CSharp.TypeOf(type.Items!, context.Namespace, nullable: false)}>();");
            writer.Open($"while (reader.Read() && reader.TokenType != {TokenType}.EndArray)");
            writer.Open($"if (reader.TokenType == {TokenType}.Null)");
            writer.Line("continue;");
            writer.Close();
            writer.Line();
            EmitReadValue(writer, context, type.Items!, new ReadTarget(new ValueAccess(list), add: true), depth + 1);
            writer.Close();
            target.Write(writer, new ValueAccess(list));
        }
    
        /// <summary>Where a value read goes: a property of the result (<c>result.Env = …;</c>) or a list (<c>list0.Add(…);</c>).</summary>
        private readonly struct ReadTarget
        {
            private readonly ValueAccess _into;
            private readonly bool _add;

            public ReadTarget(ValueAccess into, bool add)
            {
                _into = into;
                _add = add;
            }

            /// <summary>Stores a value read by a catalog expression.</summary>
            public void Write(SourceWriter writer, CatalogExpression value)
            {
                if (_add)
                {
                    writer.Line($"{_into}.Add({value});");
                }
                else
                {
                    writer.Line($"{_into} = {value};");
                }
            }

            /// <summary>Stores a list read into a local.</summary>
            public void Write(SourceWriter writer, ValueAccess value)
            {
                if (_add)
                {
                    writer.Line($"{_into}.Add({value});");
                }
                else
                {
                    writer.Line($"{_into} = {value};");
                }
            }
        }
    }
}
