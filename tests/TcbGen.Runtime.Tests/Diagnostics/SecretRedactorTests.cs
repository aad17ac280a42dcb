using System.Linq;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    /// <summary>The redactor on each text form a secret arrives in, and on what must stay as it is.</summary>
    public sealed class SecretRedactorTests
    {
        [Theory]
        [InlineData("POST /tcb/x?access_token=SECRET1&env=e HTTP/1.1", "POST /tcb/x?access_token=***&env=e HTTP/1.1")]
        [InlineData("a?cloudbase_access_token=SECRET1", "a?cloudbase_access_token=***")]
        [InlineData("component_access_token=SECRET1&authorizer_access_token=SECRET2", "component_access_token=***&authorizer_access_token=***")]
        [InlineData("authorizer_refresh_token=SECRET1 x", "authorizer_refresh_token=*** x")]
        [InlineData("{\"url\":\"/x?access_token=SECRET1\"}", "{\"url\":\"/x?access_token=***\"}")]
        [InlineData("{\"authorizer_refresh_token\": \"SECRET1\", \"n\": 1}", "{\"authorizer_refresh_token\": \"***\", \"n\": 1}")]
        [InlineData("{\"m\":\"{\\\"access_token\\\":\\\"SECRET1\\\"}\"}", "{\"m\":\"{\\\"access_token\\\":\\\"***\\\"}\"}")]
        [InlineData("<p>access_token&#61;SECRET1</p>", "<p>access_token&#61;***</p>")]
        [InlineData("x access_token%3DSECRET1&y", "x access_token%3D***&y")]
        [InlineData("component_verify_ticket=SECRET1 component_appsecret=SECRET2", "component_verify_ticket=*** component_appsecret=***")]
        [InlineData("{\"ACCESS_TOKEN\":\"SECRET1", "{\"ACCESS_TOKEN\":\"***")]
        [InlineData("{\"verify_ticket\": 918273645, \"n\": 1}", "{\"verify_ticket\": ***, \"n\": 1}")]
        [InlineData("{\"secret_code\":-12.5e3,\"token_flag\":true}", "{\"secret_code\":***,\"token_flag\":***}")]
        [InlineData("{\"m\":\"{\\\"access_token\\\":123456}\"}", "{\"m\":\"{\\\"access_token\\\":***}\"}")]
        [InlineData("{\"access_token\":{\"v\":\"S1\",\"w\":[1,\"}\"]},\"n\":1}", "{\"access_token\":\"***\",\"n\":1}")]
        [InlineData("{\"ticket_list\":[\"S1\",{\"x\":\"S2\"}],\"n\":1}", "{\"ticket_list\":\"***\",\"n\":1}")]
        [InlineData("{\"m\":\"{\\\"access_token\\\":[\\\"S1\\\"]}\",\"n\":1}", "{\"m\":\"{\\\"access_token\\\":\\\"***\\\"}\",\"n\":1}")]
        [InlineData("{\"access_token\":{\"v\":\"S1", "{\"access_token\":\"***\"")]
        [InlineData("r=https%3A%2F%2Fh%2Fp%3Fa%3D1%26access_token%3DS1%26b%3D2", "r=https%3A%2F%2Fh%2Fp%3Fa%3D1%26access_token%3D***%26b%3D2")]
        [InlineData("/x?a\\u003d1\\u0026access_token\\u003dS1\\u0026b\\u003d2", "/x?a\\u003d1\\u0026access_token\\u003d***\\u0026b\\u003d2")]
        [InlineData("X-Request: 1\r\ncloudbase_access_token: S1\r\n", "X-Request: 1\r\ncloudbase_access_token: ***\r\n")]
        public void Secrets_are_masked_in_every_text_form(string text, string expected)
        {
            Assert.Equal(expected, TcbSecretRedactor.Redact(text));
        }

        [Theory]
        [InlineData("invalid credential, access_token is invalid or not latest rid: 6566-1")]
        [InlineData("{\"errcode\":40001,\"errmsg\":\"invalid access_token\"}")]
        [InlineData("env=test-env-0001&action=get")]
        [InlineData("")]
        public void Text_without_secret_values_stays_as_it_is(string text)
        {
            Assert.Equal(text, TcbSecretRedactor.Redact(text));
        }

        [Fact]
        public void A_specs_secret_field_names_are_masked_exactly_beside_the_known_ones()
        {
            string[] secretFields = { "session_key", "otp" };

            Assert.Equal(
                "{\"session_key\":\"***\",\"session_keys\":\"k\",\"secretkey\":\"***\",\"n\":1} x?otp=***&env=e",
                TcbSecretRedactor.Redact("{\"session_key\":\"S1\",\"session_keys\":\"k\",\"secretkey\":\"S2\",\"n\":1} x?otp=123456&env=e", null, secretFields));
            Assert.Equal("{\"session_key\":\"S1\"}", TcbSecretRedactor.Redact("{\"session_key\":\"S1\"}"));
            Assert.Equal("x?a=1%26otp%3D***%26b=2", TcbSecretRedactor.Redact("x?a=1%26otp%3D123456%26b=2", null, secretFields));
        }

        [Fact]
        public void A_specs_secret_field_is_masked_when_it_is_a_number_or_a_boolean()
        {
            string[] secretFields = { "pin", "is_admin" };

            Assert.Equal(
                "{\"pin\": ***, \"pins\": 5, \"is_admin\":***, \"errcode\": 0, \"expires_in\": 7200}",
                TcbSecretRedactor.Redact("{\"pin\": 482913, \"pins\": 5, \"is_admin\":false, \"errcode\": 0, \"expires_in\": 7200}", null, secretFields));
        }

        [Fact]
        public void The_calls_own_token_is_masked_wherever_it_appears()
        {
            Assert.Equal("token *** was rejected (***)", TcbSecretRedactor.Redact("token KNOWN-TOKEN-1 was rejected (KNOWN-TOKEN-1)", "KNOWN-TOKEN-1"));
        }

        [Fact]
        public void Long_runs_of_name_characters_are_scanned_once()
        {
            // An errmsg has no length limit; a pattern that backtracks inside names would take hours here.
            string text = new string('a', 200_000) + "=" + string.Concat(Enumerable.Repeat("token", 40_000)) + " \"" + new string('b', 200_000) + "\":\"v\"";

            Assert.Equal(text, TcbSecretRedactor.Redact(text));
        }
    }
}
