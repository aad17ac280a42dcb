using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Testing.Admin;
using TcbGen.Testing.Authorization;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Recording;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Specs;
using TcbGen.Testing.Storage;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// The one request delegate: reads the request, routes it by path, records it (before answering, so a test that has
    /// its response also sees the record), then writes the answer.
    /// </summary>
    internal sealed class EmulatorRouter
    {
        private readonly EmulatorState _state;
        private readonly CancellationToken _stopping;

        public EmulatorRouter(EmulatorState state, CancellationToken stopping)
        {
            _state = state;
            _stopping = stopping;
        }

        public async Task HandleAsync(HttpContext context)
        {
            if (AdminApi.Owns(context.Request.Path.Value ?? "/"))
            {
                await AdminApi.HandleAsync(context, _state, _stopping).ConfigureAwait(false);
                return;
            }

            if (AuthorizationPage.Owns(context.Request.Path.Value ?? "/"))
            {
                // Not recorded: the page's query and form carry the pre-auth code, and records never hold codes.
                using var pageAborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
                await AuthorizationPage.HandleAsync(context, _state, pageAborted.Token).ConfigureAwait(false);
                return;
            }

            if (StorageRoutes.Owns(context.Request.Path.Value ?? "/"))
            {
                using var storageAborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
                await StorageRoutes.HandleAsync(context, _state.Storage, storageAborted.Token).ConfigureAwait(false);
                return;
            }

            DateTimeOffset arrived = _state.Options.TimeProvider.GetUtcNow();
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            HttpRequest request = context.Request;
            string path = request.Path.Value ?? "/";
            Exchange? exchange = null;
            Answer answer;
            try
            {
                exchange = new Exchange(request.Method, path, request.Query, await ReadBodyAsync(request, aborted.Token).ConfigureAwait(false))
                {
                    Origin = request.Scheme + "://" + request.Host.Value,
                };
                answer = await RouteAsync(exchange, aborted.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException && aborted.IsCancellationRequested)
            {
                answer = Answer.Nothing;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                answer = Answer.Error(StandardErrors.SystemError, "system error", "emulator failure: " + exception.GetType().Name + ": " + exception.Message, StatusCodes.Status500InternalServerError);
            }

            exchange ??= new Exchange(request.Method, path, request.Query, Array.Empty<byte>());
            _state.Recorder.Add(new RecordedRequest(
                exchange.EndpointName,
                exchange.Method,
                exchange.Path,
                exchange.EndpointName is null ? Redaction.UnknownPathQuery(request.QueryString.Value) : Redaction.Query(request.QueryString.Value, exchange.SecretFields),
                exchange.TokenKind,
                exchange.AuthorizerAppId,
                exchange.RecordedBody ?? (exchange.EndpointName is null ? Redaction.UnknownPathBody(exchange.BodyText) : exchange.BodyText),
                answer.Errcode,
                answer.Kind == AnswerKind.Respond ? answer.StatusCode : null,
                arrived));

            try
            {
                await AnswerWriter.WriteAsync(context, answer, _state.Options.TextPlainResponses).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
                // The client went away while the answer was being written; there is no one left to tell.
            }
        }

        private Task<Answer> RouteAsync(Exchange exchange, CancellationToken aborted)
        {
            // The token flow's endpoints are routed by their specs too (specs/component/), whether or not the options serve the built-in specs.
            EmulatedEndpoint? endpoint = _state.Catalog.FindByPath(exchange.Path) ?? _state.TokenFlow.FindByPath(exchange.Path);
            if (endpoint != null)
            {
                return TokenFlowHandlers.For(endpoint.Name) is { } stateful
                    ? stateful(_state, exchange, aborted)
                    : SpecEndpointHandler.HandleAsync(_state, endpoint, exchange, aborted);
            }

            return Task.FromResult(Answer.Error(StandardErrors.SystemError, "system error", "no endpoint at this path in the emulator's specs", StatusCodes.Status404NotFound));
        }

        private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken aborted)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, aborted).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
