using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>
    /// Each documented example request, built as typed objects, serializes to the example JSON; each example
    /// response deserializes with every field populated. Uses the clients this test project's own build
    /// generated from the seed specs.
    /// </summary>
    public sealed class RoundTripTests
    {
        [Fact]
        public void SetCloudAccessTokenGetExample()
        {
            var request = new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = "myttest-8gu57so0bd9f9e8a" };
            AssertWrites(SetCloudAccessTokenEndpoint.Descriptor, request, SeedExamples.Get("setCloudAccessToken", 0).RequestJson!);

            SetCloudAccessTokenResponse response = Read(SetCloudAccessTokenEndpoint.Descriptor, SeedExamples.Get("setCloudAccessToken", 0).ResponseJson!);
            Assert.Equal(0, response.ErrorCode);
            Assert.Equal("ok", response.ErrorMessage);
            Assert.True(response.Open);
            Assert.Equal(new[] { "/*" }, response.ApiWhitelist);
            Assert.Equal(2, response.Version);
        }

        [Fact]
        public void SetCloudAccessTokenSetExample()
        {
            var request = new SetCloudAccessTokenRequest
            {
                Action = SetCloudAccessTokenAction.Set,
                Open = true,
                Env = "myttest-8gu57so0bd9f9e8a",
                ApiWhitelist = new List<string> { "/*" },
                Version = 6,
            };
            AssertWrites(SetCloudAccessTokenEndpoint.Descriptor, request, SeedExamples.Get("setCloudAccessToken", 1).RequestJson!);

            SetCloudAccessTokenResponse response = Read(SetCloudAccessTokenEndpoint.Descriptor, SeedExamples.Get("setCloudAccessToken", 1).ResponseJson!);
            Assert.True(response.Open);
            Assert.Null(response.ApiWhitelist);
        }

        [Fact]
        public void CreateCloudUserExampleSendsAnEmptyObject()
        {
            AssertWrites(CreateCloudUserEndpoint.Descriptor, TcbEmptyRequest.Instance, SeedExamples.Get("createCloudUser", 0).RequestJson!);

            CreateCloudUserResponse response = Read(CreateCloudUserEndpoint.Descriptor, SeedExamples.Get("createCloudUser", 0).ResponseJson!);
            Assert.Equal(0, response.ErrorCode);
            Assert.Equal("ok", response.ErrorMessage);
        }

        [Fact]
        public void ChangeTcbEnvExample()
        {
            AssertWrites(ChangeTcbEnvEndpoint.Descriptor, new ChangeTcbEnvRequest { Env = "test-env-0001" }, SeedExamples.Get("changeTcbEnv", 0).RequestJson!);

            ChangeTcbEnvResponse response = Read(ChangeTcbEnvEndpoint.Descriptor, SeedExamples.Get("changeTcbEnv", 0).ResponseJson!);
            Assert.Equal("ok", response.ErrorMessage);
        }

        [Fact]
        public void SetCallBackConfigExample()
        {
            AssertWrites(SetCallBackConfigEndpoint.Descriptor, FullCallBackConfig(), SeedExamples.Get("setCallBackConfig", 0).RequestJson!);

            SetCallBackConfigResponse response = Read(SetCallBackConfigEndpoint.Descriptor, SeedExamples.Get("setCallBackConfig", 0).ResponseJson!);
            Assert.Equal(0, response.ErrorCode);
            Assert.Equal("ok", response.ErrorMessage);
        }

        [Fact]
        public void AnUnsetOptionalObjectIsOmittedNotSentAsNull()
        {
            var request = new SetCallBackConfigRequest
            {
                ContainerConfig = new CallbackContainerConfig { Enable = false },
            };

            Assert.Equal("{\"container_config\":{\"enable\":false}}", Write(SetCallBackConfigEndpoint.Descriptor, request));
        }

        [Fact]
        public void UnknownResponseFieldsAreSkipped()
        {
            const string body = "{\"future\":{\"nested\":[1,{\"a\":null}],\"b\":\"x\"},\"errcode\":0,\"open\":false,\"extra\":[],\"version\":7,\"errmsg\":\"ok\"}";

            SetCloudAccessTokenResponse response = Read(SetCloudAccessTokenEndpoint.Descriptor, body);

            Assert.False(response.Open);
            Assert.Equal(7, response.Version);
            Assert.Equal("ok", response.ErrorMessage);
        }

        [Fact]
        public void NullResponseFieldsStayUnset()
        {
            SetCloudAccessTokenResponse response = Read(SetCloudAccessTokenEndpoint.Descriptor, "{\"errcode\":0,\"errmsg\":null,\"open\":null,\"api_whitelist\":null}");

            Assert.Null(response.ErrorMessage);
            Assert.Null(response.Open);
            Assert.Null(response.ApiWhitelist);
        }

        [Fact]
        public void AResponseThatIsNotAnObjectIsAJsonError()
        {
            Assert.Throws<JsonException>(() => Read(ChangeTcbEnvEndpoint.Descriptor, "[1,2]"));
            Assert.ThrowsAny<JsonException>(() => Read(ChangeTcbEnvEndpoint.Descriptor, string.Empty));
            Assert.ThrowsAny<Exception>(() => Read(SetCloudAccessTokenEndpoint.Descriptor, "{\"open\":\"yes\"}"));
        }

        internal static SetCallBackConfigRequest FullCallBackConfig() => new SetCallBackConfigRequest
        {
            FunctionConfig = new CallbackFunctionConfig
            {
                Enable = false,
                Callbacks = new List<CallbackRule>
                {
                    new CallbackRule { MsgType = "event", Event = "user_enter_tempsession", Env = "test-env-6gni9ity244a6ea3", FunctionName = "callback", Enable = false },
                    new CallbackRule { MsgType = "image", Event = string.Empty, Env = "test-env-6gni9ity244a6ea3", FunctionName = "callback", Enable = true },
                },
            },
            ContainerConfig = new CallbackContainerConfig
            {
                Enable = true,
                QbaseEnv = "test-env-6gni9ity244a6ea3",
                QbaseContainerPath = "/container-echo",
                TextMode = CallbackTextMode.Json,
            },
        };

        private static void AssertWrites<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TRequest request, string expectedJson)
            where TResponse : TcbResponse
        {
            SeedExamples.AssertSameJson(expectedJson, Write(endpoint, request));
        }

        private static string Write<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TRequest request)
            where TResponse : TcbResponse
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                endpoint.WriteRequest(writer, request);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static TResponse Read<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, string json)
            where TResponse : TcbResponse
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowTrailingCommas = true });
            return endpoint.ReadResponse(ref reader);
        }
    }
}
