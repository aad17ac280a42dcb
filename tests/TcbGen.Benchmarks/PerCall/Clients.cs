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
        private const string Url = "https://api.weixin.qq.com/tcb/setcallbackconfig?access_token=";

        private readonly HttpClient _httpClient;
        private readonly Func<string> _token;

        public HandWrittenSetCallBackConfigClient(HttpClient httpClient, Func<string> token)
        {
            _httpClient = httpClient;
            _token = token;
        }

        public async Task<SetCallBackConfigResponseDto> SetCallBackConfigAsync(SetCallBackConfigRequestDto request, CancellationToken cancellationToken = default)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, Url + Uri.EscapeDataString(_token()))
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
