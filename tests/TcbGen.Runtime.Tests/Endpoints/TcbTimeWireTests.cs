using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TcbGen.Runtime.Tests.Endpoints
{
    /// <summary>
    /// The time types on the wire, as generated code reads and writes them (also on netstandard2.0, through the shared
    /// tests): strict writing in the field's format whatever the value's offset, tolerant reading that never throws.
    /// </summary>
    public sealed class TcbTimeWireTests
    {
        // 2023-11-15 06:13:20 in China time, unix 1700000000, given with an offset that is neither UTC nor UTC+8.
        private static readonly DateTimeOffset Instant = new DateTimeOffset(2023, 11, 14, 17, 13, 20, TimeSpan.FromHours(-5));

        [Fact]
        public void Times_are_written_in_their_format_whatever_the_offset()
        {
            Assert.Equal("1700000000", Write(w => TcbWireWriter.UnixSeconds(w, Instant)));
            Assert.Equal("1700000000123", Write(w => TcbWireWriter.UnixMilliseconds(w, Instant.AddMilliseconds(123))));
            Assert.Equal("\"2023-11-15 06:13:20\"", Write(w => TcbWireWriter.WeChatDateTime(w, Instant)));
            Assert.Equal("2023-11-15 06:13:20", TcbWireWriter.WeChatDateTimeText(Instant.ToUniversalTime()));
            Assert.Equal("1700000000", TcbWireWriter.UnixSecondsText(Instant));
            Assert.Equal("1700000000123", TcbWireWriter.UnixMillisecondsText(Instant.AddMilliseconds(123)));
        }

        [Fact]
        public void A_time_without_a_value_is_not_written_and_its_text_stays_out_of_the_message()
        {
            TcbTime unread = Read("\"SECRET-ish\"", Kind.Seconds);

            ArgumentException error = Assert.Throws<ArgumentException>(() => Write(w => TcbWireWriter.UnixSeconds(w, unread)));
            Assert.DoesNotContain("SECRET-ish", error.Message);
        }

        [Theory]
        [InlineData("1700000000", Kind.Seconds, 0)]
        [InlineData("\"1700000000\"", Kind.Seconds, 0)]
        [InlineData("1700000000.0", Kind.Seconds, 0)]
        [InlineData("1700000000123", Kind.Milliseconds, 123)]
        [InlineData("\"1700000000123\"", Kind.Milliseconds, 123)]
        [InlineData("\"2023-11-15 06:13:20\"", Kind.DateTime, 0)]
        public void Readable_times_are_read(string json, Kind kind, int milliseconds)
        {
            TcbTime time = Read(json, kind);

            Assert.True(time.HasValue);
            Assert.Equal(Instant.AddMilliseconds(milliseconds), time.Value);
        }

        [Theory]
        [InlineData("\"soon\"", Kind.Seconds, "soon")]
        [InlineData("1.5", Kind.Seconds, "1.5")]
        [InlineData("true", Kind.Seconds, "true")]
        [InlineData("253402300800", Kind.Seconds, "253402300800")]
        [InlineData("1700000000", Kind.DateTime, "1700000000")]
        [InlineData("\"2023-11-15T06:13:20+08:00\"", Kind.DateTime, "2023-11-15T06:13:20+08:00")]
        [InlineData("\"2023-11-15  06:13:20\"", Kind.DateTime, "2023-11-15  06:13:20")]
        [InlineData("{\"a\":[1,2]}", Kind.DateTime, null)]
        [InlineData("[1]", Kind.Milliseconds, null)]
        public void Anything_else_reads_as_no_time_with_its_text(string json, Kind kind, string? raw)
        {
            TcbTime time = Read(json, kind);

            Assert.False(time.HasValue);
            Assert.Equal(raw, time.Raw);
        }

        [Fact]
        public void A_time_converts_from_a_DateTimeOffset_and_compares_by_instant_and_text()
        {
            TcbTime set = Instant;

            Assert.Equal(Instant, set.Value);
            Assert.Null(set.Raw);
            Assert.Equal(new TcbTime(Instant.ToUniversalTime()), set);
            Assert.NotEqual(Read("1700000000", Kind.Seconds), set);
            Assert.Equal("2023-11-14T17:13:20.0000000-05:00", set.ToString());
            Assert.Equal("soon", Read("\"soon\"", Kind.Seconds).ToString());
        }

        public enum Kind
        {
            Seconds,
            Milliseconds,
            DateTime,
        }

        private static TcbTime Read(string json, Kind kind)
        {
            // Inside an object, so the reader's position after the value can be checked: the next token is the end.
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"t\":" + json + "}"));
            reader.Read();
            reader.Read();
            reader.Read();
            TcbTime time = kind switch
            {
                Kind.Seconds => TcbWireReader.UnixSeconds(ref reader),
                Kind.Milliseconds => TcbWireReader.UnixMilliseconds(ref reader),
                _ => TcbWireReader.WeChatDateTime(ref reader),
            };
            Assert.True(reader.Read());
            Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
            return time;
        }

        private static string Write(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
