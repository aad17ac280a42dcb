using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Generator.Emit;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>
    /// A generated file held as UTF-8 must read exactly like the string it was built from, through every way Roslyn
    /// reads a text: the indexer, <c>CopyTo</c> from any position (including between the halves of a surrogate pair and
    /// across checkpoints), lines, sub-texts, checksums and parsing.
    /// </summary>
    public sealed class Utf8SourceTextTests
    {
        /// <summary>ASCII code with, now and then, Chinese text, an emoji (a surrogate pair) or a two-byte character.</summary>
        private static readonly Gen<string> GeneratedLikeText =
            Gen.OneOf(
                    Gen.String[Gen.Char['\n', '~'], 0, 40],
                    Gen.Const("\n"),
                    Gen.Const("云开发环境"),
                    Gen.Const("\U0001F600"),
                    Gen.Const("é£"),
                    Gen.String[Gen.Char['\u4e00', '\u4fff'], 1, 5])
                .Array[0, 400]
                .Select(parts => string.Concat(parts));

        [Fact]
        public void Every_character_and_every_range_reads_as_in_the_string()
        {
            GeneratedLikeText.Select(Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((text, a, b) =>
            {
                SourceText utf8 = Utf8SourceText.From(new StringBuilder(text));
                Assert.Equal(text.Length, utf8.Length);
                for (int i = 0; i < text.Length; i++)
                {
                    Assert.Equal(text[i], utf8[i]);
                }

                int start = text.Length == 0 ? 0 : a % (text.Length + 1);
                int count = (text.Length - start) == 0 ? 0 : b % (text.Length - start + 1);
                char[] buffer = new char[count + 3];
                utf8.CopyTo(start, buffer, 2, count);
                Assert.Equal(text.Substring(start, count), new string(buffer, 2, count));
                Assert.Equal(text, utf8.ToString());
            }, iter: 300);
        }

        [Fact]
        public void Lines_sub_texts_and_checksum_match_a_string_text()
        {
            GeneratedLikeText.Sample(text =>
            {
                SourceText utf8 = Utf8SourceText.From(new StringBuilder(text));
                SourceText expected = SourceText.From(text, Encoding.UTF8);
                Assert.Equal(expected.Lines.Select(l => l.ToString()), utf8.Lines.Select(l => l.ToString()));
                Assert.True(utf8.ContentEquals(expected));
                Assert.Equal(System.BitConverter.ToString(expected.GetChecksum().ToArray()), System.BitConverter.ToString(utf8.GetChecksum().ToArray()));
                if (text.Length > 2)
                {
                    Assert.Equal(text.Substring(1, text.Length - 2), utf8.GetSubText(TextSpan.FromBounds(1, text.Length - 1)).ToString());
                }
            }, iter: 200);
        }

        [Fact]
        public void A_large_mixed_text_parses_like_the_string()
        {
            var builder = new StringBuilder();
            for (int i = 0; i < 2000; i++)
            {
                builder.Append("    /// <summary>云开发环境 ").Append(i).Append(" \U0001F600</summary>\n    public int P").Append(i).Append(" { get; set; }\n");
            }

            string text = "class C\n{\n" + builder + "}\n";
            SourceText utf8 = Utf8SourceText.From(new StringBuilder(text));

            Assert.IsType<Utf8SourceText>(utf8);
            Assert.Equal(
                CSharpSyntaxTree.ParseText(text).GetRoot().ToFullString(),
                CSharpSyntaxTree.ParseText(utf8).GetRoot().ToFullString());
            Assert.Empty(CSharpSyntaxTree.ParseText(utf8).GetDiagnostics());
        }

        [Fact]
        public void A_lone_surrogate_keeps_the_text_as_a_string_unchanged()
        {
            // Built here rather than as InlineData: a lone surrogate does not survive xunit's serialization of test data.
            foreach (string text in new[] { "a" + '\uD800' + "b", "trailing high " + '\uD83D', '\uDE00' + " leading low" })
            {
                SourceText result = Utf8SourceText.From(new StringBuilder(text));

                Assert.IsNotType<Utf8SourceText>(result);
                Assert.Equal(text, result.ToString());
            }
        }

        [Fact]
        public void Ascii_text_maps_positions_to_bytes()
        {
            SourceText text = Utf8SourceText.From(new StringBuilder("namespace N\n{\n}\n"));

            Assert.IsType<Utf8SourceText>(text);
            Assert.Equal('{', text[12]);
            Assert.Equal("namespace N\n{\n}\n", text.ToString());
        }
    }
}
