using TcbGen.Cli.Diff;
using Xunit;

namespace TcbGen.Cli.Tests.Diff
{
    /// <summary>Which fields and codes a spec's decisions settle.</summary>
    public sealed class DecisionRuleTests
    {
        [Theory]
        [InlineData("'env' is optional: the page is silent.", "request.env", true)]
        [InlineData("'env' is optional: the page is silent.", "response.info_list[].env", false)]
        [InlineData("'info_list[].env' keeps the older page's type.", "response.info_list[].env", true)]
        [InlineData("info_list.env keeps the older page's type.", "response.info_list[].env", true)]
        [InlineData("'info_list' is an array of objects.", "response.info_list[].env", false)]
        [InlineData("request.env goes in the query, as the older page says.", "request.env", true)]
        [InlineData("environment ids are strings", "request.env", false)]
        [InlineData("env_id is a string", "request.env", false)]
        public void AFieldIsDecidedWhenADecisionNamesItsWholeWirePath(string decision, string field, bool decided)
            => Assert.Equal(decided, new DecisionRule(new[] { decision }).CoversField(field));

        [Theory]
        [InlineData("40097 is in the tcb set.", 40097, true)]
        [InlineData("-1 is WeChat's.", -1, true)]
        [InlineData("-1000 is the family's.", -1, false)]
        [InlineData("400970 is something else.", 40097, false)]
        public void AnErrcodeIsDecidedWhenADecisionHoldsItsNumber(string decision, int code, bool decided)
            => Assert.Equal(decided, new DecisionRule(new[] { decision }).CoversCode(code));
    }
}
