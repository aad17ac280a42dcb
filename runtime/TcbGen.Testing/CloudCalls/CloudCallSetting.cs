using System;
using System.Collections.Generic;

namespace TcbGen.Testing.CloudCalls
{
    /// <summary>One env's setCloudAccessToken setting: whether cloud calls are on, and the API paths they may call.</summary>
    internal sealed class CloudCallSetting
    {
        public CloudCallSetting(bool open, IReadOnlyList<string> apiWhitelist, int version)
        {
            Open = open;
            ApiWhitelist = apiWhitelist;
            Version = version;
        }

        /// <summary>Before any set: on, every API (<c>/*</c>), as the page says the permission is on by default and its get example shows.</summary>
        public static CloudCallSetting Default { get; } = new CloudCallSetting(true, new[] { "/*" }, 0);

        public bool Open { get; }

        public IReadOnlyList<string> ApiWhitelist { get; }

        public int Version { get; }

        /// <summary>Whether a cloud call to <paramref name="path"/> is allowed: on, and an entry equal to the path or a prefix ending in <c>*</c>.</summary>
        public bool Allows(string path)
        {
            if (!Open)
            {
                return false;
            }

            foreach (string entry in ApiWhitelist)
            {
                bool matches = entry.EndsWith("*", StringComparison.Ordinal)
                    ? path.StartsWith(entry.Substring(0, entry.Length - 1), StringComparison.Ordinal)
                    : string.Equals(entry, path, StringComparison.Ordinal);
                if (matches)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
