using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TcbGen.Testing.Responses
{
    /// <summary>Puts an <see cref="Answer"/> on the wire.</summary>
    internal static class AnswerWriter
    {
        public static async Task WriteAsync(HttpContext context, Answer answer, bool textPlain)
        {
            // Without an answer the connection is aborted: returning would make Kestrel send an empty 200.
            if (answer.Kind != AnswerKind.Respond)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = answer.StatusCode;
            if (answer.Body == null)
            {
                return;
            }

            context.Response.ContentType = textPlain || !IsJson(answer.Body) ? "text/plain" : "application/json; charset=utf-8";
            byte[] bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }

        private static bool IsJson(string text)
        {
            try
            {
                using JsonDocument _ = JsonDocument.Parse(text);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
