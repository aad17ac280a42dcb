using System.Collections.Generic;
using TcbGen.Cli.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>A table's 'number': a double only where the description speaks of fractions, as a word, not inside one.</summary>
    public sealed class NumberTypingTests
    {
        [Theory]
        // "Migration" and "Configuration" hold the letters "ratio": no fraction (the English family pages).
        [InlineData("job_id", "Migration Task ID", "integer")]
        [InlineData("type", "Configuration type", "integer")]
        [InlineData("rate", "the conversion ratio", "number")]
        [InlineData("share", "a percentage of the total", "number")]
        [InlineData("amount", "金额，单位元", "number")]
        public void ANumberIsADoubleOnlyWhenItsDescriptionSpeaksOfFractions(string name, string description, string kind)
            => Assert.Equal(kind, FieldTyper.ReadType(name, name, "number", description, new List<string>()).Kind);
    }
}
