using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.ThirdParty
{
    /// <summary>
    /// The runtime's descriptions of the third-party token-flow endpoints (TokenEndpoints, QueryAuthEndpoint,
    /// PreAuthCodeEndpoint) are held to their specs in <c>specs/component/</c>: path, method, token parameter (or none),
    /// retry safety, the request fields written, the secret fields, and the example response read back. Any difference
    /// fails here, so the spec stays the one description the emulator serves and the runtime follows.
    /// </summary>
    public sealed class ThirdPartyEndpointsMatchSpecsTests
    {
        private static readonly string[] Names = { "api_component_token", "api_authorizer_token", "api_query_auth", "api_create_preauthcode" };

        public static TheoryData<string> Endpoints => new TheoryData<string>(Names);

        [Theory]
        [MemberData(nameof(Endpoints))]
        public void The_runtime_describes_the_endpoint_as_its_spec_does(string name)
        {
            using JsonDocument spec = ReadSpec(name);
            JsonElement root = spec.RootElement;
            Described described = Describe(name);

            Assert.Equal(root.GetProperty("path").GetString(), described.Path);
            Assert.Equal(root.GetProperty("method").GetString(), described.Method);
            Assert.Equal(root.GetProperty("retrySafe").GetBoolean(), described.IsRetrySafe);
            bool tokenless = root.TryGetProperty("tokenless", out JsonElement flag) && flag.GetBoolean();
            // Null on both sides means "the kind's own parameter" (or, for a token-less spec, no token at all).
            string? specParameter = !tokenless && root.TryGetProperty("tokenParameter", out JsonElement parameter) ? parameter.GetString() : null;
            Assert.Equal(specParameter, described.TokenParameter);
            if (!tokenless)
            {
                Assert.Equal(new[] { "component_access_token" }, root.GetProperty("tokenKinds").EnumerateArray().Select(k => k.GetString()));
            }

            // The request: exactly the spec's fields, every one of them written (they are all required strings here).
            JsonElement[] fields = root.GetProperty("request").GetProperty("fields").EnumerateArray().ToArray();
            using JsonDocument written = JsonDocument.Parse(described.WriteExample());
            Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()).OrderBy(n => n, StringComparer.Ordinal), written.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(fields, f => Assert.True(f.GetProperty("required").GetBoolean(), f.GetProperty("name").GetString() + " is written always, so the spec must require it"));

            // Every field the spec marks secret, on either side, is masked by the runtime too.
            foreach (string secret in SecretFields(root))
            {
                Assert.Contains(secret, described.SecretFields);
            }
        }

        [Theory]
        [MemberData(nameof(Endpoints))]
        public void The_runtime_reads_the_specs_example_response(string name)
        {
            using JsonDocument spec = ReadSpec(name);
            JsonElement example = spec.RootElement.GetProperty("examples")[0].GetProperty("response");
            byte[] body = Encoding.UTF8.GetBytes(example.GetRawText());
            var reader = new Utf8JsonReader(body);
            switch (name)
            {
                case "api_component_token":
                    TokenResponse component = TokenEndpoints.ComponentToken.ReadResponse(ref reader);
                    Assert.Equal(example.GetProperty("component_access_token").GetString(), component.AccessToken);
                    Assert.Equal(example.GetProperty("expires_in").GetInt32(), component.ExpiresIn);
                    break;
                case "api_authorizer_token":
                    TokenResponse authorizer = TokenEndpoints.AuthorizerToken.ReadResponse(ref reader);
                    Assert.Equal(example.GetProperty("authorizer_access_token").GetString(), authorizer.AccessToken);
                    Assert.Equal(example.GetProperty("expires_in").GetInt32(), authorizer.ExpiresIn);
                    Assert.Equal(example.GetProperty("authorizer_refresh_token").GetString(), authorizer.RefreshToken);
                    break;
                case "api_query_auth":
                    QueryAuthResponse queried = QueryAuthEndpoint.Descriptor.ReadResponse(ref reader);
                    JsonElement info = example.GetProperty("authorization_info");
                    Assert.Equal(info.GetProperty("authorizer_appid").GetString(), queried.AuthorizerAppId);
                    Assert.Equal(info.GetProperty("authorizer_access_token").GetString(), queried.AccessToken);
                    Assert.Equal(info.GetProperty("expires_in").GetInt32(), queried.ExpiresIn);
                    Assert.Equal(info.GetProperty("authorizer_refresh_token").GetString(), queried.RefreshToken);
                    Assert.Equal(info.GetProperty("func_info").EnumerateArray().Select(f => f.GetProperty("funcscope_category").GetProperty("id").GetInt32()), queried.PermissionSetIds);
                    break;
                case "api_create_preauthcode":
                    PreAuthCodeResponse created = PreAuthCodeEndpoint.Descriptor.ReadResponse(ref reader);
                    Assert.Equal(example.GetProperty("pre_auth_code").GetString(), created.PreAuthCode);
                    Assert.Equal(example.GetProperty("expires_in").GetInt32(), created.ExpiresIn);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(name), name, "not a token-flow endpoint");
            }
        }

        [Fact]
        public void Every_spec_in_the_component_folder_has_a_runtime_description_or_none_is_needed()
        {
            string[] specs = Directory.GetFiles(ComponentDirectory(), "*.tcb.json").Select(f => Path.GetFileName(f)[..^".tcb.json".Length]).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(Names.OrderBy(n => n, StringComparer.Ordinal), specs);
        }

        private static Described Describe(string name) => name switch
        {
            "api_component_token" => Described.Of(TokenEndpoints.ComponentToken, new ComponentTokenRequest("wxc", "secret", "ticket")),
            "api_authorizer_token" => Described.Of(TokenEndpoints.AuthorizerToken, new AuthorizerTokenRequest("wxc", "wxa", "refresh")),
            "api_query_auth" => Described.Of(QueryAuthEndpoint.Descriptor, new QueryAuthRequest("wxc", "code")),
            "api_create_preauthcode" => Described.Of(PreAuthCodeEndpoint.Descriptor, new PreAuthCodeRequest("wxc")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a token-flow endpoint"),
        };

        private static IEnumerable<string> SecretFields(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("secret", out JsonElement secret) && secret.ValueKind == JsonValueKind.True)
                {
                    yield return element.GetProperty("name").GetString()!;
                }

                foreach (JsonProperty property in element.EnumerateObject().Where(p => p.Name != "examples"))
                {
                    foreach (string name in SecretFields(property.Value))
                    {
                        yield return name;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (string name in SecretFields(item))
                    {
                        yield return name;
                    }
                }
            }
        }

        private static JsonDocument ReadSpec(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(ComponentDirectory(), name + ".tcb.json")));

        private static string ComponentDirectory()
        {
            for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TcbGen.sln")))
                {
                    return Path.Combine(directory.FullName, "specs", "component");
                }
            }

            throw new InvalidOperationException("The repository root (TcbGen.sln) is not above the test's folder.");
        }

        private sealed record Described(string Path, string Method, bool IsRetrySafe, string? TokenParameter, IReadOnlyList<string> SecretFields, Func<string> WriteExample)
        {
            public static Described Of<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TRequest example)
                where TResponse : TcbResponse
                => new Described(endpoint.Path, endpoint.Method.Method, endpoint.IsRetrySafe, endpoint.TokenParameter, endpoint.SecretFields, () =>
                {
                    var buffer = new ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        endpoint.WriteRequest(writer, example);
                    }

                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                });
        }
    }
}
