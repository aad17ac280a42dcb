using System;
using System.Threading.Tasks;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests.VerifyTickets
{
    /// <summary>
    /// What every verify ticket store that takes pushes must do, run against the in-memory store and the Redis one alike:
    /// keep each ticket for its validity, keep the previous ticket until the new one has worked once, and do nothing twice
    /// for a retried push.
    /// </summary>
    public abstract class VerifyTicketStoreContract
    {
        private const string Component = "wx-component";
        private static readonly TimeSpan Valid = TcbComponentVerifyTicket.Validity;

        /// <summary>A fresh, empty store, and whatever must be disposed with it.</summary>
        protected abstract (IComponentVerifyTicketStore Store, IDisposable Lifetime) CreateStore();

        [SkippableFact]
        public async Task An_empty_store_has_no_current_and_no_previous_ticket()
        {
            (IComponentVerifyTicketStore store, IDisposable lifetime) = CreateStore();
            using (lifetime)
            {
                Assert.Null(await store.GetVerifyTicketAsync(Component, default));
                Assert.Null(await Writer(store).GetPreviousVerifyTicketAsync(Component, default));
            }
        }

        [SkippableFact]
        public async Task A_pushed_ticket_becomes_current_and_a_retried_push_stores_nothing_twice()
        {
            (IComponentVerifyTicketStore store, IDisposable lifetime) = CreateStore();
            using (lifetime)
            {
                Assert.True(await Writer(store).SaveVerifyTicketAsync(Component, "ticket@1", Valid, default));
                Assert.False(await Writer(store).SaveVerifyTicketAsync(Component, "ticket@1", Valid, default));

                Assert.Equal("ticket@1", await store.GetVerifyTicketAsync(Component, default));
                Assert.Null(await Writer(store).GetPreviousVerifyTicketAsync(Component, default));
            }
        }

        [SkippableFact]
        public async Task The_previous_ticket_is_kept_until_the_new_one_has_worked_once()
        {
            (IComponentVerifyTicketStore store, IDisposable lifetime) = CreateStore();
            using (lifetime)
            {
                IComponentVerifyTicketWriter writer = Writer(store);
                await writer.SaveVerifyTicketAsync(Component, "ticket@1", Valid, default);
                await writer.ConfirmVerifyTicketAsync(Component, "ticket@1", default);
                await writer.SaveVerifyTicketAsync(Component, "ticket@2", Valid, default);

                Assert.Equal("ticket@2", await store.GetVerifyTicketAsync(Component, default));
                Assert.Equal("ticket@1", await writer.GetPreviousVerifyTicketAsync(Component, default));

                await writer.ConfirmVerifyTicketAsync(Component, "ticket@2", default);
                Assert.Equal("ticket@2", await store.GetVerifyTicketAsync(Component, default));
                Assert.Null(await writer.GetPreviousVerifyTicketAsync(Component, default));
            }
        }

        [SkippableFact]
        public async Task Tickets_that_never_worked_do_not_displace_the_last_one_that_did()
        {
            (IComponentVerifyTicketStore store, IDisposable lifetime) = CreateStore();
            using (lifetime)
            {
                IComponentVerifyTicketWriter writer = Writer(store);
                await writer.SaveVerifyTicketAsync(Component, "ticket@1", Valid, default);
                await writer.ConfirmVerifyTicketAsync(Component, "ticket@1", default);
                await writer.SaveVerifyTicketAsync(Component, "ticket@2", Valid, default);
                await writer.SaveVerifyTicketAsync(Component, "ticket@3", Valid, default);

                Assert.Equal("ticket@3", await store.GetVerifyTicketAsync(Component, default));
                Assert.Equal("ticket@1", await writer.GetPreviousVerifyTicketAsync(Component, default));
            }
        }

        [SkippableFact]
        public async Task Confirming_a_ticket_that_is_no_longer_current_changes_nothing()
        {
            (IComponentVerifyTicketStore store, IDisposable lifetime) = CreateStore();
            using (lifetime)
            {
                IComponentVerifyTicketWriter writer = Writer(store);
                await writer.SaveVerifyTicketAsync(Component, "ticket@1", Valid, default);
                await writer.SaveVerifyTicketAsync(Component, "ticket@2", Valid, default);

                // The fallback worked (the new ticket was refused): the new one is still unproven, so the fallback stays.
                await writer.ConfirmVerifyTicketAsync(Component, "ticket@1", default);

                Assert.Equal("ticket@2", await store.GetVerifyTicketAsync(Component, default));
                Assert.Equal("ticket@1", await writer.GetPreviousVerifyTicketAsync(Component, default));
            }
        }

        [SkippableFact]
        public async Task A_ticket_is_gone_once_its_validity_has_passed_and_the_previous_one_with_its_own()
        {
            (IComponentVerifyTicketStore store, IDisposable lifetime) = CreateStore();
            using (lifetime)
            {
                IComponentVerifyTicketWriter writer = Writer(store);
                await writer.SaveVerifyTicketAsync(Component, "short@1", TimeSpan.FromMilliseconds(600), default);
                await writer.SaveVerifyTicketAsync(Component, "long@2", Valid, default);
                await writer.SaveVerifyTicketAsync(Component, "short@3", TimeSpan.FromMilliseconds(600), default);
                Assert.Equal("short@1", await writer.GetPreviousVerifyTicketAsync(Component, default));

                await Task.Delay(TimeSpan.FromMilliseconds(1000));

                Assert.Null(await store.GetVerifyTicketAsync(Component, default));
                Assert.Null(await writer.GetPreviousVerifyTicketAsync(Component, default));

                Assert.True(await writer.SaveVerifyTicketAsync(Component, "long@4", Valid, default));
                Assert.Equal("long@4", await store.GetVerifyTicketAsync(Component, default));
            }
        }

        private static IComponentVerifyTicketWriter Writer(IComponentVerifyTicketStore store)
            => Assert.IsAssignableFrom<IComponentVerifyTicketWriter>(store);
    }
}
