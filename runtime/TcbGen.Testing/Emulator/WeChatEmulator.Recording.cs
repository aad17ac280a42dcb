using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Testing
{
    /// <content>What the emulator received.</content>
    public sealed partial class WeChatEmulator
    {
        /// <summary>
        /// Every request received so far, oldest first, each recorded before its answer is written (so it is here once
        /// the client has the response). Credentials are masked.
        /// </summary>
        public IReadOnlyList<RecordedRequest> Requests => _state.Recorder.Snapshot();

        /// <summary>The requests to one endpoint, oldest first.</summary>
        /// <param name="endpointName">A spec's <c>name</c>, <see cref="ComponentTokenEndpointName"/> or <see cref="AuthorizerTokenEndpointName"/>.</param>
        /// <returns>A snapshot.</returns>
        public IReadOnlyList<RecordedRequest> RequestsTo(string endpointName) => _state.Recorder.To(endpointName);

        /// <summary>
        /// Waits until at least <paramref name="count"/> requests are recorded (counting since the last <see cref="ClearRequests"/>),
        /// e.g. for a call whose client gave up before the emulator finished with it.
        /// </summary>
        /// <param name="count">How many requests to wait for.</param>
        /// <param name="cancellationToken">Stops waiting.</param>
        /// <returns>The requests recorded at that moment.</returns>
        public Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
            => _state.Recorder.WaitForAsync(count, cancellationToken);

        /// <summary>Forgets the requests recorded so far.</summary>
        public void ClearRequests() => _state.Recorder.Clear();
    }
}
