using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>Writes a request body as JSON. Generated per endpoint; never uses reflection.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="writer">The writer to write the JSON object to.</param>
    /// <param name="request">The request to write.</param>
    public delegate void TcbRequestWriter<in TRequest>(Utf8JsonWriter writer, TRequest request);

    /// <summary>Reads a response body. Generated per endpoint; tolerates unknown fields.</summary>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="reader">A reader over the whole response body, positioned before its first token.</param>
    /// <returns>The response read from the body.</returns>
    public delegate TResponse TcbResponseReader<out TResponse>(ref Utf8JsonReader reader);

    /// <summary>Creates the typed exception for an errcode other than 0 returned by an endpoint.</summary>
    /// <param name="errorCode">The raw errcode.</param>
    /// <param name="errorMessage">The errmsg WeChat returned, if any.</param>
    /// <returns>The exception to throw.</returns>
    public delegate TcbApiException TcbApiExceptionFactory(int errorCode, string? errorMessage);

    /// <summary>
    /// Describes one WeChat server API endpoint to the transport: where it lives, how its bodies are
    /// written and read, and how its errors are typed. Instances are generated from the endpoint specs. Immutable, so
    /// one instance is shared by every transport and thread (each transport keeps its own URLs of it).
    /// </summary>
    /// <typeparam name="TRequest">The request type (<see cref="TcbEmptyRequest"/> when the body is <c>{}</c>).</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    public sealed class TcbEndpoint<TRequest, TResponse>
        where TResponse : TcbResponse
    {
        /// <summary>Creates an endpoint description.</summary>
        /// <param name="name">The interface name from the WeChat documentation, e.g. <c>setCloudAccessToken</c>.</param>
        /// <param name="path">The URL path, e.g. <c>/tcb/usecloudaccesstoken</c>.</param>
        /// <param name="isRetrySafe">Whether the request may be sent again after it may have reached the server.</param>
        /// <param name="writeRequest">Writes the request body.</param>
        /// <param name="readResponse">Reads the response body.</param>
        /// <param name="createException">Creates the typed exception for an errcode other than 0.</param>
        public TcbEndpoint(
            string name,
            string path,
            bool isRetrySafe,
            TcbRequestWriter<TRequest> writeRequest,
            TcbResponseReader<TResponse> readResponse,
            TcbApiExceptionFactory createException)
            : this(name, path, HttpMethod.Post, isRetrySafe, writeRequest ?? throw new ArgumentNullException(nameof(writeRequest)), null, readResponse, createException)
        {
        }

        /// <summary>Creates an endpoint description with its method and where its request fields go.</summary>
        /// <param name="name">The interface name from the WeChat documentation.</param>
        /// <param name="path">The URL path.</param>
        /// <param name="method">The HTTP method, e.g. <see cref="HttpMethod.Get"/>.</param>
        /// <param name="isRetrySafe">Whether the request may be sent again after it may have reached the server.</param>
        /// <param name="writeRequest">Writes the JSON body; <see langword="null"/> when requests are sent without a body.</param>
        /// <param name="writeQuery">Writes the query fields; <see langword="null"/> when there are none.</param>
        /// <param name="readResponse">Reads the response body.</param>
        /// <param name="createException">Creates the typed exception for an errcode other than 0.</param>
        public TcbEndpoint(
            string name,
            string path,
            HttpMethod method,
            bool isRetrySafe,
            TcbRequestWriter<TRequest>? writeRequest,
            TcbRequestQueryWriter<TRequest>? writeQuery,
            TcbResponseReader<TResponse> readResponse,
            TcbApiExceptionFactory createException)
            : this(name, path, method, isRetrySafe, writeRequest, writeQuery, readResponse, createException, null)
        {
        }

        /// <summary>Creates an endpoint description whose responses or requests hold secret fields.</summary>
        /// <param name="name">The interface name from the WeChat documentation.</param>
        /// <param name="path">The URL path.</param>
        /// <param name="method">The HTTP method, e.g. <see cref="HttpMethod.Get"/>.</param>
        /// <param name="isRetrySafe">Whether the request may be sent again after it may have reached the server.</param>
        /// <param name="writeRequest">Writes the JSON body; <see langword="null"/> when requests are sent without a body.</param>
        /// <param name="writeQuery">Writes the query fields; <see langword="null"/> when there are none.</param>
        /// <param name="readResponse">Reads the response body.</param>
        /// <param name="createException">Creates the typed exception for an errcode other than 0.</param>
        /// <param name="secretFields">The wire names of the spec's secret fields, masked wherever a body excerpt or errmsg quotes them.</param>
        public TcbEndpoint(
            string name,
            string path,
            HttpMethod method,
            bool isRetrySafe,
            TcbRequestWriter<TRequest>? writeRequest,
            TcbRequestQueryWriter<TRequest>? writeQuery,
            TcbResponseReader<TResponse> readResponse,
            TcbApiExceptionFactory createException,
            IReadOnlyList<string>? secretFields)
            : this(name, path, method, isRetrySafe, writeRequest, writeQuery, readResponse, createException, secretFields, null)
        {
        }

        /// <summary>Creates an endpoint description whose token goes in a URL parameter of its own (<c>api_query_auth?component_access_token=</c>).</summary>
        /// <param name="name">The interface name from the WeChat documentation.</param>
        /// <param name="path">The URL path.</param>
        /// <param name="method">The HTTP method, e.g. <see cref="HttpMethod.Get"/>.</param>
        /// <param name="isRetrySafe">Whether the request may be sent again after it may have reached the server.</param>
        /// <param name="writeRequest">Writes the JSON body; <see langword="null"/> when requests are sent without a body.</param>
        /// <param name="writeQuery">Writes the query fields; <see langword="null"/> when there are none.</param>
        /// <param name="readResponse">Reads the response body.</param>
        /// <param name="createException">Creates the typed exception for an errcode other than 0.</param>
        /// <param name="secretFields">The wire names of the spec's secret fields; <see langword="null"/> for none.</param>
        /// <param name="tokenParameter">The URL parameter the token goes in; <see langword="null"/> for the token kind's own (<see cref="TcbTokenKind.UrlParameter"/>).</param>
        public TcbEndpoint(
            string name,
            string path,
            HttpMethod method,
            bool isRetrySafe,
            TcbRequestWriter<TRequest>? writeRequest,
            TcbRequestQueryWriter<TRequest>? writeQuery,
            TcbResponseReader<TResponse> readResponse,
            TcbApiExceptionFactory createException,
            IReadOnlyList<string>? secretFields,
            string? tokenParameter)
        {
            TokenParameter = tokenParameter;
            SecretFields = secretFields ?? Array.Empty<string>();
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Method = method ?? throw new ArgumentNullException(nameof(method));
            IsRetrySafe = isRetrySafe;
            HasBody = writeRequest != null;
            WriteRequest = writeRequest ?? NoBody;
            WriteQuery = writeQuery;
            ReadResponse = readResponse ?? throw new ArgumentNullException(nameof(readResponse));
            CreateException = createException ?? throw new ArgumentNullException(nameof(createException));
            ActivityName = "tcb " + name;
        }

        /// <summary>The interface name from the WeChat documentation, e.g. <c>setCloudAccessToken</c>.</summary>
        public string Name { get; }

        /// <summary>The wire names of the spec's <c>"secret"</c> fields; masked, beside every token- or secret-named field, in error excerpts.</summary>
        public IReadOnlyList<string> SecretFields { get; }

        /// <summary>
        /// The URL parameter this endpoint takes its token as, when the spec names one (<c>"tokenParameter"</c>), else
        /// <see langword="null"/>: the token kind's own parameter (<see cref="TcbTokenKind.UrlParameter"/>) is used.
        /// </summary>
        public string? TokenParameter { get; }

        /// <summary>The URL path, e.g. <c>/tcb/usecloudaccesstoken</c>.</summary>
        public string Path { get; }

        /// <summary>The HTTP method: POST for most WeChat server APIs, GET for some <c>/cgi-bin/...</c> ones.</summary>
        public HttpMethod Method { get; }

        /// <summary>Whether requests carry a JSON body; when not, <see cref="WriteRequest"/> is never called.</summary>
        public bool HasBody { get; }

        /// <summary>Writes the request's query fields, or <see langword="null"/> when it has none.</summary>
        public TcbRequestQueryWriter<TRequest>? WriteQuery { get; }

        /// <summary>Whether the request may be sent again after it may have reached the server.</summary>
        public bool IsRetrySafe { get; }

        /// <summary>Writes the request body (when <see cref="HasBody"/>).</summary>
        public TcbRequestWriter<TRequest> WriteRequest { get; }

        /// <summary>Reads the response body.</summary>
        public TcbResponseReader<TResponse> ReadResponse { get; }

        /// <summary>Creates the typed exception for an errcode other than 0.</summary>
        public TcbApiExceptionFactory CreateException { get; }

        /// <summary>The name of the call's span, <c>tcb {Name}</c>, built once.</summary>
        internal string ActivityName { get; }

        /// <inheritdoc />
        public override string ToString() => Name + " (" + Method.Method + " " + Path + ")";

        private static void NoBody(Utf8JsonWriter writer, TRequest request) =>
            throw new InvalidOperationException("This endpoint's requests are sent without a body.");
    }
}
