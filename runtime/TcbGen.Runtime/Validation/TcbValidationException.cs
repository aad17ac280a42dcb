using System;
using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Runtime
{
    /// <summary>A request failed validation before anything was sent. <see cref="Problems"/> lists every problem found.</summary>
    public sealed class TcbValidationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="endpointName">The interface name, e.g. <c>setCloudAccessToken</c>.</param>
        /// <param name="problems">Every problem found, at least one.</param>
        public TcbValidationException(string endpointName, IReadOnlyList<TcbValidationProblem> problems)
            : base(endpointName + " request is invalid: " + string.Join("; ", (problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => p.ToString())))
        {
            EndpointName = endpointName;
            Problems = problems;
        }

        /// <summary>The interface name, e.g. <c>setCloudAccessToken</c>.</summary>
        public string EndpointName { get; }

        /// <summary>Every problem found.</summary>
        public IReadOnlyList<TcbValidationProblem> Problems { get; }
    }
}
