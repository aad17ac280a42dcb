namespace TcbGen.Runtime
{
    /// <summary>Why a pushed message was refused. None of them ever yields plaintext.</summary>
    public enum TcbMessageRejection
    {
        /// <summary><c>msg_signature</c> (or the URL's <c>signature</c>) is not the SHA-1 of the sorted parts.</summary>
        SignatureMismatch = 1,

        /// <summary>The timestamp is outside the accepted window (a replayed or badly delayed push).</summary>
        StaleTimestamp,

        /// <summary>The body is larger than the configured limit.</summary>
        BodyTooLarge,

        /// <summary>The XML is malformed, declares a DTD or entities, or is not one flat <c>&lt;xml&gt;</c> element.</summary>
        MalformedXml,

        /// <summary>A required element or query value (such as <c>Encrypt</c> or <c>msg_signature</c>) is missing.</summary>
        MissingField,

        /// <summary>The <c>Encrypt</c> value is not Base64, or not a whole number of AES blocks.</summary>
        MalformedCiphertext,

        /// <summary>The decrypted bytes do not end in a valid PKCS#7 padding to 32-byte blocks (pad byte 1 to 32).</summary>
        InvalidPadding,

        /// <summary>The 4-byte message length does not fit the decrypted bytes.</summary>
        InvalidLength,

        /// <summary>The appid after the message is not the platform's own: the push was encrypted for someone else.</summary>
        AppIdMismatch,

        /// <summary>The message is not valid UTF-8.</summary>
        InvalidText,
    }
}
