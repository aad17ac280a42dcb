using System;
using System.Collections.Generic;

namespace TcbGen.Testing
{
    /// <summary>How a <see cref="WeChatEmulator"/> starts: which specs it serves, its credentials and its clock.</summary>
    public sealed class WeChatEmulatorOptions
    {
        /// <summary>
        /// Folders whose <c>*.tcb.json</c> files (top level only, not subfolders) are served, with the <c>*.tcb.defs.json</c> definitions files beside them.
        /// When this and <see cref="SpecFiles"/> are both empty, every built-in spec embedded in this assembly (the four seeds and both cloud-development families) is served.
        /// </summary>
        public IList<string> SpecDirectories { get; private set; } = new List<string>();

        /// <summary>Individual spec files to serve, in addition to <see cref="SpecDirectories"/>.</summary>
        public IList<string> SpecFiles { get; private set; } = new List<string>();

        /// <summary>
        /// Whether every built-in spec embedded in this assembly (the four seeds and both cloud-development families) is served. <see langword="null"/> (the default) serves
        /// them only when no <see cref="SpecDirectories"/> or <see cref="SpecFiles"/> are named; <see langword="true"/>
        /// serves them beside your own specs, as the TcbGen package generates clients for both.
        /// </summary>
        public bool? IncludeBuiltInSpecs { get; set; }

        /// <summary>The third-party platform's appid that <c>api_component_token</c> accepts. Default <c>wx-component</c>.</summary>
        public string ComponentAppId { get; set; } = "wx-component";

        /// <summary>The appsecret that <c>api_component_token</c> accepts. Default <c>component-secret</c>.</summary>
        public string ComponentAppSecret { get; set; } = "component-secret";

        /// <summary>
        /// The first <c>component_verify_ticket</c>: the one <c>api_component_token</c> accepts from the start, and the one
        /// the first push carries; each later push carries a new ticket (<see cref="WeChatEmulator.ComponentVerifyTicket"/>
        /// is the current one), and this one stays accepted for 12 hours after it was pushed. Default <c>ticket-1</c>.
        /// </summary>
        public string ComponentVerifyTicket { get; set; } = "ticket-1";

        /// <summary>
        /// The platform's authorization-event URL (授权事件接收URL), e.g. <c>http://127.0.0.1:5000/wechat/component</c>: where the
        /// emulator POSTs encrypted <c>component_verify_ticket</c>, <c>authorized</c>, <c>updateauthorized</c> and
        /// <c>unauthorized</c> pushes. Null (the default): nothing is pushed.
        /// </summary>
        public Uri? ComponentEventUrl { get; set; }

        /// <summary>The message verification token (消息校验Token) pushes are signed with. Default <c>component-token</c>. Never recorded.</summary>
        public string ComponentMessageToken { get; set; } = "component-token";

        /// <summary>
        /// The EncodingAESKey (消息加解密Key, 43 characters) pushes are encrypted with.
        /// Default <c>abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG</c>. Never recorded.
        /// </summary>
        public string ComponentEncodingAesKey { get; set; } = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

        /// <summary>
        /// How often <see cref="ComponentVerifyTicket"/> is pushed to <see cref="ComponentEventUrl"/>, first right after the
        /// start. Default 10 minutes, as WeChat; <see cref="TimeSpan.Zero"/> or less pushes only on demand
        /// (<c>PushComponentVerifyTicketAsync</c>, <c>POST /__admin/pushes/component_verify_ticket</c>).
        /// </summary>
        public TimeSpan VerifyTicketPushInterval { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The permission sets (<c>func_info</c> ids) the platform asks for, shown on the authorization page and granted on
        /// "Authorize". Default 17, 18 and 49 (mini program code, development and data analysis, cloud development).
        /// </summary>
        public IList<int> PermissionSetIds { get; private set; } = new List<int> { 17, 18, 49 };

        /// <summary>Lifetime of tokens the token endpoints issue, also sent as <c>expires_in</c>. Default 7200 seconds.</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

        /// <summary>
        /// The clock for token expiry and for <see cref="RecordedRequest.Timestamp"/>. Default <see cref="TimeProvider.System"/>.
        /// Scripted latency always waits in real time.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>
        /// Answer with <c>Content-Type: text/plain</c> instead of <c>application/json</c>, as WeChat sometimes does,
        /// to check that a client reads the body as JSON whatever the content type says.
        /// </summary>
        public bool TextPlainResponses { get; set; }

        /// <summary>The port to listen on at 127.0.0.1. Default 0: a free port chosen by the system.</summary>
        public int Port { get; set; }

        /// <summary>
        /// The key every admin API request (<c>/__admin/</c>) must carry, in the <c>X-TcbGen-Admin-Key</c> header or the
        /// <c>tcbgen_admin_key</c> cookie. Default <see langword="null"/>: a random key per run, read it from
        /// <see cref="WeChatEmulator.AdminKey"/> (or the banner); set it to have a fixed one in tests.
        /// </summary>
        public string? AdminKey { get; set; }

        /// <summary>
        /// Host names the admin API answers to besides <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> (e.g. a name in
        /// /etc/hosts or a container's name). A request whose <c>Host</c> header names any other host is refused, so a
        /// DNS-rebinding web page cannot reach the admin API. The WeChat-facing routes answer any host.
        /// </summary>
        public IList<string> AdminHostNames { get; private set; } = new List<string>();

        /// <summary>A copy, so that changing the options after the start changes nothing.</summary>
        internal WeChatEmulatorOptions Snapshot()
        {
            var copy = (WeChatEmulatorOptions)MemberwiseClone();
            copy.SpecDirectories = new List<string>(SpecDirectories);
            copy.SpecFiles = new List<string>(SpecFiles);
            copy.PermissionSetIds = new List<int>(PermissionSetIds);
            copy.AdminHostNames = new List<string>(AdminHostNames);
            return copy;
        }
    }
}
