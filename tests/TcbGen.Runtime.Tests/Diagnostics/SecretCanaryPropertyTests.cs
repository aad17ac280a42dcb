using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.AspNetCore.Http;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    /// <summary>
    /// A canary secret planted in every position of an answer (errmsg, another field of an error body, an HTML/text error
    /// page, a malformed 200 body) in every encoding seen in the wild (plain, percent-encoded with %3D/%26, \uXXXX-escaped,
    /// a nested object or array under a secret name, form-encoded, a header line, the call's own token echoed), over real
    /// HTTP; every sink is scanned: logs (Trace and up), the exception's Message, ToString, ErrorMessage and BodyExcerpt,
    /// Activity tags and events, metric tags. Any leak fails with the smallest case CsCheck finds.
    /// </summary>
    public sealed class SecretCanaryPropertyTests
    {
        private static readonly string[] SecretNames =
        {
            "access_token", "component_access_token", "authorizer_access_token", "authorizer_refresh_token",
            "cloudbase_access_token", "component_verify_ticket", "component_appsecret", "ACCESS_TOKEN",
        };

        /// <summary>How a secret named <c>name</c> with value <c>canary</c> is written; the text is put into a position below.</summary>
        public enum Encoding
        {
            Plain,
            PercentEncoded,
            UnicodeEscaped,
            NestedObject,
            NestedArray,
            FormEncoded,
            HeaderLine,
            EchoedToken,
        }

        /// <summary>Where in the answer the encoded secret goes.</summary>
        public enum Position
        {
            ErrorMessage,
            ErrorBodyField,
            HtmlErrorPage,
            MalformedSuccessBody,
        }

        private static readonly Gen<(string Canary, string Name, Encoding Encoding, Position Position, int Status)> Cases =
            Gen.Select(
                Gen.String[Gen.Char.AlphaNumeric, 6, 20].Select(s => "CNRY" + s),
                Gen.Int[0, SecretNames.Length - 1].Select(i => SecretNames[i]),
                Gen.Enum<Encoding>(),
                Gen.Enum<Position>(),
                Gen.Int[0, 2].Select(i => new[] { 200, 500, 502 }[i]));

        [Fact]
        public async Task No_canary_in_any_position_or_encoding_reaches_any_sink()
        {
            var logs = new CapturingLoggerProvider();
            using var activities = new ActivityCapture(source => source.Name == TcbGenTelemetry.ActivitySourceName || source.Name == "System.Net.Http");
            using var metrics = new MetricCapture();
            await using TestServer server = await TestServer.StartAsync();
            string answer = string.Empty;
            int status = 200;
            server.On(TestEndpoints.Path, context => Respond.Json(answer, status, "application/json")(context));
            int planted = 0;

            await Cases.SampleAsync(async c =>
            {
                (answer, status) = Answer(c.Canary, c.Name, c.Encoding, c.Position, c.Status);
                logs.Lines.Clear();
                activities.Stopped.Clear();
                metrics.Measurements.Clear();
                TcbHttpTransport transport = Build.Transport(server, tokens: TcbDelegateAccessTokenSource.FromStatic(c.Encoding == Encoding.EchoedToken ? c.Canary : "call-token-1"), logs: logs.CreateFactory());

                Exception exception = await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(TestEndpoints.Echo("canaryEcho"), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));
                Interlocked.Increment(ref planted);

                var sinks = new List<(string Where, string? Text)>
                {
                    ("Message", exception.Message),
                    ("ToString", exception.ToString()),
                    ("ErrorMessage", (exception as TcbApiException)?.ErrorMessage),
                    ("BodyExcerpt", (exception as TcbProtocolException)?.BodyExcerpt ?? (exception as TcbHttpStatusException)?.BodyExcerpt),
                };
                sinks.AddRange(logs.Lines.Select(l => ("log", (string?)l)));
                sinks.AddRange(activities.AllTagText().Select(t => ("span", (string?)t)));
                sinks.AddRange(metrics.AllTagText().Select(t => ("metric", (string?)t)));
                string[] leaks = sinks.Where(s => s.Text != null && s.Text.Contains(c.Canary, StringComparison.Ordinal)).Select(s => s.Where + ": " + s.Text).ToArray();
                Assert.True(leaks.Length == 0, "answer " + status + " " + answer + " leaked into\n" + string.Join("\n", leaks));
            }, iter: 400, threads: 1);

            Assert.True(planted >= 400);
        }

        /// <summary>The answer body and status for one case; the text always really holds the canary.</summary>
        internal static (string Body, int Status) Answer(string canary, string name, Encoding encoding, Position position, int status)
        {
            string text = encoding switch
            {
                Encoding.Plain => "see /x?" + name + "=" + canary + "&env=e1",
                Encoding.PercentEncoded => "redirect=https%3A%2F%2Fh.example%2Fp%3Fa%3D1%26" + name + "%3D" + canary + "%26b%3D2",
                Encoding.UnicodeEscaped => "/x?a\\u003d1\\u0026" + name + "\\u003d" + canary + "\\u0026b\\u003d2",
                Encoding.NestedObject => "{\"" + name + "\":{\"value\":\"" + canary + "\",\"n\":1},\"n\":2}",
                Encoding.NestedArray => "{\"" + name + "\":[\"" + canary + "\",{\"v\":\"" + canary + "\"}],\"n\":2}",
                Encoding.FormEncoded => "a=1&" + name + "=" + canary + "&b=2",
                Encoding.HeaderLine => "HTTP/1.1 502\r\nX-Request: 1\r\n" + name + ": " + canary + "\r\n",
                Encoding.EchoedToken => "upstream refused token " + canary + " (/x?t=" + canary + ")",
                _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
            };

            bool isJson = encoding == Encoding.NestedObject || encoding == Encoding.NestedArray;
            return position switch
            {
                Position.ErrorMessage => ("{\"errcode\":40097,\"errmsg\":\"" + JsonString(text) + " rid: 1-2\"}", status),
                Position.ErrorBodyField => ("{\"errcode\":40097,\"errmsg\":\"invalid args\",\"echo\":" + (isJson ? text : "\"" + JsonString(text) + "\"") + "}", status),
                Position.HtmlErrorPage => ("<html><body><h1>Bad Gateway</h1><pre>" + text + "</pre></body></html>", status == 200 ? 502 : status),
                Position.MalformedSuccessBody => ("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":" + (isJson ? text : "\"" + JsonString(text) + "\"") + ",\"trail", 200),
                _ => throw new ArgumentOutOfRangeException(nameof(position)),
            };
        }

        private static string JsonString(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
