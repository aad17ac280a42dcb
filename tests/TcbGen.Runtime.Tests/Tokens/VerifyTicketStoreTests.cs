using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens
{
    /// <summary>Pushed tickets live for their real 12 hours, and the previous one stays until a new one has worked.</summary>
    public sealed class VerifyTicketStoreTests
    {
        [Fact]
        public async Task A_ticket_lives_12_hours_not_10_minutes_and_not_forever()
        {
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var stores = new TcbInMemoryThirdPartyStores(time);
            await stores.SaveVerifyTicketAsync("wxc", "ticket-1", TcbComponentVerifyTicket.Validity, CancellationToken.None);

            time.Advance(TimeSpan.FromMinutes(11));
            Assert.Equal("ticket-1", await stores.GetVerifyTicketAsync("wxc", CancellationToken.None));
            time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(11) - TimeSpan.FromSeconds(1));
            Assert.Equal("ticket-1", await stores.GetVerifyTicketAsync("wxc", CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(2));
            Assert.Null(await stores.GetVerifyTicketAsync("wxc", CancellationToken.None));
        }

        [Fact]
        public async Task The_previous_ticket_is_kept_until_the_new_one_worked_once()
        {
            var stores = new TcbInMemoryThirdPartyStores();
            Assert.True(await stores.SaveVerifyTicketAsync("wxc", "ticket-1", TcbComponentVerifyTicket.Validity, CancellationToken.None));
            await stores.ConfirmVerifyTicketAsync("wxc", "ticket-1", CancellationToken.None);
            Assert.False(await stores.SaveVerifyTicketAsync("wxc", "ticket-1", TcbComponentVerifyTicket.Validity, CancellationToken.None));
            await stores.SaveVerifyTicketAsync("wxc", "ticket-2", TcbComponentVerifyTicket.Validity, CancellationToken.None);
            await stores.SaveVerifyTicketAsync("wxc", "ticket-3", TcbComponentVerifyTicket.Validity, CancellationToken.None);

            // ticket-2 never worked, so ticket-1 (the last that did) stays the fallback.
            Assert.Equal("ticket-1", await stores.GetPreviousVerifyTicketAsync("wxc", CancellationToken.None));
            await stores.ConfirmVerifyTicketAsync("wxc", "ticket-3", CancellationToken.None);
            Assert.Null(await stores.GetPreviousVerifyTicketAsync("wxc", CancellationToken.None));
        }

        [Fact]
        public async Task A_rejected_new_ticket_falls_back_to_the_previous_one_against_the_emulator()
        {
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions { ComponentAppId = "wxc", ComponentVerifyTicket = "ticket-1" });
            var stores = new TcbInMemoryThirdPartyStores();
            var options = new TcbGenOptions { BaseAddress = emulator.BaseAddress };
            options.ThirdParty.ComponentAppId = "wxc";
            options.ThirdParty.ComponentAppSecret = "component-secret";
            using var http = new HttpClient();
            var source = new TcbThirdPartyTokenSource(http, options, stores, stores);
            await source.SaveVerifyTicketAsync("ticket-1", CancellationToken.None);
            TcbAccessToken first = await source.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None);
            await source.SaveVerifyTicketAsync("ticket-not-accepted-yet", CancellationToken.None);
            await source.InvalidateAsync(TcbTokenKey.Component, first, CancellationToken.None);

            TcbAccessToken second = await source.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None);

            Assert.NotEqual(first.Value, second.Value);
            Assert.Equal(2, emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));
            Assert.Equal("ticket-1", await stores.GetPreviousVerifyTicketAsync("wxc", CancellationToken.None));
        }
    }
}
