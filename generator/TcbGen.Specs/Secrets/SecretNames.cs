using System;

namespace TcbGen.Specs
{
    /// <summary>
    /// Which field or parameter names hold a secret by their name alone (beside a spec's <c>"secret"</c> fields): token,
    /// ticket or secret in any case, anywhere in the name (<c>access_token</c>, <c>authorizer_refresh_token</c>,
    /// <c>component_verify_ticket</c>, <c>appsecret</c>, …). In one place: compiled into the spec module (the emulator's
    /// records) and linked into the runtime (its redactor), so both mask the same names.
    /// </summary>
    internal static class SecretNames
    {
        public static bool IsSecretName(string name)
            => name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
               || name.IndexOf("ticket", StringComparison.OrdinalIgnoreCase) >= 0
               || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
