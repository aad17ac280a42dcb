using System;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>
    /// What the transport sends for an endpoint whose body the caller supplies (<c>"requestBody": "caller-json"</c>): the
    /// request's query fields and the body. Generated clients make it; the endpoint's descriptor writes it.
    /// </summary>
    /// <typeparam name="TRequest">The request type holding the query fields (<see cref="TcbEmptyRequest"/> when there are none).</typeparam>
    public sealed class TcbRequestWithBody<TRequest>
    {
        /// <summary>Pairs a request with its body.</summary>
        /// <param name="request">The query fields.</param>
        /// <param name="body">The body.</param>
        public TcbRequestWithBody(TRequest request, TcbJsonBody body)
        {
            Request = request;
            Body = body ?? throw new ArgumentNullException(nameof(body));
        }

        /// <summary>The query fields.</summary>
        public TRequest Request { get; }

        /// <summary>The body.</summary>
        public TcbJsonBody Body { get; }

        /// <summary>Writes the body: the descriptor's request writer.</summary>
        /// <param name="writer">The request's writer.</param>
        /// <param name="request">The request.</param>
        public static void WriteBody(Utf8JsonWriter writer, TcbRequestWithBody<TRequest> request) => request.Body.WriteTo(writer);

        /// <summary>The descriptor's query writer: <paramref name="writeQuery"/> applied to <see cref="Request"/>.</summary>
        /// <param name="writeQuery">The generated query writer of <typeparamref name="TRequest"/>.</param>
        /// <returns>The query writer of the pair.</returns>
        public static TcbRequestQueryWriter<TcbRequestWithBody<TRequest>> Query(TcbRequestQueryWriter<TRequest> writeQuery)
        {
            if (writeQuery is null)
            {
                throw new ArgumentNullException(nameof(writeQuery));
            }

            return (query, request) => writeQuery(query, request.Request);
        }
    }
}
