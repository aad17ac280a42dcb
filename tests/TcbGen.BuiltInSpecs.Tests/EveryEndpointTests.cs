using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;
using TcbGen.Specs;
using TcbGen.Specs.Model;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>
    /// Every built-in endpoint, called through its generated client (on the client of each token kind its spec allows)
    /// with each documented example request, against the emulator: the call succeeds and the response carries every
    /// top-level field the example response shows.
    /// </summary>
    public sealed class EveryEndpointTests : IClassFixture<EmulatorClients>
    {
        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator and clients the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public EveryEndpointTests(EmulatorClients clients) => _clients = clients;

        /// <summary>The name of every built-in endpoint.</summary>
        public static TheoryData<string> Endpoints => new TheoryData<string>(BuiltInSpecSet.Endpoints.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));

        /// <summary>Each example of the endpoint, through each client its token kinds allow.</summary>
        /// <param name="name">The endpoint.</param>
        [Theory]
        [MemberData(nameof(Endpoints))]
        public async Task EachExampleIsAnsweredThroughTheGeneratedClient(string name)
        {
            EndpointSpec spec = BuiltInSpecSet.Endpoint(name);
            if (name == "api_query_auth")
            {
                // Its example's authorization code is one WeChat made, used once: the emulator answers it 61009, as WeChat
                // would. The exchange through this spec is tested with a code the emulator issued (AuthorizationFlowTests).
                await Assert.ThrowsAsync<TcbApiException<Tcb.QueryAuthError>>(() => _clients.Component.QueryAuthAsync(new Tcb.QueryAuthRequest { ComponentAppId = "appid_value", AuthorizationCode = "auth_code_value" }));
                return;
            }

            // A page cut before its response example leaves a request-only example: the emulator answers it {"errcode":0,...}.
            ExampleSpec[] examples = spec.Examples.Where(e => spec.Request == null || e.RequestJson != null).ToArray();
            if (examples.Length == 0 && spec.Request == null)
            {
                examples = new[] { new ExampleSpec(null, null, null) };
            }

            Assert.True(examples.Length > 0, $"{name} takes a request but has no example request to send");
            foreach (string kind in spec.TokenKinds)
            {
                object client = Client(kind);
                // The raw form: an endpoint whose body the caller supplies also has a generic typed form of the same name.
                MethodInfo method = client.GetType().GetInterfaces().SelectMany(i => i.GetMethods()).FirstOrDefault(m => m.Name == spec.MethodName && !m.IsGenericMethodDefinition)
                    ?? throw new InvalidOperationException($"The {kind} client has no {spec.MethodName}.");
                foreach (ExampleSpec example in examples)
                {
                    await CallAsync(spec, client, method, example);
                }
            }
        }

        private async Task CallAsync(EndpointSpec spec, object client, MethodInfo method, ExampleSpec example)
        {
            var arguments = new System.Collections.Generic.List<object?>();
            if (spec.Request != null)
            {
                arguments.Add(ExampleRequests.Build(spec, example.RequestJson!));
            }

            if (spec.HasCallerBody)
            {
                // The example's request is the body itself, sent as given.
                arguments.Add(TcbJsonBody.Parse(example.RequestJson ?? "{}"));
            }

            arguments.Add(CancellationToken.None);
            using JsonDocument expected = JsonDocument.Parse(example.ResponseJson ?? "{\"errcode\":0,\"errmsg\":\"ok\"}");
            int expectedCode = expected.RootElement.TryGetProperty("errcode", out JsonElement code) ? code.GetInt32() : 0;
            var task = (Task)method.Invoke(client, arguments.ToArray())!;
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
            TokenKinds.Authorizer => _clients.Authorizer,
            TokenKinds.Component => _clients.Component,
            _ => throw new InvalidOperationException($"No client for {kind} in this test."),
        };
    }
}
