using System.Collections.Generic;
using System.Globalization;
using System.Security;
using System.Text;

namespace TcbGen.Testing.Pushes
{
    /// <summary>
    /// The XML WeChat pushes to the authorization-event URL: the decrypted message (as the component_verify_ticket and
    /// authorize_event pages show it) and the envelope that carries it encrypted.
    /// </summary>
    internal static class ComponentPushMessage
    {
        /// <summary><c>&lt;xml&gt;&lt;AppId&gt;…&lt;/AppId&gt;&lt;CreateTime&gt;…&lt;/CreateTime&gt;&lt;InfoType&gt;…&lt;/InfoType&gt;</c> then the fields.</summary>
        public static string Plain(string componentAppId, long createTime, string infoType, IEnumerable<KeyValuePair<string, string>> fields)
        {
            var xml = new StringBuilder("<xml>");
            Element(xml, "AppId", componentAppId);
            Element(xml, "CreateTime", createTime.ToString(CultureInfo.InvariantCulture));
            Element(xml, "InfoType", infoType);
            foreach (KeyValuePair<string, string> field in fields)
            {
                Element(xml, field.Key, field.Value);
            }

            return xml.Append("</xml>").ToString();
        }

        /// <summary>The POST body: the platform's appid and the <c>Encrypt</c> value (Base64, so CDATA needs no escaping).</summary>
        public static string Envelope(string componentAppId, string encrypt)
            => "<xml><AppId>" + SecurityElement.Escape(componentAppId) + "</AppId><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";

        private static void Element(StringBuilder xml, string name, string value)
            => xml.Append('<').Append(name).Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append('>');
    }
}
