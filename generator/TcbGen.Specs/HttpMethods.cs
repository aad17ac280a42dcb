namespace TcbGen.Specs
{
    /// <summary>The HTTP methods a spec may name. WeChat's server APIs use these two.</summary>
    internal enum EndpointMethod
    {
        Post,
        Get,
    }

    /// <summary>Where a request field is sent.</summary>
    internal enum FieldLocation
    {
        /// <summary>A property of the JSON body.</summary>
        Body,

        /// <summary>A query parameter, after the token's.</summary>
        Query,
    }

    /// <summary>The spelling and defaults of each <see cref="EndpointMethod"/>, in one place.</summary>
    internal static class HttpMethods
    {
        public const string Post = "POST";
        public const string Get = "GET";

#pragma warning disable CS8524 // Exhaustive over the named methods: a new EndpointMethod must be handled here (CS8509).
        /// <summary>The method as the spec and HTTP spell it.</summary>
        public static string WireName(EndpointMethod method) => method switch
        {
            EndpointMethod.Post => Post,
            EndpointMethod.Get => Get,
        };

        /// <summary>Whether requests carry a JSON body unless the spec says <c>"requestBody": "none"</c>; GET never does.</summary>
        public static bool CarriesBody(EndpointMethod method) => method switch
        {
            EndpointMethod.Post => true,
            EndpointMethod.Get => false,
        };

        /// <summary>The runtime's <c>System.Net.Http.HttpMethod</c> for the method, as generated code spells it.</summary>
        public static string CSharp(EndpointMethod method) => method switch
        {
            EndpointMethod.Post => "global::System.Net.Http.HttpMethod.Post",
            EndpointMethod.Get => "global::System.Net.Http.HttpMethod.Get",
        };
#pragma warning restore CS8524

        /// <summary>The method named <paramref name="wireName"/>, if it is one.</summary>
        public static bool TryParse(string wireName, out EndpointMethod method)
        {
            switch (wireName)
            {
                case Post:
                    method = EndpointMethod.Post;
                    return true;
                case Get:
                    method = EndpointMethod.Get;
                    return true;
                default:
                    method = EndpointMethod.Post;
                    return false;
            }
        }
    }
}
