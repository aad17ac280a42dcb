using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Testing.State
{
    /// <summary>
    /// <c>stateful-endpoints.json</c> (beside this file, embedded in the emulator): read once per emulator, then each section
    /// by its own reader (<see cref="StateLinks"/>, <see cref="Storage.StorageLinks"/>).
    /// </summary>
    internal static class StatefulEndpointsResource
    {
        private const string ResourceName = "stateful-endpoints.json";

        public static JsonDocument Open()
        {
            using Stream stream = typeof(StatefulEndpointsResource).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The emulator's {ResourceName} resource is missing.");
            return JsonDocument.Parse(stream);
        }

        /// <summary>The items of the array property <paramref name="name"/>; none when it is absent.</summary>
        public static IEnumerable<JsonElement> Items(JsonElement json, string name) =>
            json.TryGetProperty(name, out JsonElement array) ? array.EnumerateArray() : Enumerable.Empty<JsonElement>();
    }
}
