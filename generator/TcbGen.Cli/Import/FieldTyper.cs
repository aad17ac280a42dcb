using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>Turns a row's type, required and description cells into spec facts, recording every guess.</summary>
    internal static class FieldTyper
    {
        private static readonly Regex RequiredWhenChinese = new Regex("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=|==|为)\\s*['\"]?([A-Za-z0-9_\\-]+)['\"]?\\s*时\\s*(?:必填|必传|必须|必需)", RegexOptions.Compiled);
        private static readonly Regex RequiredWhenEnglish = new Regex("required (?:when|if) ([A-Za-z_][A-Za-z0-9_]*)\\s*(?:is|=|==)\\s*['\"]?([A-Za-z0-9_\\-]+)", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        private static readonly Regex InlineChoices = new Regex("(?:可选|可选值|取值)[:：为]?\\s*([A-Za-z0-9_]+(?:\\s*(?:或者|或|、|,|，|/|\\|)\\s*[A-Za-z0-9_]+)+)", RegexOptions.Compiled);
        private static readonly Regex LabelledCondition = new Regex("([^，,。;；:：()（）]{2,40}?)时(?:必填|必传)", RegexOptions.Compiled);
        private static readonly Regex LabelledValue = new Regex("([^，,。;；:：\\s]{2,20})\\s*[:：]\\s*(true|false|-?\\d+)", RegexOptions.Compiled);
        private static readonly Regex NamedTypeCell = new Regex("^(?:Array\\s*\\.?\\s*<\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*>|Array\\s+of\\s+([A-Z][A-Za-z0-9_]*)|([A-Z][A-Za-z0-9_]*)(?:\\[\\])?)$", RegexOptions.Compiled);
        private static readonly HashSet<string> PlainTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "string", "str", "number", "int", "integer", "int32", "int64", "uint", "uint32", "uint64", "long", "float", "double", "bool", "boolean",
            "object", "objectarray", "objarray", "array", "json", "arraybuffer", "enum", "strarray", "numarray", "boolarray", "intarray",
            "any", "date", "datetime", "timestamp", "buffer", "file", "text",
        };

        /// <summary>
        /// Names of numbers that outgrow int32: times, byte counts, message ids. Not every id: WeChat's category, template
        /// and type ids are small (the corpus' reviewed specs keep them int32); a large id shows in its example (ExampleTypes).
        /// </summary>
        private static readonly Regex LongHint = new Regex("(time|timestamp|_at|msgid|bytes)$", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>A size counted in bytes grows past int32; a size in other units ("memorysize", in MB) does not.</summary>
        private static readonly Regex ByteSize = new Regex("size$", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        private static readonly Regex Bytes = new Regex("字节|byte", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>A string cell whose description says the value is JSON text: 配置的json字符串, "Configured json character string".</summary>
        private static readonly Regex JsonTextWords = new Regex("json\\s*(?:字符串|串|character string|string|text)", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>True when a number's wire name says it outgrows int32 (a time, a byte count, a message id).</summary>
        public static bool NamesALargeNumber(string name) => LongHint.IsMatch(name);

        /// <summary>yes/是/Y/true/必填 → true; no/否/N/false/选填 → false; anything else → null (not a required cell).</summary>
        public static bool? ReadRequired(string? cell)
        {
            if (cell == null)
            {
                return null;
            }

            string c = cell.Trim().TrimEnd('.', '。').ToLowerInvariant();
            return c switch
            {
                "是" or "yes" or "y" or "true" or "必填" or "required" or "必须" or "必选" or "✓" or "✅" => true,
                "否" or "no" or "n" or "false" or "选填" or "非必填" or "optional" or "可选" => false,
                _ => null,
            };
        }

        /// <summary>
        /// The named type a type cell gives: <c>EnvInfo</c> of <c>Array.&lt;EnvInfo&gt;</c>, <c>Array&lt;EnvInfo&gt;</c>,
        /// <c>Array of EnvInfo</c>, <c>EnvInfo[]</c> or <c>EnvInfo</c>; null for the plain types (<c>Object</c>, <c>string</c>...).
        /// </summary>
        public static string? NamedType(string text)
        {
            Match match = NamedTypeCell.Match(text.Trim());
            if (!match.Success)
            {
                return null;
            }

            string type = match.Groups.Values.Skip(1).First(g => g.Success).Value;
            return PlainTypes.Contains(type.ToLowerInvariant()) ? null : type;
        }

        /// <summary>The spec type of a type cell, e.g. <c>array&lt;string&gt;</c> → array of string.</summary>
        public static FieldType ReadType(string fieldPath, string name, string text, string description, List<string> decisions)
        {
            string original = text.Trim();
            string t = original.ToLowerInvariant();

            // Array.<EnvInfo>, Array<string>, Array of Function, EnvInfo[]: the item type keeps its case (a named type).
            Match array = Regex.Match(original, "^array\\s*(?:\\.?\\s*<(.+)>|\\s+of\\s+(.+))$", RegexOptions.IgnoreCase);
            if (array.Success)
            {
                string item = array.Groups[1].Success ? array.Groups[1].Value : array.Groups[2].Value;
                if (NamedType(original) is { } itemType && !char.IsUpper(itemType[0]))
                {
                    // "Array.<trigger_name>": the older pages name an item type after a field of it, in lower case.
                    decisions.Add($"'{fieldPath}' is an array of the named type '{itemType}': its items are taken as objects.");
                    return new FieldType("array", Items: new FieldType("object"));
                }

                return new FieldType("array", Items: ReadType(fieldPath + "[]", name, item, string.Empty, decisions));
            }

            if (t.EndsWith("[]", StringComparison.Ordinal))
            {
                return new FieldType("array", Items: ReadType(fieldPath + "[]", name, original.Substring(0, original.Length - 2), string.Empty, decisions));
            }

            // strarray, numarray, boolarray, intarray (objarray below): the newer pages' arrays of scalars.
            Match scalarArray = Regex.Match(t, "^(str|string|num|number|int|integer|bool|boolean|float|double)\\s?array$");
            if (scalarArray.Success)
            {
                return new FieldType("array", Items: ReadType(fieldPath + "[]", name, scalarArray.Groups[1].Value, description, decisions));
            }

            if (NamedType(original) is { } named)
            {
                decisions.Add($"'{fieldPath}' has the named type '{named}': taken as an object, whose fields a '{named} 的结构' section gives.");
                return new FieldType("object");
            }

            switch (t)
            {
                case "string":
                case "str":
                    if (JsonTextWords.IsMatch(description))
                    {
                        decisions.Add($"'{fieldPath}' is a string its description calls a JSON string: taken as JSON text (format json).");
                        return FieldType.String with { Format = "json" };
                    }

                    return FieldType.String;
                case "bool":
                case "boolean":
                    return new FieldType("boolean");
                case "object":
                case "json":
                    return new FieldType("object");
                case "objectarray":
                case "objarray":
                case "object array":
                    return new FieldType("array", Items: new FieldType("object"));
                case "array":
                    decisions.Add($"'{fieldPath}': the page says only 'array'; its items are taken as objects if a sub-table follows, else as strings.");
                    return new FieldType("array", Items: FieldType.String);
                case "int64":
                case "long":
                case "uint32":
                case "uint64":
                    if (t == "uint32")
                    {
                        decisions.Add($"'{fieldPath}' is uint32 on the page: read as int64, since uint32 values pass int32's range.");
                    }

                    return new FieldType("integer", "int64");
                case "int":
                case "int32":
                case "integer":
                case "uint":
                    return new FieldType("integer");
                case "float":
                case "double":
                    return new FieldType("number");
                case "number":
                    if (Regex.IsMatch(description, "小数|浮点|金额|比例|\\b(ratios?|decimals?|float(ing)?|percent(age)?)\\b", RegexOptions.IgnoreCase))
                    {
                        decisions.Add($"'{fieldPath}' is 'number' and its description speaks of fractions: kept as a number (double).");
                        return new FieldType("number");
                    }

                    if (NamesALargeNumber(name) || ByteSize.IsMatch(name) && Bytes.IsMatch(description))
                    {
                        decisions.Add($"'{fieldPath}' is 'number' on the page: taken as a 64-bit integer (its name suggests a time, a size in bytes or an id).");
                        return new FieldType("integer", "int64");
                    }

                    decisions.Add($"'{fieldPath}' is 'number' on the page: taken as a 32-bit integer.");
                    return new FieldType("integer");
                default:
                    decisions.Add($"'{fieldPath}' has the unknown type '{text}': taken as a string.");
                    return FieldType.String;
            }
        }

        /// <summary>"action=set时必填" → (action, "set"); the value's JSON type is settled once the sibling's type is known.</summary>
        public static (string Field, string Value)? ReadRequiredWhen(string description)
        {
            Match match = RequiredWhenChinese.Match(description);
            if (!match.Success)
            {
                match = RequiredWhenEnglish.Match(description);
            }

            return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
        }

        /// <summary>
        /// "生成到期失效的scheme时必填" beside a sibling described "到期失效:true,永久有效:false": the condition names one of
        /// the sibling's labelled values, so the field is required when the sibling has that value.
        /// </summary>
        public static (string Field, string Value)? ReadRequiredWhenLabelled(string description, IEnumerable<ImportedField> siblings)
        {
            Match condition = LabelledCondition.Match(description);
            if (!condition.Success)
            {
                return null;
            }

            foreach (ImportedField sibling in siblings)
            {
                foreach (Match label in LabelledValue.Matches(sibling.Description))
                {
                    if (condition.Groups[1].Value.Contains(label.Groups[1].Value, StringComparison.Ordinal))
                    {
                        return (sibling.Name, label.Groups[2].Value);
                    }
                }
            }

            return null;
        }

        /// <summary>Says the field may be left out ("若不填则不更新", "选填", "optional").</summary>
        public static bool SaysOptional(string description)
            => Regex.IsMatch(description, "若不填|不填则|可不填|非必填|选填|不传则|可不传|\\boptional\\b|if not (filled|set|passed)", RegexOptions.IgnoreCase);

        /// <summary>"可选get或者set" → get, set.</summary>
        public static IReadOnlyList<string> InlineEnumValues(string description)
        {
            Match match = InlineChoices.Match(description);
            if (!match.Success)
            {
                return Array.Empty<string>();
            }

            return Regex.Split(match.Groups[1].Value, "\\s*(?:或者|或|、|,|，|/|\\|)\\s*").Where(v => v.Length > 0).Distinct().ToList();
        }

        /// <summary>The requiredWhen value as JSON of the discriminator's type.</summary>
        public static JsonNode? TypedValue(string value, FieldType discriminator)
        {
            switch (discriminator.Kind)
            {
                case "boolean":
                    return value.Equals("true", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(true)
                        : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(false) : null;
                case "integer":
                    return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) ? JsonValue.Create(number) : null;
                case "string":
                    return JsonValue.Create(value);
                default:
                    return null;
            }
        }
    }
}
