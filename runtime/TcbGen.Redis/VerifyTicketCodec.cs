using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace TcbGen.Redis
{
    /// <summary>
    /// A <c>component_verify_ticket</c> as stored in Redis: the one place its value is written and read, protected like
    /// the tokens when an <see cref="Runtime.ITcbTokenProtector"/> is registered (<see cref="StoredSecrets"/>), and its id,
    /// the digest the Lua scripts compare instead of the value (a protected value differs on every write).
    /// </summary>
    internal static class VerifyTicketCodec
    {
        /// <summary>The lowercase hex SHA-256 of the ticket: equal tickets have equal ids whatever the stored value looks like.</summary>
        public static string Id(string ticket)
        {
            byte[] digest;
            using (SHA256 sha = SHA256.Create())
            {
                digest = sha.ComputeHash(Encoding.UTF8.GetBytes(ticket));
            }

            var hex = new StringBuilder(digest.Length * 2);
            foreach (byte b in digest)
            {
                hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        /// <summary>The value written for a ticket.</summary>
        public static RedisValue Seal(string ticket, StoredSecrets secrets) => secrets.Protect(ticket);

        /// <summary>The ticket a stored value holds, or <see langword="null"/> when nothing is stored.</summary>
        public static string? Unseal(RedisValue stored, StoredSecrets secrets) => stored.IsNullOrEmpty ? null : secrets.Unprotect(stored!);
    }
}
