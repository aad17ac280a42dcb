using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Specs.Model;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>
    /// Every built-in endpoint, called through its generated client (on the client of each token kind its spec allows)
    /// with each documented example request, against the emulator: the call succeeds and the response carries every
    /// top-level field the example response shows.
    /// </summary>
    public sealed class EveryEndpointTests : IAsyncLifetime
    {
        private const string AuthorizerAppId = "wx-built-in-specs";

        private WeChatEmulator? _emulator;
        private ServiceProvider? _services;

        /// <summary>The name of every built-in endpoint.</summary>
        public static TheoryData<string> Endpoints => new TheoryData<string>(BuiltInSpecSet.Endpoints.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            _emulator = await WeChatEmulator.StartAsync();
            WeChatEmulator emulator = _emulator;
            var services = new ServiceCollection();
            services.AddTcbGen(options => options.BaseAddress = emulator.BaseAddress)
                .UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(emulator.IssueToken(key.Kind.Name, key.AppId), null)))
                .AddTcbClients();
            _services = services.BuildServiceProvider();
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_services != null)
            {
                await _services.DisposeAsync();
            }

            if (_emulator != null)
            {
                await _emulator.DisposeAsync();
            }
        }

        /// <summary>Each example of the endpoint, through each client its token kinds allow.</summary>
        /// <param name="name">The endpoint.</param>
        [Theory]
        [MemberData(nameof(Endpoints))]
        public async Task EachExampleIsAnsweredThroughTheGeneratedClient(string name)
        {
            EndpointSpec spec = BuiltInSpecSet.Endpoint(name);
            ExampleSpec[] examples = spec.Examples.Where(e => e.ResponseJson != null && (spec.Request == null || e.RequestJson != null)).ToArray();
            Assert.True(examples.Length > 0, $"{name} has no example with a response (and a request, when it takes one)");
            foreach (string kind in spec.TokenKinds)
            {
                object client = Client(kind);
                MethodInfo method = client.GetType().GetInterfaces().Select(i => i.GetMethod(spec.MethodName)).FirstOrDefault(m => m != null)
                    ?? throw new InvalidOperationException($"The {kind} client has no {spec.MethodName}.");
                foreach (ExampleSpec example in examples)
                {
                    await CallAsync(spec, client, method, example);
                }
            }
        }

        private async Task CallAsync(EndpointSpec spec, object client, MethodInfo method, ExampleSpec example)
        {
            object?[] arguments = spec.Request == null
                ? new object?[] { CancellationToken.None }
                : new[] { ExampleRequests.Build(spec, example.RequestJson!), CancellationToken.None };
            using JsonDocument expected = JsonDocument.Parse(example.ResponseJson!);
            int expectedCode = expected.RootElement.TryGetProperty("errcode", out JsonElement code) ? code.GetInt32() : 0;
            var task = (Task)method.Invoke(client, arguments)!;
            if (expectedCode != 0)
            {
                TcbApiException error = await Assert.ThrowsAnyAsync<TcbApiException>(() => task);
                Assert.Equal(expectedCode, error.ErrorCode);
                return;
            }

            await task;
            var response = (TcbResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;
            Assert.Equal(0, response.ErrorCode);
            foreach (JsonProperty shown in expected.RootElement.EnumerateObject().Where(p => p.Name is not ("errcode" or "errmsg") && p.Value.ValueKind != JsonValueKind.Null))
            {
                FieldSpec field = spec.Response.Fields.SingleOrDefault(f => f.WireName == shown.Name)
                    ?? throw new InvalidOperationException($"{spec.Name}: the example response's '{shown.Name}' is not in the spec's response.");
                Assert.True(response.GetType().GetProperty(field.PropertyName)!.GetValue(response) != null, $"{spec.Name}: '{shown.Name}' was not read from the emulator's answer");
            }
        }

        private object Client(string kind) => kind switch
        {
            "authorizer_access_token" => _services!.GetRequiredService<ITcbAuthorizerClientFactory>().For(AuthorizerAppId),
            "component_access_token" => _services!.GetRequiredService<ITcbComponentClient>(),
            _ => throw new InvalidOperationException($"No client for {kind} in this test."),
        };
    }
}
