using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>One emulator serving the seed specs and this project's test specs, and a client for one authorizer.</summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public const string AppId = "wx-tests";

        private readonly HttpClient _http = new HttpClient();

        public WeChatEmulator Emulator { get; private set; } = null!;

        public TcbAuthorizerClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // The specs the tests' compilation generates: the seeds and the test specs (not the families the emulator also embeds).
            var options = new WeChatEmulatorOptions { IncludeBuiltInSpecs = false };
            foreach (string seed in Directory.GetFiles(Paths.SpecsDirectory, "*.tcb.json"))
            {
                options.SpecFiles.Add(seed);
            }

            options.SpecDirectories.Add(Path.Combine(Paths.TestsDirectory, "TestSpecs"));
            Emulator = await WeChatEmulator.StartAsync(options);
            string token = Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, AppId);
            var transport = new TcbHttpTransport(
                _http,
                TcbDelegateAccessTokenSource.FromStatic(token),
                new TcbGenOptions { BaseAddress = Emulator.BaseAddress, Retry = new TcbRetryOptions { MaxAttempts = 1 } });
            Client = new TcbAuthorizerClient(transport, AppId);
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await Emulator.DisposeAsync();
        }
    }
}
