using System;
using System.Net.Http;
using TcbGen.Testing.Admin;

namespace TcbGen.Testing
{
    /// <content>The admin HTTP API's key, and a client that carries it.</content>
    public sealed partial class WeChatEmulator
    {
        /// <summary>The name of the header that carries <see cref="AdminKey"/> on admin API requests.</summary>
        public const string AdminKeyHeaderName = Admin.AdminKey.HeaderName;

        /// <summary>
        /// The key every request to the admin API under <c>/__admin/</c> must carry in the <see cref="AdminKeyHeaderName"/>
        /// header: <see cref="WeChatEmulatorOptions.AdminKey"/> when set, otherwise a random key made for this run.
        /// </summary>
        public string AdminKey => _state.AdminKey;

        /// <summary>
        /// An <see cref="HttpClient"/> for the admin API: based at <see cref="BaseAddress"/>, sending <see cref="AdminKey"/> on
        /// every request, without a proxy. Send POST bodies as <c>application/json</c>. The caller disposes it.
        /// </summary>
        /// <returns>A new client.</returns>
        public HttpClient CreateAdminClient()
        {
            var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = BaseAddress };
            client.DefaultRequestHeaders.Add(AdminKeyHeaderName, AdminKey);
            return client;
        }
    }
}
