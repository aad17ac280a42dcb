using System.Collections.Generic;
using System.Text.Json;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    public sealed class EchoRequest
    {
        public string? Env { get; set; }
    }

    public sealed class EchoResponse : TcbResponse
    {
        public string? Result { get; set; }
    }

    public enum EchoErrorCode
    {
        SystemBusy = -1,
        Ok = 0,
        EnvNotFound = -601049,
        RateLimited = -601026,
    }

    /// <summary>Endpoints written the way the generator writes them: small writer/reader lambdas, a typed exception factory.</summary>
    public static class TestEndpoints
    {
        public const string Path = "/tcb/echo";

        private static readonly Dictionary<int, string> Solutions = new()
        {
            [-601049] = "Check that the environment id exists.",
        };

        public static TcbEndpoint<EchoRequest, EchoResponse> Echo(string name = "echo", bool isRetrySafe = true, string path = Path, bool strictReader = false, TcbRequestWriter<EchoRequest>? writer = null)
            => new(
                name,
                path,
                isRetrySafe,
                writer ?? WriteEnv,
                strictReader ? ReadStrict : Read,
                (code, message) => new TcbApiException<EchoErrorCode>(
                    name,
                    (EchoErrorCode)code,
                    code,
                    message,
                    Solutions.TryGetValue(code, out string? solution) ? solution : null,
                    System.Enum.IsDefined(typeof(EchoErrorCode), code)));

        private static void WriteEnv(Utf8JsonWriter writer, EchoRequest request)
        {
            writer.WriteStartObject();
            if (request.Env != null)
            {
                writer.WriteString("env", request.Env);
            }

            writer.WriteEndObject();
        }

        private static EchoResponse Read(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected an object.");
            }

            var response = new EchoResponse();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "errcode": response.ErrorCode = TcbWireReader.ErrorCode(ref reader, response.ErrorCode); break;
                    case "errmsg": response.ErrorMessage = TcbWireReader.ErrorMessage(ref reader); break;
                    case "result": response.Result = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            return response;
        }

        /// <summary>A reader that, like a generated one for a required field, fails when <c>result</c> is missing.</summary>
        private static EchoResponse ReadStrict(ref Utf8JsonReader reader)
        {
            EchoResponse response = Read(ref reader);
            return response.Result is null ? throw new JsonException("Missing required property 'result'.") : response;
        }
    }
}
