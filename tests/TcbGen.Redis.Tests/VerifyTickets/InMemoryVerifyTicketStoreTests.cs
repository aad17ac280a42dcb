using System;
using TcbGen.Runtime;

namespace TcbGen.Redis.Tests.VerifyTickets
{
    /// <summary>The contract against <see cref="TcbInMemoryThirdPartyStores"/>, the behaviour the Redis store must match.</summary>
    public sealed class InMemoryVerifyTicketStoreTests : VerifyTicketStoreContract
    {
        protected override (IComponentVerifyTicketStore Store, IDisposable Lifetime) CreateStore()
            => (new TcbInMemoryThirdPartyStores(), new Nothing());

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
