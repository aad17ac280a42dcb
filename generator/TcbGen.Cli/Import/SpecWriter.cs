using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TcbGen.Cli.Import
{
    /// <summary>Writes an imported endpoint as a <c>*.tcb.json</c> spec, properties in the order of specs/README.md.</summary>
    internal static class SpecWriter
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string Write(ImportedSpec spec, string? schema)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                writer.WriteStartObject();
                if (schema != null)
                {
                    writer.WriteString("$schema", schema);
                }

                writer.WriteString("name", spec.Name);
                writer.WriteString("title", spec.Title.Length > 0 ? spec.Title : spec.Name);
                if (spec.Description.Trim().Length > 0)
                {
                    writer.WriteString("description", spec.Description.Trim());
                }

                // Every guess goes where specs/README.md has a reader look for them: decisions, never the XML docs.
                if (spec.Decisions.Count > 0)
                {
                    writer.WriteStartArray("decisions");
                    spec.Decisions.ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                if (spec.Notes.Count > 0)
                {
                    writer.WriteStartArray("notes");
                    spec.Notes.ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                if (spec.PermissionSets.Count > 0)
                {
                    writer.WriteStartArray("permissionSets");
                    spec.PermissionSets.ForEach(writer.WriteNumberValue);
                    writer.WriteEndArray();
                }

                writer.WriteString("method", spec.Method);
                if (spec.RequestBody != null)
                {
                    writer.WriteString("requestBody", spec.RequestBody);
                }

                writer.WriteString("path", spec.Path);
                writer.WriteStartArray("tokenKinds");
                spec.TokenKinds.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteBoolean("retrySafe", spec.RetrySafe);
                Body(writer, "request", spec.Request, request: true);
                Body(writer, "response", spec.Response, request: false);
                if (spec.Errors.Count > 0)
                {
                    writer.WriteStartArray("errors");
                    foreach (ImportedError error in spec.Errors)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("code", error.Code);
                        writer.WriteString("name", error.Name);
                        writer.WriteString("message", error.Message);
                        if (!string.IsNullOrEmpty(error.Solution))
                        {
                            writer.WriteString("solution", error.Solution);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (spec.Examples.Count > 0)
                {
                    writer.WriteStartArray("examples");
                    foreach (ImportedExample example in spec.Examples)
                    {
                        writer.WriteStartObject();
                        if (!string.IsNullOrEmpty(example.Description))
                        {
                            writer.WriteString("description", example.Description);
                        }

                        if (example.Request != null)
                        {
                            writer.WritePropertyName("request");
                            example.Request.WriteTo(writer);
                        }

                        if (example.Response != null)
                        {
                            writer.WritePropertyName("response");
                            example.Response.WriteTo(writer);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }

        private static void Body(Utf8JsonWriter writer, string name, List<ImportedField> fields, bool request)
        {
            if (fields.Count == 0)
            {
                return;
            }

            writer.WriteStartObject(name);
            writer.WriteStartArray("fields");
            fields.ForEach(f => Field(writer, f, request));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static void Field(Utf8JsonWriter writer, ImportedField field, bool request)
        {
            writer.WriteStartObject();
            writer.WriteString("name", field.Name);
            writer.WriteString("type", field.Type.Kind);
            if (field.Type.Format != null && field.Enum.Count == 0)
            {
                writer.WriteString("format", field.Type.Format);
            }

            if (field.Description.Length > 0)
            {
                writer.WriteString("description", field.Description);
            }

            if (request && field.Required == true)
            {
                writer.WriteBoolean("required", true);
            }

            if (request && field.InQuery)
            {
                writer.WriteString("in", "query");
            }

            if (request && field.RequiredWhen is { } when)
            {
                writer.WriteStartObject("requiredWhen");
                writer.WriteString("field", when.Field);
                writer.WritePropertyName("equals");
                when.Value.WriteTo(writer);
                writer.WriteEndObject();
            }

            if (field.Type.Items == null)
            {
                TypeBody(writer, field.Type, field, request);
            }
            else
            {
                writer.WriteStartObject("items");
                Items(writer, field.Type.Items, field, request);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        private static void Items(Utf8JsonWriter writer, FieldType type, ImportedField field, bool request)
        {
            writer.WriteString("type", type.Kind);
            if (type.Format != null && field.Enum.Count == 0)
            {
                writer.WriteString("format", type.Format);
            }

            if (type.Items == null)
            {
                TypeBody(writer, type, field, request);
            }
            else
            {
                writer.WriteStartObject("items");
                Items(writer, type.Items, field, request);
                writer.WriteEndObject();
            }
        }

        /// <summary>What the innermost type carries: an enum, or an object's fields.</summary>
        private static void TypeBody(Utf8JsonWriter writer, FieldType type, ImportedField field, bool request)
        {
            if (field.Enum.Count > 0 && type.Kind is "string" or "integer")
            {
                writer.WriteStartArray("enum");
                foreach (ImportedEnumMember member in field.Enum)
                {
                    writer.WriteStartObject();
                    if (type.Kind == "integer")
                    {
                        writer.WriteNumber("value", int.Parse(member.Value, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        writer.WriteString("value", member.Value);
                    }

                    writer.WriteString("name", member.Name);
                    if (member.Description != null)
                    {
                        writer.WriteString("description", member.Description);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (type.Kind == "object")
            {
                writer.WriteStartArray("fields");
                field.Fields.ForEach(f => Field(writer, f, request));
                writer.WriteEndArray();
            }
        }
    }
}
