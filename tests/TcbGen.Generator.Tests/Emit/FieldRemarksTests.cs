using System.IO;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>What the C# type of a property does not say is in its remarks: a time's wire form, a secret, a field WeChat always sends.</summary>
    public sealed class FieldRemarksTests
    {
        [Fact]
        public void ATimesWireFormIsInTheRemarksAlsoForAnArrayOfTimes()
        {
            string types = Generate("listTimedLogs", "ListTimedLogs");

            Assert.Contains("/// <remarks>Query parameter: <c>since</c>. Required. On the wire: a unix time in seconds (an integer); a value WeChat sends otherwise is kept in <see cref=\"global::TcbGen.Runtime.TcbTime.Raw\"/>.</remarks>", types);
            Assert.Contains("On the wire: a \"yyyy-MM-dd HH:mm:ss\" time (UTC+8);", types);
            Assert.Contains("public global::System.Collections.Generic.IList<global::TcbGen.Runtime.TcbTime>? At { get; set; }", types);
        }

        [Fact]
        public void ASecretIsHiddenFromTheDebuggerAndSaysSo()
        {
            string types = Generate("issueCloudToken", "IssueCloudToken");

            Assert.Contains("Secret: hidden from the debugger, and masked in error excerpts and in the emulator's records.</remarks>\n        [global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]\n        public string? SecretKey { get; set; }", types.Replace("\r\n", "\n"));
        }

        [Fact]
        public void AFieldWeChatAlwaysSendsSaysSo()
        {
            string types = Generate("describeStrictly", "DescribeStrictly");

            Assert.Contains("/// <remarks>Wire name: <c>env_id</c>. Always sent: a successful response without it fails with <see cref=\"global::TcbGen.Runtime.TcbProtocolException\"/> (errcode 0).</remarks>", types);
            Assert.Contains("/// <remarks>Wire name: <c>note</c>. Absent from the response when <see langword=\"null\"/>.</remarks>", types);
        }

        private static string Generate(string name, string prefix)
        {
            string json = File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", name + ".tcb.json"));
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(name + ".tcb.json", json) });
            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            return outcome.Source(prefix + ".g.cs");
        }
    }
}
