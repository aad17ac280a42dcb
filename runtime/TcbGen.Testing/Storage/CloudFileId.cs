namespace TcbGen.Testing.Storage
{
    /// <summary>Cloud file ids as WeChat writes them, <c>cloud://&lt;env&gt;.&lt;bucket&gt;/&lt;path&gt;</c>.</summary>
    internal static class CloudFileId
    {
        private const string Scheme = "cloud://";

        public static string Of(string env, string path) => $"{Scheme}{env}.emulator-{env}/{path}";

        /// <summary>The environment and path of a cloud file id; false when it is not one.</summary>
        public static bool TryParse(string? fileId, out string env, out string path)
        {
            env = path = string.Empty;
            if (fileId == null || !fileId.StartsWith(Scheme, System.StringComparison.Ordinal))
            {
                return false;
            }

            string rest = fileId.Substring(Scheme.Length);
            int dot = rest.IndexOf('.');
            int slash = rest.IndexOf('/');
            if (dot <= 0 || slash < dot || slash == rest.Length - 1)
            {
                return false;
            }

            env = rest.Substring(0, dot);
            path = rest.Substring(slash + 1);
            return true;
        }
    }
}
