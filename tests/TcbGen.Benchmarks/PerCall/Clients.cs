using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace TcbGen.Benchmarks.PerCall
{
    /// <summary>The Refit client: the usual Refit interface, with access_token as a query parameter.</summary>
    public interface ISetCallBackConfigApi
    {
        [Post("/tcb/setcallbackconfig")]
        Task<SetCallBackConfigResponseDto> SetCallBackConfigAsync(
            [Query][AliasAs("access_token")] string accessToken,
            [Body] SetCallBackConfigRequestDto request,
            CancellationToken cancellationToken = default);
    }

    /// <summary>What a Refit user wraps around the interface: the token per call and the errcode check.</summary>
    internal sealed class RefitSetCallBackConfigClient
    {
        private readonly ISetCallBackConfigApi _api;
        private readonly Func<string> _token;

        public RefitSetCallBackConfigClient(ISetCallBackConfigApi api, Func<string> token)
        {
            _api = api;
            _token = token;
        }

        public async Task<SetCallBackConfigResponseDto> SetCallBackConfigAsync(SetCallBackConfigRequestDto request, CancellationToken cancellationToken = default)
        {
            SetCallBackConfigResponseDto response = await _api.SetCallBackConfigAsync(_token(), request, cancellationToken).ConfigureAwait(false);
            if (response.ErrCode != 0)
            {
                throw new InvalidOperationException("setCallBackConfig failed: errcode " + response.ErrCode + ", " + response.ErrMsg);
            }

            return response;
        }
    }

    /// <summary>
    /// The practical limit: HttpClient and System.Text.Json source-generated metadata written by hand, with the same
    /// duties as the generated client (token per call in the query string, JSON body, errcode check) and nothing else.
    /// </summary>
    internal sealed class HandWrittenSetCallBackConfigClient
    {
        private readonly HttpClient _httpClient;
        private readonly Func<string> _token;
        private readonly string _url;

        /// <param name="httpClient">The HttpClient.</param>
        /// <param name="token">The token for each call.</param>
        /// <param name="baseAddress">WeChat's host, or the loopback server's; https://api.weixin.qq.com when null.</param>
        public HandWrittenSetCallBackConfigClient(HttpClient httpClient, Func<string> token, Uri? baseAddress = null)
        {
            _httpClient = httpClient;
            _token = token;
            _url = new Uri(baseAddress ?? TcbGen.Runtime.TcbGenOptions.DefaultBaseAddress, "/tcb/setcallbackconfig?access_token=").ToString();
        }

        public async Task<SetCallBackConfigResponseDto> SetCallBackConfigAsync(SetCallBackConfigRequestDto request, CancellationToken cancellationToken = default)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, _url + Uri.EscapeDataString(_token()))
            {
                Content = JsonContent.Create(request, HandWrittenJsonContext.Default.SetCallBackConfigRequestDto),
            };
            using HttpResponseMessage response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            SetCallBackConfigResponseDto? body = await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.SetCallBackConfigResponseDto, cancellationToken).ConfigureAwait(false);
            if (body is null || body.ErrCode != 0)
            {
                throw new InvalidOperationException("setCallBackConfig failed: errcode " + body?.ErrCode + ", " + body?.ErrMsg);
            }

            return body;
        }
    }
}
