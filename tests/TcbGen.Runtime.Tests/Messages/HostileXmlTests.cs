using System.Collections.Generic;
using Xunit;

namespace TcbGen.Runtime.Tests.Messages
{
    /// <summary>The push XML reader refuses DTDs, entities, oversized and malformed documents.</summary>
    public sealed class HostileXmlTests
    {
        public static TheoryData<string> HostileDocuments => new TheoryData<string>
        {
            // Entity expansion ("billion laughs").
            "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><Encrypt>&c;</Encrypt></xml>",
            // External entity (XXE).
            "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>",
            // External DTD.
            "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><Encrypt>a</Encrypt></xml>",
            // An undeclared entity.
            "<xml><Encrypt>&unknown;</Encrypt></xml>",
            "<xml><Encrypt>unclosed</xml>",
            "<root><Encrypt>a</Encrypt></root>",
            "<xml><Encrypt>a</Encrypt></xml><xml/>",
            "not xml at all",
            "",
        };

        [Theory]
        [MemberData(nameof(HostileDocuments))]
        public void Hostile_or_malformed_XML_is_refused(string xml)
        {
            TcbMessageRejectedException rejected = Assert.Throws<TcbMessageRejectedException>(() => TcbPushXml.ReadFields(xml));
            Assert.Equal(TcbMessageRejection.MalformedXml, rejected.Reason);
        }

        [Fact]
        public void A_document_over_the_limit_is_refused_before_parsing()
        {
            string xml = "<xml><Encrypt>" + new string('A', 2000) + "</Encrypt></xml>";
            TcbMessageRejectedException rejected = Assert.Throws<TcbMessageRejectedException>(() => TcbPushXml.ReadFields(xml, maxCharacters: 1000));
            Assert.Equal(TcbMessageRejection.BodyTooLarge, rejected.Reason);
        }

        [Fact]
        public void Hostile_XML_inside_the_ciphertext_is_refused_too()
        {
            var crypto = new TcbMessageCrypto("t", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx1");
            string encrypt = crypto.Encrypt("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><InfoType>&x;</InfoType></xml>");
            string message = crypto.Decrypt(encrypt);
            Assert.Throws<TcbMessageRejectedException>(() => TcbPushXml.ReadFields(message));
        }

        [Fact]
        public void Flat_fields_CDATA_whitespace_and_a_declaration_read()
        {
            IReadOnlyDictionary<string, string> fields = TcbPushXml.ReadFields(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xml>\n  <AppId><![CDATA[wx1]]></AppId>\n  <CreateTime>1413192605</CreateTime>\n  <Empty/>\n  <!-- c -->\n</xml>");

            Assert.Equal("wx1", fields["AppId"]);
            Assert.Equal("1413192605", fields["CreateTime"]);
            Assert.Equal(string.Empty, fields["Empty"]);
            Assert.Equal(3, fields.Count);
        }
    }
}
