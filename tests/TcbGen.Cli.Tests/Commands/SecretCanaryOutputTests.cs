using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Commands
{
    /// <summary>
    /// A canary secret planted in every position a user's spec or page can carry into the CLI's output: a <c>"secret"</c>
    /// field's example values (request and response; plain, percent-encoded with %3D/%26, \uXXXX-escaped, a nested object
    /// and array), a secret enum field's values and default, a secret field's constant and pattern, a page whose example and description hold a secret-named
    /// field's value, and query strings sent to the emulator (plain, percent-encoded, escaped, on a spec's path and on an
    /// unknown one). Each command runs as its own process; every line of standard output and standard error of
    /// <c>check</c> (text and JSON), <c>import</c> (one page and several), <c>diff</c> (text and JSON), <c>init</c> and <c>emulator</c>, and the emulator's
    /// records read over its admin API, is scanned. Any leak fails, naming the command and the line.
    /// </summary>
    public sealed class SecretCanaryOutputTests
    {
        private static readonly HttpClient Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        private readonly string _canary = "CNRY" + Guid.NewGuid().ToString("N").Substring(0, 12);

        /// <summary>The canary with its first four letters \u-escaped: JSON text that reads as the canary.</summary>
        private string Escaped => "\\u0043\\u004E\\u0052\\u0059" + _canary.Substring(4);

        private string Spec => """
            {
              "name": "canaryEcho",
              "title": "canary echo",
              "method": "POST",
              "path": "/tcb/canaryecho",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [
                { "name": "pin", "type": "string", "secret": true, "in": "query" },
                { "name": "passcode", "type": "string", "secret": true },
                { "name": "grant", "type": "string", "secret": true, "default": "CANARY-default",
                  "enum": [ { "value": "CANARY-default", "name": "Planted" }, { "value": "other", "name": "Other" } ] },
                { "name": "vault", "type": "object", "secret": true, "typeName": "Vault", "fields": [ { "name": "inner", "type": "string" } ] },
                { "name": "keys", "type": "array", "secret": true, "items": { "type": "string" } },
                { "name": "note", "type": "string" },
                { "name": "otp", "type": "string", "secret": true, "const": "CANARY-const" },
                { "name": "x_token", "type": "string", "pattern": "^CANARY-pattern$" }
              ] },
              "response": { "fields": [
                { "name": "session_key", "type": "string", "secret": true },
                { "name": "sealed", "type": "object", "secret": true, "typeName": "Sealed", "fields": [ { "name": "inner", "type": "string" } ] },
                { "name": "wrapped", "type": "array", "secret": true, "items": { "type": "string" } }
              ] },
              "errorSets": ["wechat"],
              "examples": [ {
                "request": { "pin": "CANARY", "passcode": "ESCAPED", "grant": "a%3D1%26pin%3DCANARY",
                             "vault": { "inner": "CANARY" }, "keys": ["CANARY", "x\u0026pin\u003dCANARY"], "note": "plain",
                             "otp": "other", "x_token": "other" },
                "response": { "errcode": 0, "errmsg": "ok", "session_key": "ESCAPED", "sealed": { "inner": "CANARY" }, "wrapped": ["CANARY"] }
              } ]
            }
            """.Replace("ESCAPED", Escaped, StringComparison.Ordinal).Replace("CANARY", _canary, StringComparison.Ordinal);

        /// <summary>A page whose example and description hold secret-named fields' values.</summary>
        private string Page => """
            # 接口英文名
            canaryToken
            # 请求地址
            POST https://api.weixin.qq.com/cgi-bin/component/api_canary_token
            # 请求参数说明
            | 参数 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | component_appid | string | 是 | 第三方平台 appid |
            | component_appsecret | string | 否 | 第三方平台 appsecret,默认 CANARY-page |
            | verify_ticket | object | 否 | ticket 对象 |
            | callback | string | 否 | 回调地址 |
            POST 数据示例:
            {
            "component_appid": "appid_value",
            "component_appsecret": "CANARY",
            "verify_ticket": { "value": "ESCAPED", "list": ["CANARY"] },
            "callback": "https://h.example/cb?a=1%26secret%3DCANARY%26b=2"
            }
            # 结果参数说明
            | 参数 | 类型 | 说明 |
            |---|---|---|
            | session_ticket | string | 会话 ticket |
            返回结果示例:
            {
            "session_ticket": "CANARY",
            "expires_in": 7200
            }
            """.Replace("ESCAPED", Escaped, StringComparison.Ordinal).Replace("CANARY", _canary, StringComparison.Ordinal);

        /// <summary>The reviewed spec the page is compared with: its secret field's default differs from the page's.</summary>
        private string ReviewedSpec => """
            {
              "name": "canaryToken",
              "title": "canary token",
              "method": "POST",
              "path": "/cgi-bin/component/api_canary_token",
              "tokenKinds": ["component_access_token"],
              "retrySafe": true,
              "request": { "fields": [
                { "name": "component_appid", "type": "string", "required": true },
                { "name": "component_appsecret", "type": "string", "secret": true, "default": "CANARY-reviewed",
                  "enum": [ { "value": "CANARY-reviewed", "name": "Reviewed" } ] }
              ] },
              "response": { "fields": [ { "name": "session_ticket", "type": "string" } ] },
              "errorSets": ["wechat"],
              "examples": [ { "request": { "component_appid": "a", "component_appsecret": "CANARY-reviewed" }, "response": { "errcode": 0, "errmsg": "ok", "session_ticket": "CANARY" } } ]
            }
            """.Replace("CANARY", _canary, StringComparison.Ordinal);

        [Fact]
        public async Task NoCanaryReachesAnyCommandsOutput()
        {
            using var temp = new TempDirectory();
            string spec = temp.File("specs/canaryEcho.tcb.json", Spec);
            string page = temp.File("pages/canaryToken.md", Page);
            string reviewed = temp.File("reviewed/canaryToken.tcb.json", ReviewedSpec);
            string imported = Path.Combine(temp.Path, "imported.tcb.json");
            var sinks = new List<(string Where, string Text)>();

            Task<EmulatorRun> emulator = RunEmulatorAsync(spec);
            (string Name, string[] Args)[] commands =
            {
                ("check", new[] { "check", spec, "--no-built-in-specs" }),
                ("check --format json", new[] { "check", spec, "--no-built-in-specs", "--format", "json" }),
                ("import", new[] { "import", page, "-o", imported }),
                ("import (several pages)", new[] { "import", Path.GetDirectoryName(page)!, "-o", Path.Combine(temp.Path, "imported") }),
                ("diff", new[] { "diff", reviewed, page }),
                ("diff --format json", new[] { "diff", reviewed, page, "--format", "json" }),
                ("init", new[] { "init", temp.Path }),
            };
            var results = new Dictionary<string, (int ExitCode, string Output, string Error)>();
            foreach ((string name, string[] args) in commands)
            {
                results[name] = await ToolProcess.RunAsync(temp.Path, args);
                sinks.Add((name + " stdout", results[name].Output));
                sinks.Add((name + " stderr", results[name].Error));
            }

            EmulatorRun run = await emulator;
            sinks.Add(("emulator banner", run.Banner));
            sinks.Add(("emulator admin requests", run.Records));
            sinks.Add(("emulator stdout after the banner", run.Output));
            sinks.Add(("emulator stderr", run.Error));

            // The canary really was planted: each command read it and reported on the fields that hold it.
            Assert.Contains("TCB", results["check"].Error + results["check"].Output, StringComparison.Ordinal);
            Assert.Contains("grant", results["check --format json"].Output, StringComparison.Ordinal);
            Assert.Contains(_canary, File.ReadAllText(imported), StringComparison.Ordinal);
            Assert.Contains("canaryToken", results["import (several pages)"].Output, StringComparison.Ordinal);
            Assert.Contains("request.component_appsecret", results["diff"].Output, StringComparison.Ordinal);
            Assert.Contains("request.component_appsecret", results["diff --format json"].Output, StringComparison.Ordinal);
            Assert.Contains("/tcb/canaryecho", run.Records, StringComparison.Ordinal);
            Assert.Contains("/no/such/path", run.Records, StringComparison.Ordinal);
            Assert.Contains("***", run.Records, StringComparison.Ordinal);

            // Its random tail is what is looked for: it reads the same plain, percent-encoded and with its head \u-escaped.
            string tail = _canary.Substring(4);
            string[] leaks = sinks
                .SelectMany(s => s.Text.Split('\n').Where(line => line.Contains(tail, StringComparison.Ordinal)).Select(line => s.Where + ": " + line.TrimEnd('\r')))
                .ToArray();
            Assert.True(leaks.Length == 0, $"the canary {_canary} leaked into {leaks.Length} line(s):\n" + string.Join("\n", leaks));
        }

        private sealed record EmulatorRun(string Banner, string Records, string Output, string Error);

        /// <summary>The emulator serving the canary spec: its banner, the requests it recorded of the canary queries, and what it printed.</summary>
        private async Task<EmulatorRun> RunEmulatorAsync(string spec)
        {
            const string Key = "canary-admin-key";
            using EmulatorProcess emulator = await EmulatorProcess.StartAsync("emulator", "--specs", spec, "--admin-key", Key);
            string c = _canary;
            string[] queries =
            {
                "/tcb/canaryecho?access_token=t&pin=" + c + "&note=plain",
                "/tcb/canaryecho?access_token=t&note=a%3D1%26pin%3D" + c + "%26b%3D2",
                "/tcb/canaryecho?access_token=t&note=a%3D1%26access_token%3D" + c,
                "/tcb/canaryecho?access_token=t&note=x%5Cu0026pin%5Cu003d" + c,
                "/tcb/canaryecho?access%5Ftoken=" + c + "&pin%3D" + c,
                "/no/such/path?secret=" + c + "&component_appsecret=" + c,
                "/no/such/path?x=1%26authorizer_refresh_token%3D" + c + "%26y%3D2",
                "/no/such/path?access_token%3D" + c + "&note=x%5Cu0026appsecret%5Cu003d" + c,
            };
            foreach (string query in queries)
            {
                // On the spec's path its secret fields; on a path no spec describes, fields whose names say they are secret.
                string body = query.StartsWith("/tcb/", StringComparison.Ordinal)
                    ? "{\"passcode\":\"" + c + "\",\"vault\":{\"inner\":\"" + c + "\"},\"keys\":[\"" + c + "\"],\"note\":\"n\"}"
                    : "{\"component_appsecret\":{\"inner\":\"" + c + "\"},\"refresh_token\":[\"" + c + "\"],\"note\":\"n\"}";
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await Http.PostAsync(emulator.BaseUrl + query, content);
            }

            using var read = new HttpRequestMessage(HttpMethod.Get, emulator.BaseUrl + "/__admin/requests");
            read.Headers.Add("X-TcbGen-Admin-Key", Key);
            using HttpResponseMessage records = await Http.SendAsync(read);
            Assert.True(records.IsSuccessStatusCode, await records.Content.ReadAsStringAsync());
            (string output, string error) = await emulator.StopAsync();
            return new EmulatorRun(emulator.Banner, await records.Content.ReadAsStringAsync(), output, error);
        }
    }
}
