using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TcbGen.Runtime
{
    /// <summary>Reads a response's JSON-text field as the caller's result type: the last step of a generated typed call.</summary>
    public static class TcbJsonResult
    {
        /// <summary>
        /// <paramref name="text"/> read as <typeparamref name="TResult"/>. The call itself succeeded (errcode 0), so a field
        /// that is absent, or whose text is not JSON of <typeparamref name="TResult"/>, is a <see cref="TcbProtocolException"/>
        /// whose <see cref="TcbProtocolException.ErrorCode"/> is 0; its message never quotes the text.
        /// </summary>
        /// <typeparam name="TResult">The result type.</typeparam>
        /// <param name="endpointName">The endpoint, for the exception.</param>
        /// <param name="wireName">The field's wire name, for the exception.</param>
        /// <param name="text">The field's value.</param>
        /// <param name="resultType">The result type's metadata.</param>
        /// <returns>The result; <see langword="default"/> when the text is JSON <c>null</c>.</returns>
        public static TResult Read<TResult>(string endpointName, string wireName, TcbJsonText? text, JsonTypeInfo<TResult> resultType)
        {
            if (resultType is null)
            {
                throw new ArgumentNullException(nameof(resultType));
            }

            if (text is not TcbJsonText value)
            {
                throw new TcbProtocolException(endpointName, 200, 0, null, $"The response holds no '{wireName}' to read as {typeof(TResult).Name}.");
            }

            try
            {
                return value.Deserialize(resultType)!;
            }
            catch (JsonException exception)
            {
                // The inner exception's message names a position, never the text.
                throw new TcbProtocolException(endpointName, 200, 0, null, $"'{wireName}' is not JSON of {typeof(TResult).Name}.", exception);
            }
        }
    }
}
