using System;
using System.Collections.Generic;
using System.Globalization;

namespace TcbGen.Redis.Worker
{
    /// <summary>The worker's settings, from <c>--name value</c> pairs.</summary>
    internal sealed class WorkerArguments
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public WorkerArguments(string[] args)
        {
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                _values[args[i].TrimStart('-')] = args[i + 1];
            }
        }

        public Uri Emulator => new(Required("emulator"));

        public string Redis => Required("redis");

        public string ComponentAppId => Required("component-appid");

        public string ComponentAppSecret => Required("component-secret");

        public string AuthorizerAppId => Required("authorizer");

        public string? Optional(string name) => _values.TryGetValue(name, out string? value) ? value : null;

        public TimeSpan Milliseconds(string name, int fallback)
            => TimeSpan.FromMilliseconds(_values.TryGetValue(name, out string? value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback);

        private string Required(string name)
            => _values.TryGetValue(name, out string? value) ? value : throw new ArgumentException("--" + name + " is required.");
    }
}
