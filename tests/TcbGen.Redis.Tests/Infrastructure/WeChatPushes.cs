using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Runtime;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>
    /// What WeChat sends to a platform's authorization-event URL: an event encrypted and signed with the platform's message
    /// token and EncodingAESKey (the runtime's <see cref="TcbMessageCrypto"/>), posted in safe mode.
    /// </summary>
    public sealed class WeChatPushes : IDisposable
    {
        public const string Token = "push-token";
        public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        private readonly TcbMessageCrypto _crypto;
        private readonly string _componentAppId;
        private readonly HttpClient _http = new();

        public WeChatPushes(string componentAppId)
        {
            _componentAppId = componentAppId;
            _crypto = new TcbMessageCrypto(Token, EncodingAesKey, componentAppId);
        }

        /// <summary>The settings a worker needs to accept these pushes.</summary>
        public static string[] WorkerSettings => new[] { "--events-token", Token, "--events-aes-key", EncodingAesKey };

        public Task<string> VerifyTicketAsync(Uri eventsAddress, string ticket)
            => PushAsync(eventsAddress, "component_verify_ticket", "<ComponentVerifyTicket><![CDATA[" + ticket + "]]></ComponentVerifyTicket>");

        public Task<string> AuthorizedAsync(Uri eventsAddress, string authorizerAppId, string authorizationCode)
            => PushAsync(eventsAddress, "authorized", "<AuthorizerAppid><![CDATA[" + authorizerAppId + "]]></AuthorizerAppid><AuthorizationCode><![CDATA["
                + authorizationCode + "]]></AuthorizationCode><AuthorizationCodeExpiredTime>" + DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()
                + "</AuthorizationCodeExpiredTime><PreAuthCode><![CDATA[preauthcode@@@test]]></PreAuthCode>");

        public Task<string> UnauthorizedAsync(Uri eventsAddress, string authorizerAppId)
            => PushAsync(eventsAddress, "unauthorized", "<AuthorizerAppid><![CDATA[" + authorizerAppId + "]]></AuthorizerAppid>");

        /// <summary>Encrypts, signs and posts an event; returns the status and body, e.g. <c>200 success</c>.</summary>
        public async Task<string> PushAsync(Uri eventsAddress, string infoType, string innerFields)
        {
            string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            string message = "<xml><AppId><![CDATA[" + _componentAppId + "]]></AppId><CreateTime>" + timestamp + "</CreateTime><InfoType><![CDATA["
                + infoType + "]]></InfoType>" + innerFields + "</xml>";
            string encrypt = _crypto.Encrypt(message);
            string nonce = Guid.NewGuid().ToString("N").Substring(0, 10);
            string signature = TcbMessageCrypto.ComputeSignature(Token, timestamp, nonce, encrypt);
            string body = "<xml><AppId><![CDATA[" + _componentAppId + "]]></AppId><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
            var url = new Uri(eventsAddress, "?timestamp=" + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + signature
                + "&signature=" + TcbMessageCrypto.ComputeSignature(Token, timestamp, nonce));
            using HttpResponseMessage response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
            return (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync();
        }

        public void Dispose() => _http.Dispose();
    }
}
