using System;
using System.Text.Json;
using TcbGen.Testing.Faults;

namespace TcbGen.Testing
{
    /// <content>Fault scripting.</content>
    /// <remarks>
    /// Faults queue per endpoint name (a spec's <c>name</c>, or <see cref="ComponentTokenEndpointName"/> /
    /// <see cref="AuthorizerTokenEndpointName"/>), first in first out. Each call that passes the method and token checks
    /// takes one fault from the front of its endpoint's queue, before its body is checked. Thread-safe.
    /// </remarks>
    public sealed partial class WeChatEmulator
    {
        /// <summary>The next <paramref name="times"/> calls answer <c>{"errcode":errcode,"errmsg":"... rid: ..."}</c>.</summary>
        /// <param name="endpointName">The endpoint's name, e.g. <c>createCloudUser</c>.</param>
        /// <param name="errcode">The errcode to answer.</param>
        /// <param name="times">How many calls; at least 1.</param>
        /// <param name="errmsg">The errmsg (the rid is appended); default the spec's message for the code, else WeChat's usual one.</param>
        public void ScriptErrcode(string endpointName, int errcode, int times = 1, string? errmsg = null)
            => Script(endpointName, new ErrcodeFault(errcode, errmsg), times);

        /// <summary>The next <paramref name="times"/> calls answer this body, as it is.</summary>
        /// <param name="endpointName">The endpoint's name.</param>
        /// <param name="json">The response body; must be valid JSON.</param>
        /// <param name="times">How many calls; at least 1.</param>
        /// <exception cref="ArgumentException"><paramref name="json"/> is not valid JSON.</exception>
        public void ScriptResponse(string endpointName, string json, int times = 1)
        {
            ArgumentNullException.ThrowIfNull(json);
            try
            {
                using JsonDocument _ = JsonDocument.Parse(json);
            }
            catch (JsonException exception)
            {
                throw new ArgumentException("The scripted response is not valid JSON: " + exception.Message, nameof(json), exception);
            }

            Script(endpointName, new ResponseFault(json), times);
        }

        /// <summary>
        /// The next <paramref name="times"/> calls wait <paramref name="delay"/> (real time) and then answer as usual.
        /// A client that gives up meanwhile aborts the wait; the call is then recorded without an answer.
        /// </summary>
        /// <param name="endpointName">The endpoint's name.</param>
        /// <param name="delay">How long to wait.</param>
        /// <param name="times">How many calls; at least 1.</param>
        public void ScriptLatency(string endpointName, TimeSpan delay, int times = 1)
        {
            if (delay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(delay), "The delay must not be negative.");
            }

            Script(endpointName, new LatencyFault(delay), times);
        }

        /// <summary>The next <paramref name="times"/> calls answer this HTTP status, with <paramref name="body"/> or no body.</summary>
        /// <param name="endpointName">The endpoint's name.</param>
        /// <param name="statusCode">The HTTP status, 100 to 599, e.g. 502.</param>
        /// <param name="times">How many calls; at least 1.</param>
        /// <param name="body">The body, sent as it is (as JSON when it parses as JSON, else as text/plain); null for none.</param>
        public void ScriptHttpStatus(string endpointName, int statusCode, int times = 1, string? body = null)
        {
            if (statusCode < 100 || statusCode > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(statusCode), "An HTTP status is from 100 to 599.");
            }

            Script(endpointName, new HttpStatusFault(statusCode, body), times);
        }

        /// <summary>The next <paramref name="times"/> calls get no answer: the connection is aborted.</summary>
        /// <param name="endpointName">The endpoint's name.</param>
        /// <param name="times">How many calls; at least 1.</param>
        public void ScriptDroppedConnection(string endpointName, int times = 1)
            => Script(endpointName, new DroppedConnectionFault(), times);

        /// <summary>How many scripted faults are still queued for the endpoint.</summary>
        /// <param name="endpointName">The endpoint's name.</param>
        /// <returns>The number of calls still to be faulted.</returns>
        public int PendingFaultCount(string endpointName) => _state.Faults.Pending(endpointName);

        /// <summary>Drops every fault not yet consumed.</summary>
        public void ClearFaults() => _state.Faults.Clear();

        private void Script(string endpointName, ScriptedFault fault, int times)
        {
            ArgumentNullException.ThrowIfNull(endpointName);
            if (times < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(times), "A fault is scripted for at least one call.");
            }

            if (!ScriptableEndpoints.Contains(_state, endpointName))
            {
                string names = string.Join(", ", ScriptableEndpoints.All(_state));
                throw new ArgumentException($"The emulator serves no endpoint named '{endpointName}'. Known: {names}.", nameof(endpointName));
            }

            _state.Faults.Enqueue(endpointName, fault, times);
        }
    }
}
