using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Reads WeChat's push XML (one <c>&lt;xml&gt;</c> root with flat child elements) into name/value pairs, refusing a
    /// DTD, any entity, external resolution and documents over a size limit. Uses <see cref="XmlReader"/> only, so it is
    /// safe under trimming and native AOT.
    /// </summary>
    public static class TcbPushXml
    {
        /// <summary>The default size limit in characters (64 KiB; a real push is under 2 KiB).</summary>
        public const int DefaultMaxCharacters = 64 * 1024;

        /// <summary>
        /// Reads the root's child elements, each as its text (CDATA included); an element with children of its own keeps
        /// its descendants' text concatenated (WeChat's component pushes are flat).
        /// </summary>
        /// <param name="xml">The document.</param>
        /// <param name="maxCharacters">The largest document accepted.</param>
        /// <returns>Each child element's name and text; the first occurrence of a name wins.</returns>
        /// <exception cref="TcbMessageRejectedException">The document is too large, malformed, or declares a DTD or entities.</exception>
        public static IReadOnlyDictionary<string, string> ReadFields(string xml, int maxCharacters = DefaultMaxCharacters)
        {
            if (xml is null)
            {
                throw new ArgumentNullException(nameof(xml));
            }

            if (xml.Length > maxCharacters)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.BodyTooLarge, "The XML is larger than " + maxCharacters + " characters.");
            }

            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = maxCharacters,
                MaxCharactersFromEntities = 0,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
                CloseInput = true,
            };

            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), settings);
                return ReadRoot(reader);
            }
            catch (XmlException)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.MalformedXml, "The XML is malformed or declares a DTD or entities.");
            }
        }

        private static Dictionary<string, string> ReadRoot(XmlReader reader)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "xml")
            {
                throw new XmlException("The root element is not <xml>.");
            }

            if (reader.IsEmptyElement)
            {
                return fields;
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                string name = reader.Name;
                string value = ReadValue(reader);
                if (!fields.ContainsKey(name))
                {
                    fields.Add(name, value);
                }
            }

            // Anything after the root (a second root, trailing text) fails here.
            while (reader.Read())
            {
            }

            return fields;
        }

        /// <summary>The element's text (CDATA and descendants included); leaves the reader after the element.</summary>
        private static string ReadValue(XmlReader reader)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return string.Empty;
            }

            int depth = reader.Depth;
            var text = new StringBuilder();
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA || reader.NodeType == XmlNodeType.SignificantWhitespace)
                {
                    text.Append(reader.Value);
                }

                if (!reader.Read())
                {
                    throw new XmlException("The document ends inside an element.");
                }
            }

            reader.Read();
            return text.ToString();
        }
    }
}
