using Xunit;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>
    /// Test classes that start several worker processes run one after another, not beside each other: on a 2-core machine
    /// two such classes at once starve each other's callers, and the timing the 4 x 250 test asserts (one fetch per expiry)
    /// then fails for want of CPU rather than for a defect.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class WorkerProcessCollection
    {
        public const string Name = "worker processes";
    }
}
