using System.Text;

namespace TcbGen.Generator.Emit
{
    /// <summary>Fills the one-digit holes of a format (<c>{0}</c>, <c>{1}</c>, <c>{2}</c>) where it is written.</summary>
    internal interface IHoleFiller
    {
        /// <summary>Appends what hole <paramref name="hole"/> (its digit) stands for.</summary>
        void AppendHole(StringBuilder builder, char hole);
    }

    /// <summary>
    /// Formats with one-digit holes appended straight into the writer's builder: no <c>string.Format</c>, no boxed
    /// arguments, no intermediate string. Text outside the holes is copied as it is.
    /// </summary>
    internal static class FormatHoles
    {
        public static void Fill<TFiller>(StringBuilder builder, string format, in TFiller filler)
            where TFiller : struct, IHoleFiller
        {
            int start = 0;
            for (int i = 0; i + 2 < format.Length; i++)
            {
                if (format[i] != '{' || format[i + 2] != '}')
                {
                    continue;
                }

                builder.Append(format, start, i - start);
                filler.AppendHole(builder, format[i + 1]);
                start = i + 3;
                i += 2;
            }

            builder.Append(format, start, format.Length - start);
        }
    }
}
