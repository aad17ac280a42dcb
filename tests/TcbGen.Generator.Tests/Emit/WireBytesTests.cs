using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>
    /// The exact bytes the generated writers send for each seed example, against <c>Snapshots/Wire/</c>. Unlike
    /// <see cref="RoundTripTests"/> (same JSON meaning), this fails on any change of property order, spacing or escaping,
    /// so a refactoring of the generator cannot change what goes on the wire unnoticed.
    /// </summary>
    public sealed class WireBytesTests
    {
        public static IEnumerable<object[]> Examples() => new[]
        {
            new object[] { "setCloudAccessToken.0" },
            new object[] { "setCloudAccessToken.1" },
            new object[] { "createCloudUser.0" },
            new object[] { "changeTcbEnv.0" },
            new object[] { "setCallBackConfig.0" },
        };

        [Theory]
        [MemberData(nameof(Examples))]
        public void ExampleRequestBytesMatchSnapshot(string example)
        {
            string written = example switch
            {
                "setCloudAccessToken.0" => Write(SetCloudAccessTokenEndpoint.Descriptor, new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = "myttest-8gu57so0bd9f9e8a" }),
                "setCloudAccessToken.1" => Write(SetCloudAccessTokenEndpoint.Descriptor, new SetCloudAccessTokenRequest
                {
                    Action = SetCloudAccessTokenAction.Set,
                    Open = true,
                    Env = "myttest-8gu57so0bd9f9e8a",
                    ApiWhitelist = new List<string> { "/*" },
                    Version = 6,
                }),
                "createCloudUser.0" => Write(CreateCloudUserEndpoint.Descriptor, TcbEmptyRequest.Instance),
                "changeTcbEnv.0" => Write(ChangeTcbEnvEndpoint.Descriptor, new ChangeTcbEnvRequest { Env = "test-env-0001" }),
                "setCallBackConfig.0" => Write(SetCallBackConfigEndpoint.Descriptor, RoundTripTests.FullCallBackConfig()),
                _ => throw new InvalidDataException(example),
            };

            SnapshotAssert.Matches($"Wire/{example}.request.json", written);
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
    }
}
