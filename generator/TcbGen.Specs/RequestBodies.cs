namespace TcbGen.Specs
{
    /// <summary>What a request sends as its body (the spec's <c>"requestBody"</c>).</summary>
    internal enum RequestBodyKind
    {
        /// <summary><c>"json"</c>: a JSON object of the request's body fields (<c>{}</c> when there are none).</summary>
        Fields,

        /// <summary><c>"none"</c>: no body; every request field goes in the query.</summary>
        None,

        /// <summary>
        /// <c>"caller-json"</c>: one JSON value the caller supplies, sent as given (invokeCloudFunction's function input);
        /// every request field goes in the query.
        /// </summary>
        CallerJson,
    }

    /// <summary>The spelling and rules of each <see cref="RequestBodyKind"/>, in one place.</summary>
    internal static class RequestBodies
    {
        public const string Json = "json";
        public const string None = "none";
        public const string CallerJson = "caller-json";

        /// <summary>The values a spec may write, for messages.</summary>
        public const string ValueList = "\"json\", \"none\" or \"caller-json\"";

#pragma warning disable CS8524 // Exhaustive over the named kinds: a new RequestBodyKind must be handled here (CS8509).
        /// <summary>The kind as a spec writes it.</summary>
        public static string WireName(RequestBodyKind kind) => kind switch
        {
            RequestBodyKind.Fields => Json,
            RequestBodyKind.None => None,
            RequestBodyKind.CallerJson => CallerJson,
        };

        /// <summary>Whether the request's fields go in the body unless a field says <c>"in": "query"</c>.</summary>
        public static bool HoldsFields(RequestBodyKind kind) => kind switch
        {
            RequestBodyKind.Fields => true,
            RequestBodyKind.None => false,
            RequestBodyKind.CallerJson => false,
        };

        /// <summary>Whether an HTTP body is sent at all.</summary>
        public static bool IsSent(RequestBodyKind kind) => kind switch
        {
            RequestBodyKind.Fields => true,
            RequestBodyKind.None => false,
            RequestBodyKind.CallerJson => true,
        };
#pragma warning restore CS8524

        /// <summary>The kind a spec names, if it is one.</summary>
        public static bool TryParse(string wireName, out RequestBodyKind kind)
        {
            switch (wireName)
            {
                case Json:
                    kind = RequestBodyKind.Fields;
                    return true;
                case None:
                    kind = RequestBodyKind.None;
                    return true;
                case CallerJson:
                    kind = RequestBodyKind.CallerJson;
                    return true;
                default:
                    kind = RequestBodyKind.Fields;
                    return false;
            }
        }
    }
}
