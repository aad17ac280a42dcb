using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    /// <summary>
    /// Servers and gateways that echo the request (its URL carries the access token) in every shape an answer takes:
    /// an HTML error page quoting the request line, a text body, truncated JSON with a <c>url</c> field, an errmsg
    /// repeating the URL, form and HTML-encoded forms. No canary may survive into a log line (Trace and up), an
    /// exception's Message/ToString, <see cref="TcbApiException.ErrorMessage"/>, <see cref="TcbProtocolException.BodyExcerpt"/>,
    /// a span or a metric.
    /// </summary>
    public sealed class EchoedSecretCanaryTests
    {
        private const string Token = "CANARY-ECHO-TOKEN-5d2";
        private const string OtherTokens = "component_access_token=CANARY-COMPONENT-9&authorizer_access_token=CANARY-AUTHZ-9&cloudbase_access_token=CANARY-CLOUDBASE-9&authorizer_refresh_token=CANARY-REFRESH-9";
        private static readonly string[] Canaries = { Token, "CANARY-COMPONENT-9", "CANARY-AUTHZ-9", "CANARY-CLOUDBASE-9", "CANARY-REFRESH-9" };

        public static TheoryData<string, int, string, string> Echoes() => new()
        {
            // shape, status, content type, body template ({line} = request line, {url} = path and query, {token} = the token alone)
            { "HTML 502 quoting the request line", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>The upstream failed for <code>{line}</code></p><p>Referer: https://example.test/?" + OtherTokens + "</p></body></html>" },
            { "text body", 200, "text/plain", "upstream error while handling {line}; token {token} was not accepted; " + OtherTokens },
            { "truncated JSON with a url field", 200, "application/json", "{\"url\":\"https://api.weixin.qq.com{url}\",\"form\":\"" + OtherTokens + "\",\"access_token\":\"{token}\",\"req\":{\"authorizer_refresh_token\":\"CANARY-REFRESH-9\",\"header\":\"a\\\"b" },
            { "errmsg repeating the URL", 200, "application/json", "{\"errcode\":40097,\"errmsg\":\"invalid args, url: {url}&" + OtherTokens + " rid: 6566-1\"}" },
            { "errmsg with the URL JSON-escaped", 200, "application/json", "{\"errcode\":-1,\"errmsg\":\"system error for {url}\\u0026x=1 rid: 6566-2\"}" },
            { "non-2xx errmsg with the token in JSON form", 500, "application/json", "{\"errcode\":40001,\"errmsg\":\"bad {\\\"access_token\\\":\\\"{token}\\\",\\\"component_access_token\\\":\\\"CANARY-COMPONENT-9\\\"}\"}" },
            { "HTML-encoded and percent-encoded parameters", 503, "text/html", "<p>access_token&#61;{token} and access_token%3D{token} and authorizer_refresh_token&#x3D;CANARY-REFRESH-9</p>" },
        };

        [Theory]
        [MemberData(nameof(Echoes))]
        public async Task An_echoed_request_leaks_no_secret(string shape, int status, string contentType, string template)
        {
            var logs = new CapturingLoggerProvider();
            using var activities = new ActivityCapture();
            using var metrics = new MetricCapture();
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, context =>
            {
                string url = context.Request.Path + context.Request.QueryString.Value;
                string body = template.Replace("{line}", "POST " + url + " HTTP/1.1").Replace("{url}", url).Replace("{token}", Token);
                return Respond.Json(body, status, contentType)(context);
            });
            TcbHttpTransport transport = Build.Transport(server, tokens: TcbDelegateAccessTokenSource.FromStatic(Token), logs: logs.CreateFactory());

            Exception exception = await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));

            // Not vacuous: the server really echoed the token, and the answer reached the exception.
            Assert.Contains(server.Requests, r => r.QueryValue("access_token") == Token);
            Assert.True(exception is TcbApiException || exception is TcbProtocolException, shape + ": " + exception);
            Assert.Contains(TcbSecretRedactorMask, exception.Message);

            var haystacks = new List<(string Where, string? Text)>
            {
                ("Message", exception.Message),
                ("ToString", exception.ToString()),
                ("ErrorMessage", (exception as TcbApiException)?.ErrorMessage),
                ("RequestId", (exception as TcbApiException)?.RequestId),
                ("BodyExcerpt", (exception as TcbProtocolException)?.BodyExcerpt),
            };
            haystacks.AddRange(logs.Lines.Select(l => ("log", (string?)l)));
            haystacks.AddRange(activities.AllTagText().Select(t => ("span", (string?)t)));
            haystacks.AddRange(metrics.AllTagText().Select(t => ("metric", (string?)t)));
            Assert.Contains(logs.Lines, l => l.Contains("Warning", StringComparison.Ordinal));

            var leaks = haystacks
                .Where(h => h.Text != null)
                .SelectMany(h => Canaries.Where(c => h.Text!.Contains(c, StringComparison.Ordinal)).Select(c => shape + ": " + h.Where + " leaks " + c + ": " + h.Text))
                .ToList();
            Assert.Empty(leaks);
        }

        private const string TcbSecretRedactorMask = "***";
    }
}
