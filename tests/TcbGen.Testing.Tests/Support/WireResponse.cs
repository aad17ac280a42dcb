using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace TcbGen.Testing.Tests.Support
{
    /// <summary>What came back over the wire.</summary>
    internal sealed record WireResponse(int Status, string? MediaType, string Text)
    {
        public JsonElement Json
        {
            get
            {
                using JsonDocument document = JsonDocument.Parse(Text);
                return document.RootElement.Clone();
            }
        }

        public int Errcode => Json.GetProperty("errcode").GetInt32();

        public string Errmsg => Json.GetProperty("errmsg").GetString()!;

        /// <summary>Asserts a WeChat-style error: HTTP 200, the errcode, an errmsg starting with the message and ending in a rid.</summary>
        public void AssertError(int errcode, string messageStart)
        {
            Assert.Equal(200, Status);
            Assert.Equal(errcode, Errcode);
            Assert.StartsWith(messageStart, Errmsg);
            Assert.Matches(new Regex(@" rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$"), Errmsg);
        }
    }
}
