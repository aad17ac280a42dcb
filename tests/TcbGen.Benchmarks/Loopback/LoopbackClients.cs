using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using TcbGen.Benchmarks.PerCall;
using TcbGen.Benchmarks.Tcb;
using TcbGen.Runtime;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>
    /// The per-call benchmarks' three clients (see <see cref="PerCallClients"/>) pointed at a loopback server: the
    /// generated client as an application gets it from <c>AddTcbGen</c> (IHttpClientFactory, the handlers the runtime
    /// registers, a token source that answers from memory, the runtime's retries off as in the per-call benchmarks),
    /// Refit and the hand-written client each on a plain HttpClient.
    /// </summary>
    internal sealed class LoopbackClients : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly HttpClient _refitHttp;
        private readonly HttpClient _handWrittenHttp;

        public LoopbackClients(Uri baseAddress)
        {
            var services = new ServiceCollection();
            services.AddTcbGen(options =>
                {
                    options.BaseAddress = baseAddress;
                    options.Retry.Enabled = false;
                })
                .UseAccessTokenSource(_ => TcbDelegateAccessTokenSource.FromStatic(PerCallClients.AccessToken))
                .AddClient(TcbTokenKind.AuthorizerAccessToken, transport => new TcbAuthorizerClient(transport, PerCallClients.AuthorizerAppId));
            _services = services.BuildServiceProvider();
            Tcb = _services.GetRequiredService<TcbAuthorizerClient>();

            _refitHttp = new HttpClient { BaseAddress = baseAddress };
            Refit = new RefitSetCallBackConfigClient(RestService.For<ISetCallBackConfigApi>(_refitHttp, PerCallClients.RefitJsonSettings()), static () => PerCallClients.AccessToken);

            _handWrittenHttp = new HttpClient();
            HandWritten = new HandWrittenSetCallBackConfigClient(_handWrittenHttp, static () => PerCallClients.AccessToken, baseAddress);
        }

        public TcbAuthorizerClient Tcb { get; }

        public RefitSetCallBackConfigClient Refit { get; }

        public HandWrittenSetCallBackConfigClient HandWritten { get; }

        public SetCallBackConfigRequest TcbRequest { get; } = PerCallClients.ExampleTcbRequest();

        public SetCallBackConfigRequestDto DtoRequest { get; } = PerCallClients.ExampleDtoRequest();

        public void Dispose()
        {
            _refitHttp.Dispose();
            _handWrittenHttp.Dispose();
            _services.Dispose();
        }
    }
}
