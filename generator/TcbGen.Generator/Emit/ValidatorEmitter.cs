using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// Emits <c>&lt;Prefix&gt;Validator</c>: every problem of a request in one pass, each with its wire path
    /// (<c>function_config.callbacks[1].env</c>). The same checks are emitted twice: <c>IsValid</c> stops at the
    /// first problem and allocates nothing, so valid calls cost no garbage; <c>Validate</c> collects them all.
    /// </summary>
    internal static partial class ValidatorEmitter
    {
        private const string Problem = CSharp.Runtime + ".TcbValidationProblem";
        private const string ProblemKind = CSharp.Runtime + ".TcbValidationProblemKind";
        private const string ProblemList = CSharp.List + "<" + Problem + ">";

        private enum Mode
        {
            IsValid,
            Collect,
        }

        /// <summary>Writes the validator; a spec without a request has nothing to validate and gets none.</summary>
        public static void Emit(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            if (spec.Request == null)
            {
                return;
            }

            writer.Line();
            string ns = options.Namespace;
            writer.Doc("summary", $"Checks a <see cref=\"{spec.RequestTypeName}\"/> before it is sent: required fields, conditional requirements and enum values.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} static partial class {spec.ValidatorClassName}");

            writer.Doc("summary", "Whether the request has no problem at all. Allocates nothing.");
            writer.Param("request", "The request to check.");
            writer.Doc("returns", "<see langword=\"true\"/> when <see cref=\"Validate\"/> would find nothing.");
            writer.Open($"public static bool IsValid(global::{ns}.{spec.RequestTypeName} request)");
            writer.Line("if (request == null) throw new global::System.ArgumentNullException(nameof(request));");
            writer.Line($"return IsValid{spec.RequestTypeName}(request);");
            writer.Close();
            writer.Line();

            writer.Doc("summary", "Finds every problem of the request in one pass.");
            writer.Param("request", "The request to check.");
            writer.Doc("returns", "Every problem, each located by its wire path; empty when the request is valid.");
            writer.Open($"public static global::System.Collections.Generic.IReadOnlyList<{Problem}> Validate(global::{ns}.{spec.RequestTypeName} request)");
            writer.Line("if (request == null) throw new global::System.ArgumentNullException(nameof(request));");
            writer.Line($"{ProblemList}? problems = null;");
            writer.Line($"Collect{spec.RequestTypeName}(request, string.Empty, ref problems);");
            writer.Line($"return problems ?? (global::System.Collections.Generic.IReadOnlyList<{Problem}>)global::System.Array.Empty<{Problem}>();");
            writer.Close();

            bool patterns = false;
            foreach (ObjectSpec type in RequestObjects(spec))
            {
                writer.Line();
                EmitObjectCheck(writer, type, ns, Mode.IsValid);
                writer.Line();
                EmitObjectCheck(writer, type, ns, Mode.Collect);
                patterns |= HasPatterns(type);
            }

            foreach (EnumSpec enumSpec in spec.Enums)
            {
                if (!enumSpec.IsRequestSide)
                {
                    continue;
                }

                writer.Line();
                writer.Open($"private static bool IsDefined(global::{ns}.{enumSpec.TypeName} value)");
                writer.OpenMembershipSwitch("value", enumSpec.Members.Count);
                foreach (EnumMemberSpec member in enumSpec.Members)
                {
                    writer.Line($"case global::{ns}.{enumSpec.TypeName}.{member.Name}:");
                }

                writer.CloseMembershipSwitch(enumSpec.Members.Count);
            }

            if (patterns)
            {
                writer.Line();
                EmitMatches(writer);
            }

            writer.Line();
            writer.Open($"private static void Add(ref {ProblemList}? problems, string path, {ProblemKind} kind, string message)");
            writer.Line($"(problems ??= new {ProblemList}()).Add(new {Problem}(path, kind, message));");
            writer.Close();

            writer.Close();
        }

        /// <summary>The request, then the request-side nested objects: every object the validator checks.</summary>
        private static IEnumerable<ObjectSpec> RequestObjects(EndpointSpec spec)
        {
            yield return spec.Request!;
            foreach (ObjectSpec nested in spec.NestedObjects)
            {
                if (nested.IsRequestSide)
                {
                    yield return nested;
                }
            }
        }

        private static void EmitObjectCheck(SourceWriter writer, ObjectSpec type, string ns, Mode mode)
        {
            if (mode == Mode.IsValid)
            {
                writer.Open($"private static bool IsValid{type.TypeName}(global::{ns}.{type.TypeName} value)");
            }
            else
            {
                writer.Open($"private static void Collect{type.TypeName}(global::{ns}.{type.TypeName} value, string path, ref {ProblemList}? problems)");
            }

            Dictionary<string, FieldSpec>? byPropertyName = null;
            foreach (FieldSpec field in type.Fields)
            {
                EmitFieldChecks(writer, type, field, ns, mode, ref byPropertyName);
            }

            if (mode == Mode.IsValid)
            {
                writer.Line("return true;");
            }

            writer.Close();
        }

        private static void EmitFieldChecks(SourceWriter writer, ObjectSpec owner, FieldSpec field, string ns, Mode mode, ref Dictionary<string, FieldSpec>? byPropertyName)
        {
            var path = new ProblemPath(field.WireName, 0);
            if (field.Required && !field.Type.IsValueType)
            {
                writer.Open($"if (value.{field.PropertyName} == null)");
                ReportAndClose(writer, mode, path, "Missing", new Message("{0} is required.", Subject.Field(field.WireName)));
            }

            if (field.RequiredWhen != null)
            {
                FieldSpec discriminator = Discriminator(owner, field.RequiredWhen, ref byPropertyName);
                string test = field.RequiredWhen.Value.Kind == ConstantKind.String
                    ? $"string.Equals(value.{discriminator.PropertyName}, {CSharp.Constant(field.RequiredWhen.Value, ns)}, global::System.StringComparison.Ordinal)"
                    : $"value.{discriminator.PropertyName} == {CSharp.Constant(field.RequiredWhen.Value, ns)}";
                if (discriminator.Default != null && discriminator.Default.WireText == field.RequiredWhen.Value.WireText)
                {
                    // WeChat takes the discriminator's default when it is not sent, so the condition holds then too.
                    test = $"({test} || value.{discriminator.PropertyName} == null)";
                }

                writer.Open($"if ({test} && value.{field.PropertyName} == null)");
                ReportAndClose(writer, mode, path, "MissingConditional", new Message("{0} is required when '{1}' is {2}.", Subject.Field(field.WireName), field.RequiredWhen.FieldWireName, field.RequiredWhen.Value.WireText));
            }

            EmitConstraintChecks(writer, field, mode);
            if (!NeedsValueChecks(field.Type))
            {
                return;
            }

            var access = ValueAccess.Property("value", field.PropertyName);
            bool nullable = !(field.Required && field.Type.IsValueType);
            if (nullable)
            {
                writer.OpenIfSet(access, field.Type.IsValueType);
            }

            EmitValueChecks(writer, field.Type, nullable && field.Type.IsValueType ? access.Unwrapped : access, path, field.WireName, ns, mode, 0);
            if (nullable)
            {
                writer.Close();
            }
        }

        /// <summary>
        /// The field whose value a conditional requirement depends on; the spec reader made sure it exists. The owner's
        /// fields are indexed by name on the first requirement, so an object with many of them costs linear time.
        /// </summary>
        private static FieldSpec Discriminator(ObjectSpec owner, RequiredWhenSpec requirement, ref Dictionary<string, FieldSpec>? byPropertyName)
        {
            if (byPropertyName == null)
            {
                byPropertyName = new Dictionary<string, FieldSpec>(owner.Fields.Count, System.StringComparer.Ordinal);
                foreach (FieldSpec field in owner.Fields)
                {
                    byPropertyName[field.PropertyName] = field;
                }
            }

            return byPropertyName.TryGetValue(requirement.FieldPropertyName, out FieldSpec? discriminator)
                ? discriminator
                : throw new System.InvalidOperationException("No field " + requirement.FieldPropertyName + " in " + owner.TypeName + ".");
        }

#pragma warning disable CS8524 // Exhaustive over the named checks: a new ValueCheck must be handled here (CS8509).
        private static bool NeedsValueChecks(TypeRef type) => type.Info.Check switch
        {
            ValueCheck.None => CSharpFieldTypes.Of(type).Check != null,
            ValueCheck.EnumMember => true,
            ValueCheck.NestedObject => true,
            ValueCheck.Items => type.Items!.Constraints != null || NeedsValueChecks(type.Items!),
        };
#pragma warning restore CS8524

        /// <summary>Checks a non-null value: enum membership, nested objects, array items.</summary>
        private static void EmitValueChecks(SourceWriter writer, TypeRef type, ValueAccess value, ProblemPath path, string what, string ns, Mode mode, int depth)
        {
            switch (type.Info.Check)
            {
                case ValueCheck.None:
                    if (CSharpFieldTypes.Of(type).Check is CSharpValueCheck check)
                    {
                        writer.Open($"if ({new CatalogExpression(check.Fails, value, type, ns)})");
                        ReportAndClose(writer, mode, path, check.ProblemKind, new Message(check.Message, Subject.Field(what)));
                    }

                    break;
                case ValueCheck.EnumMember:
                    writer.Open($"if (!IsDefined({value}))");
                    if (mode == Mode.IsValid)
                    {
                        writer.Line("return false;");
                    }
                    else
                    {
                        writer.Line($"Add(ref problems, path + {path.Wire:literal}{path.Indexes}, {ProblemKind}.InvalidEnumValue, \"'{what:escaped}' is \" + ((int){value}).ToString({CSharp.Invariant}) + \", which is not a value of {type.TypeName}.\");");
                    }

                    writer.Close();
                    break;
                case ValueCheck.NestedObject:
                    if (mode == Mode.IsValid)
                    {
                        writer.Line($"if (!IsValid{type.TypeName}({value})) return false;");
                    }
                    else
                    {
                        writer.Line($"Collect{type.TypeName}({value}, path + {path.Wire:literal}{path.Indexes} + \".\", ref problems);");
                    }

                    break;
                case ValueCheck.Items:
                    string index = Locals.Index(depth);
                    string item = Locals.Item(depth);
                    writer.Open($"for (int {index} = 0; {index} < {value}.Count; {index}++)");
                    writer.Line($"var {item} = {value}[{index}];");
                    ProblemPath itemPath = path.Item();
                    TypeRef items = type.Items!;
                    if (items.IsValueType)
                    {
                        EmitItemChecks(writer, items, new ValueAccess(item), itemPath, what, ns, mode, depth);
                    }
                    else
                    {
                        writer.Open($"if ({item} == null)");
                        ReportAndClose(writer, mode, itemPath, "Missing", new Message("{0} is null.", Subject.ItemOf(what)));
                        writer.Open($"else");
                        EmitItemChecks(writer, items, new ValueAccess(item), itemPath, what, ns, mode, depth);
                        writer.Close();
                    }

                    writer.Close();
                    break;
            }
        }

        /// <summary>A non-null array element: its own constraints, then what its type needs checked.</summary>
        private static void EmitItemChecks(SourceWriter writer, TypeRef items, ValueAccess item, ProblemPath itemPath, string what, string ns, Mode mode, int depth)
        {
            if (items.Constraints != null)
            {
                EmitConstraints(writer, items.Constraints, item, itemPath, Subject.ItemOf(what), mode);
            }

            EmitValueChecks(writer, items, item, itemPath, what + "[]", ns, mode, depth + 1);
        }

        /// <summary>
        /// The body of the failed check's <c>if</c>, which the caller opened: <c>IsValid</c> returns false, <c>Validate</c>
        /// adds the problem; then the <c>if</c> is closed.
        /// </summary>
        private static void ReportAndClose(SourceWriter writer, Mode mode, ProblemPath path, string kind, Message message)
        {
            if (mode == Mode.IsValid)
            {
                writer.Line("return false;");
            }
            else
            {
                writer.Line($"Add(ref problems, path + {path.Wire:literal}{path.Indexes}, {ProblemKind}.{kind}, {message.Text:literal});");
            }

            writer.Close();
        }
    }
}
