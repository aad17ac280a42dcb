using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TcbGen.Specs.Model;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Specs
{
    /// <summary>One spec'd endpoint as the emulator serves it: the parsed spec plus the look-ups answering needs.</summary>
    internal sealed class EmulatedEndpoint
    {
        private const string DefaultSuccess = "{\"errcode\":0,\"errmsg\":\"ok\"}";

        private readonly Dictionary<string, ObjectSpec> _objects;
        private readonly Dictionary<string, EnumSpec> _enums;
        private readonly List<(string Request, string Response)> _examples;

        public EmulatedEndpoint(EndpointSpec spec)
        {
            Spec = spec;
            // A type borrowed for both sides appears once per side; requests are what the emulator checks.
            _objects = spec.NestedObjects.GroupBy(o => o.TypeName).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.IsRequestSide).First());
            _enums = spec.Enums.GroupBy(e => e.TypeName).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.IsRequestSide).First());
            Errors = ErrorMessages.WithSpecTable(spec.Errors);
            SecretFields = spec.SecretFields.ToArray();
            _examples = spec.Examples
                .Where(e => e.ResponseJson != null)
                .Select(e => (e.RequestJson ?? "{}", e.ResponseJson!))
                .ToList();
        }

        public EndpointSpec Spec { get; }

        public string Name => Spec.Name;

        /// <summary>The wire names of the spec's secret fields, masked in what the emulator records.</summary>
        public IReadOnlyList<string> SecretFields { get; }

        public string Path => Spec.Path;

        public IReadOnlyList<string> TokenKinds => Spec.TokenKinds;

        /// <summary>
        /// The URL parameters the allowed kinds are sent as (<c>access_token</c>, <c>cloudbase_access_token</c>, or the spec's
        /// <c>tokenParameter</c>), in spec order; none for a token-less endpoint.
        /// </summary>
        public IReadOnlyList<string> TokenParameters => Spec.TokenKinds.Select(Spec.TokenParameterFor).Distinct().ToList();

        /// <summary>The spec's errmsg per errcode, falling back to the emulator's standard ones.</summary>
        public ErrorMessages Errors { get; }

        /// <summary>The first example's request body, for printed curl lines; <c>{}</c> when there is none.</summary>
        public string FirstExampleRequest => Spec.Examples.Select(e => e.RequestJson).FirstOrDefault(r => r != null) ?? "{}";

        public ObjectSpec Object(string typeName) => _objects[typeName];

        public EnumSpec Enum(string typeName) => _enums[typeName];

        /// <summary>
        /// The response of the example whose request equals <paramref name="body"/> (so setCloudAccessToken's "set"
        /// example answers a "set"), else the first example's response, else <c>{"errcode":0,"errmsg":"ok"}</c>.
        /// </summary>
        public string SuccessResponse(JsonElement body)
        {
            foreach ((string request, string response) in _examples)
            {
                using JsonDocument example = JsonDocument.Parse(request);
                if (JsonDeepEquality.AreEqual(example.RootElement, body))
                {
                    return response;
                }
            }

            return _examples.Count > 0 ? _examples[0].Response : DefaultSuccess;
        }
    }
}
