using Microsoft.CodeAnalysis.Text;
using TcbGen.Generator.Emit;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>
    /// The writer's layout rules, and that nothing is shared between writers: a doc written in pieces keeps its text
    /// whatever another writer writes meanwhile (the thread's shared doc buffer used to be cleared by the next doc).
    /// </summary>
    public sealed class SourceWriterTests
    {
        [Fact]
        public void A_doc_written_in_pieces_keeps_its_text_while_another_writer_writes_docs()
        {
            var first = new SourceWriter();
            var second = new SourceWriter();
            string wire = "env<id>";

            first.OpenDoc("remarks");
            first.Write($"Wire name: <c>{wire:xml}</c>.");
            second.Doc("summary", $"Other {wire:xml}.");
            second.OpenDoc("remarks");
            second.Write($"Second.");
            first.Write($" Required.");
            second.CloseDoc();
            first.CloseDoc();

            Assert.Equal("/// <remarks>Wire name: <c>env&lt;id&gt;</c>. Required.</remarks>\n", first.ToString());
            Assert.Equal("/// <summary>Other env&lt;id&gt;.</summary>\n/// <remarks>Second.</remarks>\n", second.ToString());
        }

        [Fact]
        public void Blocks_indent_lines_and_docs_and_a_doc_with_line_breaks_gets_a_line_each()
        {
            var writer = new SourceWriter();
            string description = "First line\r\nsecond line";
            writer.Open("class C");
            writer.Doc("summary", $"{description:xml}");
            writer.Param("value", "The value.");
            writer.Write("int X => ");
            writer.Write($"{1}");
            writer.Line(";");
            writer.Close();

            Assert.Equal(
                "class C\n{\n"
                + "    /// <summary>\n    /// First line\n    /// second line\n    /// </summary>\n"
                + "    /// <param name=\"value\">The value.</param>\n"
                + "    int X => 1;\n"
                + "}\n",
                writer.ToString());
        }

        [Fact]
        public void The_source_text_is_the_text_written()
        {
            var writer = new SourceWriter();
            writer.Open($"namespace {"N"}");
            writer.Doc("summary", $"{"云开发"}");
            writer.Close();
            string expected = writer.ToString();

            SourceText text = writer.ToSourceText();

            Assert.Equal(expected, text.ToString());
            Assert.Equal("namespace N\n{\n    /// <summary>云开发</summary>\n}\n", expected);
        }
    }
}
