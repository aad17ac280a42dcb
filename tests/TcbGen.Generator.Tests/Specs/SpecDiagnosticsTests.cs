using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using static TcbGen.Generator.Tests.Infrastructure.DiagnosticAssert;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// Every TCB diagnostic the spec parser and the cross-spec checker can report: its id, the file, the exact
    /// line and column it points at, and a message that names the problem. A broken spec is not generated; the rest are.
    /// </summary>
    public sealed class SpecDiagnosticsTests
    {
        private const string ProbeFile = "probeEnv.tcb.json";
        private const string ProbePath = "/specs/" + ProbeFile;

        /// <summary>A valid spec; each case below breaks it with one textual replacement.</summary>
        private static readonly string Probe = """
            {
              "$schema": "./schema/tcb-endpoint.schema.json",
              "name": "probeEnv",
              "title": "Probe an environment (test)",
              "permissionSets": [49, 64],
              "method": "POST",
              "path": "/tcb/probeenv",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": {
                "fields": [
                  { "name": "env", "type": "string", "required": true },
                  { "name": "mode", "type": "string", "enum": [{ "value": "fast", "name": "Fast" }, { "value": "slow", "name": "Slow" }] },
                  { "name": "limit", "type": "integer" }
                ]
              },
              "response": {
                "fields": [
                  { "name": "status", "type": "string" }
                ]
              },
              "errors": [
                { "code": 40014, "name": "InvalidAccessToken", "message": "invalid access_token" },
                { "code": 40101, "name": "MissingParameter", "message": "missing parameter" }
              ]
            }
            """.Replace("\r\n", "\n");

        private const string EnvField = """{ "name": "env", "type": "string", "required": true }""";
        private const string LimitField = """{ "name": "limit", "type": "integer" }""";
        private const string StatusField = """{ "name": "status", "type": "string" }""";
        private const string SlowEntry = """{ "value": "slow", "name": "Slow" }""";
        private const string SecondError = """{ "code": 40101, "name": "MissingParameter", "message": "missing parameter" }""";

        private static readonly string[] SeedPrefixes = { "ChangeTcbEnv", "CreateCloudUser", "SetCallBackConfig", "SetCloudAccessToken" };

        [Fact]
        public void ProbeSpecIsValidAndGenerates()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, Probe) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeEnv.g.cs");
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        /// <summary>
        /// One broken probe spec next to the four seed specs: exactly one diagnostic, exactly where expected;
        /// the probe generates nothing and every seed is still generated.
        /// </summary>
        [Theory]
        // TCB0001: not JSON.
        [InlineData("TCB0001", SecondError, SecondError + ",", "]\n}", "]", "trailing comma")]
        [InlineData("TCB0001", "\"title\": \"Probe an environment (test)\"", "\"title\": \"Probe \\q\"", "\\q", null, "'\\q'")]
        [InlineData("TCB0001", "\"name\": \"probeEnv\",", "// the name\n  \"name\": \"probeEnv\",", "// the name", "/", "property name")]
        // TCB0002: a required property is missing.
        [InlineData("TCB0002", "  \"path\": \"/tcb/probeenv\",\n", "", "{\n  \"$schema\"", "{", "'path'")]
        [InlineData("TCB0002", "  \"name\": \"probeEnv\",\n", "", "{\n  \"$schema\"", "{", "'name'")]
        [InlineData("TCB0002", LimitField, "{ \"name\": \"limit\" }", "{ \"name\": \"limit\" }", "{", "'type'")]
        [InlineData("TCB0002", LimitField, "{ \"name\": \"limit\", \"type\": \"array\" }", "{ \"name\": \"limit\", \"type\": \"array\" }", "{", "'items'")]
        // TCB0003: wrong JSON type.
        [InlineData("TCB0003", "\"retrySafe\": true", "\"retrySafe\": \"yes\"", "\"yes\"", null, "'retrySafe'")]
        [InlineData("TCB0003", "[49, 64]", "[49, 1.5]", "1.5", null, "permission set")]
        [InlineData("TCB0003", "\"code\": 40101,", "\"code\": 40101.0,", "40101.0", null, "40101.0")]
        [InlineData("TCB0003", "\"title\": \"Probe an environment (test)\"", "\"title\": \"Probe\",\n  \"notes\": [\"ok\", 42]", "42", null, "note")]
        [InlineData("TCB0003", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"secret\": \"yes\" }", "\"yes\"", null, "'secret'")]
        // TCB0004: unknown property.
        [InlineData("TCB0004", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"requird\": true }", "\"requird\"", null, "'requird'")]
        [InlineData("TCB0004", "\"retrySafe\": true,", "\"retrySafe\": true,\n  \"default\": 1,", "\"default\"", null, "'default'")]
        // TCB0005: a key given twice.
        [InlineData("TCB0005", "\"retrySafe\": true,", "\"retrySafe\": true,\n  \"retrySafe\": false,", "\"retrySafe\": false", "\"retrySafe\"", "'retrySafe' is given twice")]
        // TCB0006: unknown field type.
        [InlineData("TCB0006", LimitField, "{ \"name\": \"limit\", \"type\": \"strng\" }", "\"strng\"", null, "'strng'")]
        // TCB0007: bad values.
        [InlineData("TCB0007", "\"method\": \"POST\"", "\"method\": \"PUT\"", "\"PUT\"", null, "'PUT'")]
        [InlineData("TCB0007", "\"method\": \"POST\"", "\"method\": \"POST\", \"requestBody\": \"xml\"", "\"xml\"", null, "'requestBody' is 'xml'")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"in\": \"header\" }", "\"header\"", null, "'in' is 'header'")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"array\", \"items\": { \"type\": \"integer\" }, \"in\": \"query\" }", "\"query\"", null, "cannot be sent in the query")]
        [InlineData("TCB0007", "\"/tcb/probeenv\"", "\"tcb/probeenv\"", "\"tcb/probeenv\"", null, "'path' must start with '/'")]
        [InlineData("TCB0007", "\"/tcb/probeenv\"", "\"/tcb/probeenv?x=1\"", "\"/tcb/probeenv?x=1\"", null, "'path'")]
        [InlineData("TCB0007", "[\"authorizer_access_token\"]", "[\"authorizer_token\"]", "\"authorizer_token\"", null, "'authorizer_token'")]
        [InlineData("TCB0007", "[\"authorizer_access_token\"]", "[]", "\"tokenKinds\": []", "[]", "'tokenKinds'")]
        [InlineData("TCB0007", "[\"authorizer_access_token\"]", "[\"authorizer_access_token\", \"authorizer_access_token\"]", ", \"authorizer_access_token\"]", "\"authorizer_access_token\"", "'authorizer_access_token' is listed twice")]
        [InlineData("TCB0007", "\"retrySafe\": true,", "\"tokenParameter\": \"Access-Token\",\n  \"retrySafe\": true,", "\"Access-Token\"", null, "'tokenParameter' 'Access-Token'")]
        [InlineData("TCB0007", "\"retrySafe\": true,", "\"tokenless\": true,\n  \"retrySafe\": true,", "[\"authorizer_access_token\"]", "[", "'tokenKinds' must be left out when 'tokenless' is true")]
        [InlineData("TCB0007", "\"tokenKinds\": [\"authorizer_access_token\"],", "\"tokenless\": true,\n  \"tokenParameter\": \"component_access_token\",", "\"component_access_token\"", null, "'tokenless' says this endpoint takes none")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"int16\" }", "\"int16\"", null, "'int16'")]
        [InlineData("TCB0007", "[49, 64]", "[49, 0]", "[49, 0]", "0", "Permission set id 0")]
        [InlineData("TCB0007", "[49, 64]", "[-3, 64]", "-3", null, "Permission set id -3")]
        [InlineData("TCB0007", "[49, 64]", "[49, 2147483648]", "2147483648", null, "Permission set id 2147483648")]
        [InlineData("TCB0007", "[49, 64]", "[49, 99999999999999999999]", "99999999999999999999", null, "Permission set id 99999999999999999999")]
        [InlineData("TCB0007", "\"code\": 40101,", "\"code\": 2147483648,", "2147483648", null, "32-bit")]
        [InlineData("TCB0007", "\"name\": \"probeEnv\"", "\"name\": \"\", \"csharpName\": \"ProbeEnv\"", "\"\"", null, "'name' must not be empty")]
        // TCB0008: a field declared twice.
        [InlineData("TCB0008", LimitField, LimitField + ",\n      { \"name\": \"env\", \"type\": \"boolean\" }", "{ \"name\": \"env\", \"type\": \"boolean\" }", "{", "'env'")]
        [InlineData("TCB0008", LimitField, "{ \"name\": \"a_b\", \"type\": \"integer\" },\n      { \"name\": \"aB\", \"type\": \"integer\" }", "{ \"name\": \"aB\"", "{", "'AB'")]
        // TCB0009: an error declared twice.
        [InlineData("TCB0009", "\"code\": 40101,", "\"code\": 40014,", "40014, \"name\": \"MissingParameter\"", "40014", "40014")]
        [InlineData("TCB0009", "\"name\": \"MissingParameter\"", "\"name\": \"InvalidAccessToken\"", "\"InvalidAccessToken\", \"message\": \"missing parameter\"", "\"InvalidAccessToken\"", "'InvalidAccessToken'")]
        // TCB0010: not a C# identifier.
        [InlineData("TCB0010", EnvField, "{ \"name\": \"env\", \"csharpName\": \"class\", \"type\": \"string\", \"required\": true }", "\"class\"", null, "'class' is a C# keyword")]
        [InlineData("TCB0010", LimitField, "{ \"name\": \"2fa\", \"type\": \"integer\" }", "\"2fa\"", null, "'2fa'")]
        [InlineData("TCB0010", "\"MissingParameter\"", "\"Missing-Parameter\"", "\"Missing-Parameter\"", null, "'Missing-Parameter' contains '-'")]
        [InlineData("TCB0010", "\"name\": \"Slow\"", "\"name\": \"Very Slow\"", "\"Very Slow\"", null, "'Very Slow'")]
        // One bad endpoint name is reported once, not again for every type name derived from it (the enum of 'mode').
        [InlineData("TCB0010", "\"name\": \"probeEnv\",", "\"name\": \"probeEnv\", \"csharpName\": \"Probe.Env\",", "\"Probe.Env\"", null, "'Probe.Env' contains '.'")]
        // TCB0011: requiredWhen names no sibling.
        [InlineData("TCB0011", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"requiredWhen\": { \"field\": \"nope\", \"equals\": 1 } }", "\"nope\"", null, "'nope'")]
        [InlineData("TCB0011", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"requiredWhen\": { \"field\": \"limit\", \"equals\": 1 } }", "\"field\": \"limit\"", "\"limit\"", "'limit'")]
        // TCB0012: requiredWhen value does not fit.
        [InlineData("TCB0012", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"requiredWhen\": { \"field\": \"mode\", \"equals\": \"medium\" } }", "\"medium\"", null, "'mode'")]
        [InlineData("TCB0012", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"requiredWhen\": { \"field\": \"env\", \"equals\": 5 } }", "\"equals\": 5", "5", "'env' (string) can never hold")]
        [InlineData("TCB0012", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"requiredWhen\": { \"field\": \"limit\", \"equals\": 5000000000 } }", "5000000000", null, "'limit' (int32) can never hold")]
        // TCB0014: two types of one spec with the same C# name.
        [InlineData("TCB0014", LimitField, "{ \"name\": \"extra\", \"type\": \"object\", \"typeName\": \"ProbeEnvRequest\", \"fields\": [] }", "\"ProbeEnvRequest\"", null, "'ProbeEnvRequest'")]
        [InlineData("TCB0014", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"enum\": [{ \"value\": 1, \"name\": \"One\" }], \"typeName\": \"ProbeEnvMode\" }", "\"ProbeEnvMode\"", null, "'ProbeEnvMode'")]
        // TCB0016: bad enums.
        [InlineData("TCB0016", "\"enum\": [{ \"value\": \"fast\", \"name\": \"Fast\" }, " + SlowEntry + "]", "\"enum\": []", "\"enum\": []", "[]", "at least one value")]
        [InlineData("TCB0016", SlowEntry, "{ \"value\": \"fast\", \"name\": \"Quick\" }", "{ \"value\": \"fast\", \"name\": \"Quick\" }", "{", "fast is listed twice")]
        [InlineData("TCB0016", SlowEntry, "{ \"value\": \"slow\", \"name\": \"Fast\" }", "{ \"value\": \"slow\", \"name\": \"Fast\" }", "{", "'Fast' is used twice")]
        [InlineData("TCB0016", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"enum\": [{ \"value\": \"one\", \"name\": \"One\" }] }", "\"one\"", null, "must be a 32-bit integer")]
        [InlineData("TCB0016", SlowEntry, "{ \"value\": 2, \"name\": \"Slow\" }", "2, \"name\": \"Slow\"", "2", "must be a string, not a number")]
        // TCB0017: reserved names.
        [InlineData("TCB0017", StatusField, StatusField + ",\n      { \"name\": \"errcode\", \"type\": \"integer\" }", "{ \"name\": \"errcode\"", "{", "'errcode'")]
        [InlineData("TCB0017", StatusField, "{ \"name\": \"error_code\", \"type\": \"integer\" }", "{ \"name\": \"error_code\"", "{", "'ErrorCode'")]
        [InlineData("TCB0017", StatusField, "{ \"name\": \"status\", \"csharpName\": \"ErrorMessage\", \"type\": \"string\" }", "{ \"name\": \"status\", \"csharpName\"", "{", "'ErrorMessage'")]
        [InlineData("TCB0017", LimitField, "{ \"name\": \"page\", \"type\": \"object\", \"typeName\": \"Cursor\", \"fields\": [{ \"name\": \"cursor\", \"type\": \"string\" }] }", "{ \"name\": \"cursor\"", "{", "'Cursor'")]
        // TCB0018: a property that does not apply.
        [InlineData("TCB0018", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"fields\": [] }", "\"fields\": [] }", "\"fields\"", "'fields' does not apply")]
        [InlineData("TCB0018", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"requiredWhen\": { \"field\": \"x\", \"equals\": 1 } }", "\"requiredWhen\"", null, "'requiredWhen' does not apply here: a response field is required always or never")]
        [InlineData("TCB0003", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"required\": \"always\" }", "\"always\"", null, "'required'")]
        [InlineData("TCB0018", StatusField, "{ \"name\": \"status\", \"type\": \"boolean\", \"format\": \"int32\" }", "\"format\"", null, "'format' does not apply")]
        // Time types: a format the catalog does not have, and the properties a time does not take.
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"unix-minutes\" }", "\"unix-minutes\"", null, "'unix-minutes' is not a format of integers; use \"int32\", \"int64\", \"unix-seconds\", \"unix-milliseconds\"")]
        [InlineData("TCB0007", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"format\": \"int32\" }", "\"int32\"", null, "'int32' is not a format of strings; use \"wechat-datetime\"")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"unix-seconds\", \"enum\": [{ \"value\": 1, \"name\": \"One\" }] }", "\"unix-seconds\"", null, "remove 'format'")]
        [InlineData("TCB0018", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"format\": \"wechat-datetime\", \"enum\": [{ \"value\": \"a\", \"name\": \"A\" }] }", "\"wechat-datetime\"", null, "A string enum has no format")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"unix-seconds\", \"maximum\": 5 }", "\"maximum\"", null, "only integers and numbers have a range, not a time")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"string\", \"format\": \"wechat-datetime\", \"pattern\": \"^2\" }", "\"pattern\"", null, "not a time")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"unix-milliseconds\", \"default\": 0 }", "0 }", "0", "(not times or JSON text)")]
        [InlineData("TCB0012", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"requiredWhen\": { \"field\": \"until\", \"equals\": 5 } }, { \"name\": \"until\", \"type\": \"integer\", \"format\": \"unix-seconds\" }", "\"equals\": 5", "5", "'until' is a unix time in seconds")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"int64\", \"enum\": [{ \"value\": 1, \"name\": \"One\" }] }", "\"int64\"", null, "remove 'format'")]
        [InlineData("TCB0018", "\"method\": \"POST\"", "\"method\": \"GET\", \"requestBody\": \"json\"", "\"json\"", null, "has no body")]
        // A caller-supplied body and JSON text: only on a POST; a format of strings only; no constraint or default.
        [InlineData("TCB0018", "\"method\": \"POST\"", "\"method\": \"GET\", \"requestBody\": \"caller-json\"", "\"caller-json\"", null, "has no body")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"format\": \"json\" }", "\"json\"", null, "'json' is not a format of integers")]
        [InlineData("TCB0018", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"format\": \"json\", \"required\": true, \"maxLength\": 3 }", "\"maxLength\"", null, "not JSON text")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"string\", \"format\": \"json\", \"default\": \"{}\" }", "\"{}\"", null, "(not times or JSON text)")]
        [InlineData("TCB0018", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"in\": \"query\" }", "\"in\"", null, "'in' does not apply")]
        [InlineData("TCB0017", StatusField, "{ \"name\": \"status\", \"type\": \"string\", \"enum\": [{ \"value\": \"x\", \"name\": \"IsKnown\" }] }", "{ \"value\": \"x\"", "{", "'IsKnown'")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"required\": true, \"requiredWhen\": { \"field\": \"env\", \"equals\": \"x\" } }", "{ \"field\": \"env\"", "{", "both 'required' and 'requiredWhen'")]
        // Error sets: an unknown set, a row renaming an included code, a row of its own without a name.
        [InlineData("TCB0019", "\"errors\": [", "\"errorSets\": [\"wechet\"],\n  \"errors\": [", "\"wechet\"", null, "no error set named 'wechet'")]
        [InlineData("TCB0015", "\"errors\": [\n    { \"code\": 40014, \"name\": \"InvalidAccessToken\"", "\"errorSets\": [\"wechat\"],\n  \"errors\": [\n    { \"code\": 40014, \"name\": \"AccessTokenInvalid\"", "\"AccessTokenInvalid\"", null, "named 'InvalidAccessToken' in an included error set")]
        [InlineData("TCB0002", SecondError, "{ \"code\": 40101, \"message\": \"missing parameter\" }", "{ \"code\": 40101, \"message\"", "{", "'name'")]
        [InlineData("TCB0007", "\"errors\": [", "\"errorSets\": [\"wechat\", \"wechat\"],\n  \"errors\": [", "\"wechat\"],", "\"wechat\"", "included twice")]
        // Constraints: a pattern that does not compile, bounds that exclude everything, a constraint on the wrong type, a constant of the wrong type.
        [InlineData("TCB0007", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"pattern\": \"[a-z\" }", "\"[a-z\"", null, "not a .NET regular expression")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"minimum\": 10, \"maximum\": 5 }", "5 }", "5", "'maximum' 5 is below 'minimum' 10")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"const\": \"5\" }", "\"5\"", null, "'const' must be")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"array\", \"items\": { \"type\": \"integer\" }, \"maxItems\": -1 }", "-1", null, "'maxItems' must be from 0")]
        [InlineData("TCB0003", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"maximum\": 7200.5 }", "7200.5", null, "'maximum'")]
        [InlineData("TCB0018", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"maximum\": 3 }", "\"maximum\"", null, "only integers and numbers have a range")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"minLength\": 3 }", "\"minLength\"", null, "only strings have a length")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"array\", \"items\": { \"type\": \"integer\", \"maxLength\": 3 } }", "\"maxLength\"", null, "only strings have a length")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"array\", \"items\": { \"type\": \"string\", \"pattern\": \"(\" } }", "\"(\"", null, "not a .NET regular expression")]
        [InlineData("TCB0018", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"minItems\": 1 }", "\"minItems\"", null, "only arrays have an item count")]
        [InlineData("TCB0018", "\"name\": \"mode\", \"type\": \"string\", \"enum\"", "\"name\": \"mode\", \"type\": \"string\", \"const\": \"fast\", \"enum\"", "\"const\"", null, "only strings, integers and booleans can be constant, not an enum")]
        // Defaults: of the wrong type, not one of the enum's values, on a type without one, on a required field.
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"default\": \"ten\" }", "\"ten\"", null, "'default' must be a value 'limit' can hold")]
        [InlineData("TCB0007", "\"name\": \"mode\", \"type\": \"string\", \"enum\"", "\"name\": \"mode\", \"type\": \"string\", \"default\": \"medium\", \"enum\"", "\"medium\"", null, "one of its enum values")]
        [InlineData("TCB0007", LimitField, "{ \"name\": \"limit\", \"type\": \"number\", \"default\": \"1.5\" }", "\"1.5\"", null, "'default' must be a value 'limit' can hold (a number")]
        [InlineData("TCB0018", LimitField, "{ \"name\": \"limit\", \"type\": \"array\", \"items\": { \"type\": \"integer\" }, \"default\": 1 }", "1 }", "1", "'default' applies to strings, booleans, integers, numbers and enums only")]
        [InlineData("TCB0018", EnvField, "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"default\": \"x\" }", "\"default\"", null, "A required field has no default")]
        public void BrokenSpecReportsOneLocatedDiagnosticAndTheSeedsStillGenerate(string id, string find, string replace, string atContext, string? atTarget, string messagePart)
        {
            string json = ReplaceOnce(Probe, find, replace);
            var specs = new List<AdditionalText>(GeneratorHarness.SeedSpecs()) { GeneratorHarness.Spec(ProbeFile, json) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic diagnostic = SingleDiagnostic(outcome);
            AssertDiagnostic(diagnostic, id, ProbePath, At(json, atContext, atTarget), messagePart);
            AssertNoSourceFor(outcome, "ProbeEnv", "Endpoint");
            AssertSeedsGenerated(outcome);
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, specs);
        }

        [Theory]
        [InlineData("empty file", "", 0, 0, "empty")]
        [InlineData("whitespace only", "  \n\t\n", 0, 0, "empty")]
        [InlineData("unterminated string", "{\n  \"name\": \"probeEnv", 1, 10, "not terminated")]
        [InlineData("text after the value", "{}\n{}", 1, 0, "after the end")]
        [InlineData("a single quote", "{\n  'name': 1\n}", 1, 2, "double quotes")]
        [InlineData("a control character in a string", "{ \"name\": \"a\tb\" }", 0, 12, "control character")]
        public void InvalidJsonIsReportedWhereTheParserStopped(string what, string json, int line, int column, string messagePart)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, json) });

            Diagnostic diagnostic = SingleDiagnostic(outcome, what);
            AssertDiagnostic(diagnostic, "TCB0001", ProbePath, (line, column), messagePart);
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, new[] { GeneratorHarness.Spec(ProbeFile, json) });
            Assert.Empty(outcome.Sources);
        }

        [Fact]
        public void JsonNestedDeeperThan64LevelsIsInvalidJson()
        {
            string json = new string('[', 65) + new string(']', 65);

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, json) });

            // The 65th '[' is where the limit is crossed.
            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0001", ProbePath, (0, 64), "deeper than 64");
        }

        [Theory]
        [InlineData("[1, 2]", "an array")]
        [InlineData("\"probeEnv\"", "a string")]
        [InlineData("null", "null")]
        [InlineData("42", "a number")]
        public void SpecThatIsNotAnObjectIsTheWrongJsonType(string json, string kindName)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, json) });

            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0003", ProbePath, (0, 0), "must be a JSON object, not " + kindName);
            Assert.Empty(outcome.Sources);
        }

        [Fact]
        public void SameEndpointInTwoFilesIsReportedOnTheLaterFileAndTheEarlierStillGenerates()
        {
            string earlier = Probe;
            string later = ReplaceOnce(Probe, "\"name\": \"probeEnv\",", "\"name\": \"probeEnv\",\n  \"csharpName\": \"ProbeEnvTwo\",");
            var specs = new List<AdditionalText>
            {
                // Given out of path order: "later" must still lose, because the order is by ordinal path.
                GeneratorHarness.Spec("b-probe.tcb.json", later),
                GeneratorHarness.Spec("a-probe.tcb.json", earlier),
            };
            specs.AddRange(GeneratorHarness.SeedSpecs());

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic diagnostic = SingleDiagnostic(outcome);
            AssertDiagnostic(diagnostic, "TCB0013", "/specs/b-probe.tcb.json", At(later, "\"probeEnv\""), "'probeEnv' is already declared in a-probe.tcb.json");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, specs);
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeEnv.g.cs");
            AssertNoSourceFor(outcome, "ProbeEnvTwo");
            AssertSeedsGenerated(outcome, extraEndpoints: 1);
        }

        [Fact]
        public void TwoNamesWithTheSamePrefixAreTheSameEndpoint()
        {
            string later = ReplaceOnce(Probe, "\"name\": \"probeEnv\"", "\"name\": \"ProbeEnv\"");
            var specs = new[]
            {
                GeneratorHarness.Spec("probeEnv.tcb.json", Probe),
                GeneratorHarness.Spec("ProbeEnv2.tcb.json", later),
            };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            // "/specs/ProbeEnv2..." sorts before "/specs/probeEnv..." ordinally ('P' < 'p'), so the lower-case file loses.
            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0013", "/specs/probeEnv.tcb.json", At(Probe, "\"probeEnv\""), "'probeEnv' is already declared in ProbeEnv2.tcb.json");
            Assert.Single(outcome.Sources, s => s.HintName == "ProbeEnv.g.cs");
        }

        [Fact]
        public void NestedTypeNameCollidingAcrossSpecsIsReportedAtTheLaterTypeName()
        {
            const string Shared = "{ \"name\": \"info\", \"type\": \"object\", \"typeName\": \"SharedInfo\", \"fields\": [] }";
            string first = ReplaceOnce(Probe, StatusField, Shared);
            string second = ReplaceOnce(
                ReplaceOnce(ReplaceOnce(first, "\"name\": \"probeEnv\"", "\"name\": \"probeOther\""), "/tcb/probeenv", "/tcb/probeother"),
                "\"fields\": [] }",
                "\"fields\": [{ \"name\": \"size\", \"type\": \"integer\" }] }");
            var specs = new[]
            {
                GeneratorHarness.Spec("probeOther.tcb.json", second),
                GeneratorHarness.Spec("probeEnv.tcb.json", first),
            };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0014", "/specs/probeOther.tcb.json", At(second, "\"SharedInfo\""), "'SharedInfo'", "probeEnv.tcb.json", "another shape");
            EmulatorAgreement.AssertRejectsLikeTheBuild(SingleDiagnostic(outcome), specs);
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeEnv.g.cs");
            AssertNoSourceFor(outcome, "ProbeOther");
        }

        [Fact]
        public void EveryTypeNameCollisionOfASpecIsReportedInOneBuildEachAtItsTypeName()
        {
            string first = ReplaceOnce(Probe, StatusField, "{ \"name\": \"a\", \"type\": \"object\", \"typeName\": \"InfoA\", \"fields\": [] }, { \"name\": \"b\", \"type\": \"integer\", \"typeName\": \"InfoB\", \"enum\": [{ \"value\": 1, \"name\": \"One\" }] }");
            string second = ReplaceOnce(
                ReplaceOnce(ReplaceOnce(Probe, "\"name\": \"probeEnv\"", "\"name\": \"probeOther\""), "/tcb/probeenv", "/tcb/probeother"),
                StatusField,
                "{ \"name\": \"a\", \"type\": \"object\", \"typeName\": \"InfoA\", \"fields\": [{ \"name\": \"x\", \"type\": \"string\" }] }, { \"name\": \"b\", \"type\": \"integer\", \"typeName\": \"InfoB\", \"enum\": [{ \"value\": 2, \"name\": \"Two\" }] }");
            var specs = new[] { GeneratorHarness.Spec("a.tcb.json", first), GeneratorHarness.Spec("b.tcb.json", second) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic[] diagnostics = outcome.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ToArray();
            Assert.Equal(2, diagnostics.Length);
            AssertDiagnostic(diagnostics[0], "TCB0014", "/specs/b.tcb.json", At(second, "\"InfoA\""), "'InfoA'");
            AssertDiagnostic(diagnostics[1], "TCB0014", "/specs/b.tcb.json", At(second, "\"InfoB\""), "'InfoB'");
        }

        [Fact]
        public void TheSameShapeDeclaredInTwoSpecsIsOneType()
        {
            const string Shared = "{ \"name\": \"info\", \"type\": \"object\", \"typeName\": \"SharedInfo\", \"description\": \"One.\", \"fields\": [{ \"name\": \"mode\", \"type\": \"integer\", \"typeName\": \"SharedMode\", \"enum\": [{ \"value\": 1, \"name\": \"On\" }] }] }";
            string first = ReplaceOnce(Probe, StatusField, Shared);
            string second = ReplaceOnce(
                ReplaceOnce(ReplaceOnce(first, "\"name\": \"probeEnv\"", "\"name\": \"probeOther\""), "/tcb/probeenv", "/tcb/probeother"),
                "\"One.\"",
                "\"The same, described otherwise.\"");
            var specs = new[] { GeneratorHarness.Spec("probeOther.tcb.json", second), GeneratorHarness.Spec("probeEnv.tcb.json", first) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains("class SharedInfo", outcome.Source("ProbeEnv.g.cs"));
            Assert.DoesNotContain("class SharedInfo", outcome.Source("ProbeOther.g.cs"));
            Assert.Contains("ReadSharedInfo", outcome.Source("ProbeOther.g.cs"));
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Fact]
        public void ABodyFieldBesideACallerSuppliedBodyIsReported()
        {
            string json = ReplaceOnce(ReplaceOnce(Probe, "\"method\": \"POST\"", "\"method\": \"POST\", \"requestBody\": \"caller-json\""), LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"in\": \"body\" }");
            AdditionalText[] specs = { GeneratorHarness.Spec(ProbeFile, json) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0007", ProbePath, At(json, "\"body\""), "no body of fields (\"requestBody\": \"caller-json\")");
            EmulatorAgreement.AssertRejectsLikeTheBuild(SingleDiagnostic(outcome), specs);
        }

        [Fact]
        public void ABodyFieldOnAGetRequestIsReported()
        {
            string json = ReplaceOnce(ReplaceOnce(Probe, "\"method\": \"POST\"", "\"method\": \"GET\""), LimitField, "{ \"name\": \"limit\", \"type\": \"integer\", \"in\": \"body\" }");
            AdditionalText[] specs = { GeneratorHarness.Spec(ProbeFile, json) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0007", ProbePath, At(json, "\"body\""), "this request has no body (GET)");
            EmulatorAgreement.AssertRejectsLikeTheBuild(SingleDiagnostic(outcome), specs);
        }

        [Fact]
        public void TypeNameTakingAGeneratedClientNameIsReported()
        {
            string json = ReplaceOnce(Probe, StatusField, "{ \"name\": \"info\", \"type\": \"object\", \"typeName\": \"TcbAuthorizerClient\", \"fields\": [] }");

            AdditionalText[] specs = new[] { GeneratorHarness.Spec(ProbeFile, json) }.Concat(GeneratorHarness.SeedSpecs()).ToArray();
            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0014", ProbePath, At(json, "\"TcbAuthorizerClient\""), "'TcbAuthorizerClient'", "TcbGen itself");
            // The emulator used to pass no reserved names and accepted this spec.
            EmulatorAgreement.AssertRejectsLikeTheBuild(SingleDiagnostic(outcome), specs);
            AssertNoSourceFor(outcome, "ProbeEnv");
            AssertSeedsGenerated(outcome);
        }

        [Fact]
        public void SpecsGivingOneErrcodeTwoNamesAreReportedAtTheLaterErrorAndBothStillGenerate()
        {
            string other = ReplaceOnce(
                ReplaceOnce(ReplaceOnce(Probe, "\"name\": \"probeEnv\"", "\"name\": \"probeOther\""), "/tcb/probeenv", "/tcb/probeother"),
                "\"name\": \"InvalidAccessToken\"",
                "\"name\": \"AccessTokenInvalid\"");
            var specs = new[] { GeneratorHarness.Spec("b.tcb.json", other), GeneratorHarness.Spec("a.tcb.json", Probe) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            // a.tcb.json comes first by path, so its name for 40014 wins and the error row of b.tcb.json is reported.
            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0015", "/specs/b.tcb.json", At(other, "{ \"code\": 40014", "{"), "errcode 40014 is named 'AccessTokenInvalid' here but 'InvalidAccessToken' in a.tcb.json");
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeEnv.g.cs");
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeOther.g.cs");
        }

        [Fact]
        public void SpecsGivingOneErrorNameTwoCodesAreReported()
        {
            string other = ReplaceOnce(
                ReplaceOnce(ReplaceOnce(Probe, "\"name\": \"probeEnv\"", "\"name\": \"probeOther\""), "/tcb/probeenv", "/tcb/probeother"),
                "\"code\": 40101",
                "\"code\": 40102");
            var specs = new[] { GeneratorHarness.Spec("a.tcb.json", Probe), GeneratorHarness.Spec("b.tcb.json", other) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            AssertDiagnostic(SingleDiagnostic(outcome), "TCB0015", "/specs/b.tcb.json", At(other, "{ \"code\": 40102", "{"), "'MissingParameter' is errcode 40102 here but 40101 in a.tcb.json");
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeOther.g.cs");
        }

        [Fact]
        public void ErrcodeAndErrorCodeAreAllowedInNestedResponseObjects()
        {
            string json = ReplaceOnce(Probe, StatusField, """
                { "name": "result", "type": "object", "fields": [{ "name": "errcode", "type": "integer" }, { "name": "errmsg", "type": "string" }] },
                      { "name": "jobs", "type": "array", "items": { "type": "object", "fields": [{ "name": "error_code", "type": "integer" }, { "name": "msg", "csharpName": "ErrorMessage", "type": "string" }] } }
                """);

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, json) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string types = outcome.Source("ProbeEnv.g.cs");
            Assert.Contains("ErrorCode", types);
            Assert.Contains("ErrorMessage", types);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Fact]
        public void ErrcodeIsAllowedOnTheRequestSide()
        {
            string json = ReplaceOnce(Probe, LimitField, "{ \"name\": \"errcode\", \"type\": \"integer\" }");

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, json) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeEnv.g.cs");
        }

        [Fact]
        public void LanguageVersionBelow8ReportsTcb0100AndGeneratesNothing()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.SeedSpecs(), languageVersion: LanguageVersion.CSharp7_3);

            Diagnostic diagnostic = SingleDiagnostic(outcome);
            Assert.Equal("TCB0100", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(Location.None, diagnostic.Location);
            Assert.Contains("C# 8", diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Empty(outcome.Sources);
        }

        [Fact]
        public void GarbageNeverThrowsAndOnlyGetsTcbDiagnostics()
        {
            var inputs = new List<(string Name, string Text)>();
            var random = new Random(20240601);
            for (int i = 0; i < 20; i++)
            {
                var bytes = new byte[random.Next(1, 2000)];
                random.NextBytes(bytes);
                inputs.Add(($"random-utf8-{i}", Encoding.UTF8.GetString(bytes)));
                inputs.Add(($"random-latin1-{i}", Encoding.Latin1.GetString(bytes)));
            }

            inputs.Add(("nested-arrays", new string('[', 10_000) + new string(']', 10_000)));
            inputs.Add(("nested-objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
            inputs.Add(("unclosed-arrays", new string('[', 10_000)));
            inputs.Add(("megabyte-string", "\"" + new string('x', 1 << 20) + "\""));
            inputs.Add(("megabyte-name", "{ \"name\": \"" + new string('a', 1 << 20) + "\" }"));
            inputs.Add(("megabyte-number", "{ \"permissionSets\": [" + new string('9', 1 << 20) + "] }"));
            inputs.Add(("null", "null"));
            inputs.Add(("nul", "nul"));
            inputs.Add(("NULL", "NULL"));
            inputs.Add(("nul-char", "\0"));
            inputs.Add(("bom-only", "\uFEFF"));
            inputs.Add(("lone-surrogate", "{ \"name\": \"\uD800\" }"));
            inputs.Add(("escaped-surrogate", "{ \"name\": \"\\uD800\", \"title\": \"\\u00\" }"));
            inputs.Add(("minus", "-"));
            inputs.Add(("exponent", "1e"));
            inputs.Add(("empty-everything", "{ \"name\": \"\", \"title\": \"\", \"method\": \"\", \"path\": \"\", \"tokenKinds\": [], \"retrySafe\": null, \"request\": {}, \"response\": {}, \"errors\": [], \"examples\": [] }"));
            inputs.Add(("wrong-everything", "{ \"name\": 1, \"title\": [], \"notes\": {}, \"permissionSets\": [null], \"method\": 2, \"path\": {}, \"tokenKinds\": [3], \"retrySafe\": 0, \"request\": [], \"response\": \"\", \"errors\": [1], \"examples\": [2] }"));
            inputs.Add(("weird-fields", ReplaceOnce(Probe, LimitField, "1, null, [], { \"name\": {} , \"type\": [] }, { \"name\": \"x\", \"type\": \"array\", \"items\": { \"type\": \"array\", \"items\": { \"type\": \"object\" } } }, { \"name\": \"y\", \"type\": \"integer\", \"enum\": [1, {}, { \"value\": 1.5, \"name\": \"A\" }, { \"name\": \"B\" }] }, { \"name\": \"z\", \"type\": \"string\", \"requiredWhen\": { \"field\": \"z\" } }")));

            foreach (AdditionalText seed in GeneratorHarness.SeedSpecs())
            {
                string text = seed.GetText()!.ToString();
                string seedName = System.IO.Path.GetFileName(seed.Path);
                for (int length = 0; length < text.Length; length += 97)
                {
                    inputs.Add(($"{seedName}-cut-{length}", text.Substring(0, length)));
                }
            }

            List<AdditionalText> specs = inputs.Select(i => GeneratorHarness.Spec(i.Name + ".tcb.json", i.Text)).ToList();

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Assert.All(outcome.RunResult.Results, r => Assert.Null(r.Exception));
            Assert.All(outcome.GeneratorDiagnostics, d =>
            {
                Assert.StartsWith("TCB", d.Id, StringComparison.Ordinal);
                Assert.NotEqual("TCB0099", d.Id);
                Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            });
            var located = new HashSet<string>(outcome.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().Path));
            Assert.All(specs, s => Assert.Contains(s.Path, located));
            Assert.Empty(outcome.Sources);
        }

        private static Diagnostic SingleDiagnostic(GeneratorOutcome outcome, string? what = null)
        {
            if (outcome.GeneratorDiagnostics.Length != 1)
            {
                Assert.Fail($"{what}: expected exactly one diagnostic, got {outcome.GeneratorDiagnostics.Length}:\n" + string.Join("\n", outcome.GeneratorDiagnostics.Take(20)));
            }

            return outcome.GeneratorDiagnostics[0];
        }

        private static void AssertNoSourceFor(GeneratorOutcome outcome, params string[] prefixes)
        {
            foreach (string prefix in prefixes)
            {
                Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith(prefix + ".", StringComparison.Ordinal));
            }
        }

        /// <summary>Each seed's one file, plus TcbClients and TcbErrorCode.</summary>
        private static void AssertSeedsGenerated(GeneratorOutcome outcome, int extraEndpoints = 0)
        {
            foreach (string prefix in SeedPrefixes)
            {
                Assert.Contains(outcome.Sources, s => s.HintName == prefix + ".g.cs");
            }

            Assert.Contains(outcome.Sources, s => s.HintName == "TcbClients.Shared.g.cs");
            Assert.Contains(outcome.Sources, s => s.HintName == "TcbErrorCode.Shared.g.cs");
            Assert.Equal(4 + 2 + extraEndpoints, outcome.Sources.Count());
        }
    }
}
