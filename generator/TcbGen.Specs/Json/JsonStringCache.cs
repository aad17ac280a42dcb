using System;

namespace TcbGen.Specs.Json
{
    /// <summary>
    /// Short strings cut from JSON text, shared instead of made again: a spec repeats the same few keys and values
    /// (<c>"name"</c>, <c>"type"</c>, <c>"string"</c>, <c>"description"</c>) hundreds of times, and so does every spec.
    /// One slot per hash, the newest string wins; per thread, so the generator's parallel runs never share it.
    /// </summary>
    internal static class JsonStringCache
    {
        private const int Slots = 1024;
        private const int MaxLength = 32;

        [ThreadStatic]
        private static string?[]? t_slots;

        /// <summary>The <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
        public static string Get(string text, int start, int length)
        {
            if (length == 0 || length > MaxLength)
            {
                return text.Substring(start, length);
            }

            int hash = length;
            for (int i = start; i < start + length; i++)
            {
                hash = unchecked((hash * 31) + text[i]);
            }

            string?[] slots = t_slots ??= new string?[Slots];
            int slot = hash & (Slots - 1);
            string? cached = slots[slot];
            if (cached != null && cached.Length == length && string.CompareOrdinal(cached, 0, text, start, length) == 0)
            {
                return cached;
            }

            string made = text.Substring(start, length);
            slots[slot] = made;
            return made;
        }
    }
}
