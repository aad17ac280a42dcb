using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>
    /// What a set, create or add call writes, the matching get or list call reads back, through the generated clients
    /// (the links in runtime/TcbGen.Testing/State/stateful-endpoints.json).
    /// </summary>
    public sealed class StatefulPairsTests : IClassFixture<EmulatorClients>
    {
        private const string Env = "onboarding-env-1";

        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator and clients the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public StatefulPairsTests(EmulatorClients clients) => _clients = clients;

        /// <summary>setCallBackConfig, then getCallBackConfig answers the configuration just set.</summary>
        [Fact]
        public async Task TheCallbackConfigSetIsReadBack()
        {
            await _clients.Authorizer.SetCallBackConfigAsync(new SetCallBackConfigRequest
            {
                FunctionConfig = new CallbackFunctionConfig
                {
                    Enable = true,
                    Callbacks = new List<CallbackRule> { new CallbackRule { MsgType = "text", Env = Env, FunctionName = "onText", Enable = true } },
                },
            });

            GetCallBackConfigResponse read = await _clients.Authorizer.GetCallBackConfigAsync();

            CallbackRule rule = Assert.Single(read.Data!.FunctionConfig!.Callbacks!);
            Assert.Equal(("text", "onText"), (rule.MsgType, rule.FunctionName));
            Assert.True(read.Data.FunctionConfig.Enable);
        }

        /// <summary>uploadfuncconfig, then getfuncconfig answers the same config string for that env, function and type.</summary>
        [Fact]
        public async Task TheFunctionConfigUploadedIsReadBack()
        {
            await _clients.Authorizer.GetUploadFunctionConfigAsync(new GetUploadFunctionConfigRequest { Env = Env, FunctionName = "login", Type = 3, Config = "{\"timeout\":9}" });

            GetFunctionConfigResponse read = await _clients.Authorizer.GetFunctionConfigAsync(new GetFunctionConfigRequest { Env = Env, FunctionName = "login", Type = 3 });

            Assert.Equal("{\"timeout\":9}", read.Config?.Text);
        }

        /// <summary>batchupdatetriggers for two envs, then gettriggers of each env answers the triggers set.</summary>
        [Fact]
        public async Task TheTriggersUpdatedAreReadBackPerEnv()
        {
            await _clients.Component.UpdateTriggersAsync(new UpdateTriggersRequest
            {
                Funcname = "nightly",
                Envs = new List<string> { "env-a", "env-b" },
                Triggers = new List<BatchScfTrigger> { new BatchScfTrigger { TriggerName = "at-two", Type = "timer", Config = "0 0 2 * * * *" } },
            });

            foreach (string env in new[] { "env-a", "env-b" })
            {
                GetTriggersResponse read = await _clients.Component.GetTriggersAsync(new GetTriggersRequest { Env = env, Funcname = "nightly" });
                Assert.Equal("at-two", Assert.Single(read.Triggers!).TriggerName);
            }
        }

        /// <summary>A collection added is listed; deleted, it is no longer listed.</summary>
        [Fact]
        public async Task ACollectionIsAddedListedAndDeleted()
        {
            await _clients.Authorizer.AddDatabaseCollectionAsync(new AddDatabaseCollectionRequest { Env = Env, CollectionName = "orders" });
            await _clients.Authorizer.AddDatabaseCollectionAsync(new AddDatabaseCollectionRequest { Env = Env, CollectionName = "users" });

            GetDatabaseCollectionResponse listed = await _clients.Authorizer.GetDatabaseCollectionAsync(new GetDatabaseCollectionRequest { Env = Env });
            Assert.Equal(new[] { "orders", "users" }, listed.Collections!.Select(c => c.Name));

            await _clients.Authorizer.DeleteDatabaseCollectionAsync(new DeleteDatabaseCollectionRequest { Env = Env, CollectionName = "orders" });
            GetDatabaseCollectionResponse after = await _clients.Authorizer.GetDatabaseCollectionAsync(new GetDatabaseCollectionRequest { Env = Env });
            Assert.Equal(new[] { "users" }, after.Collections!.Select(c => c.Name));
        }

        /// <summary>An environment the platform creates is in its environment list.</summary>
        [Fact]
        public async Task AnEnvironmentCreatedIsListed()
        {
            CreateTcbEnvResponse created = await _clients.Component.CreateTcbEnvAsync(new CreateTcbEnvRequest { Alias = "shop-prod", EnvType = "run" });
            CreateTcbEnvResponse second = await _clients.Component.CreateTcbEnvAsync(new CreateTcbEnvRequest { Alias = "shop-test", EnvType = "run" });

            GetTcbEnvListResponse listed = await _clients.Component.GetTcbEnvListAsync();

            // Each create answers an id of its own, made from the alias, and the list shows that id.
            Assert.StartsWith("shop-prod-", created.Env, StringComparison.Ordinal);
            Assert.NotEqual(created.Env, second.Env);
            Assert.Equal(created.Env, listed.InfoList!.Single(e => e.Alias == "shop-prod").Env);
            Assert.Equal(second.Env, listed.InfoList!.Single(e => e.Alias == "shop-test").Env);
        }

        /// <summary>Cloud hosting services created by either create call are listed for their environment, not another's.</summary>
        [Fact]
        public async Task ACloudHostingServiceCreatedIsListed()
        {
            await _clients.Component.CreateContainerServiceAsync(new CreateContainerServiceRequest { Env = "run-env-a", ServiceName = "api" });
            await _clients.Component.CreateCloudbaseServiceAsync(new CreateCloudbaseServiceRequest { EnvId = "run-env-a", ServiceName = "worker", IsPublic = false });
            await _clients.Component.CreateContainerServiceAsync(new CreateContainerServiceRequest { Env = "run-env-b", ServiceName = "admin" });

            GetCsListResponse listed = await _clients.Component.GetCsListAsync(new GetCsListRequest { Env = "run-env-a" });

            Assert.Equal(new[] { "api", "worker" }, listed.Cslist!.Select(s => s.ServerName));
        }

        /// <summary>setCsVersionConfig, then getCsVersionDetail of that version answers the configuration set.</summary>
        [Fact]
        public async Task ACloudHostingVersionConfigSetIsReadBack()
        {
            await _clients.Component.SetCsVersionConfigAsync(new SetCsVersionConfigRequest { Env = "run-env-a", ServiceName = "api", VersionName = "api-003", Minnum = 1, Maxnum = 4, ContainerPort = 8080 });

            GetCsVersionDetailResponse read = await _clients.Component.GetCsVersionDetailAsync(new GetCsVersionDetailRequest { Env = "run-env-a", ServiceName = "api", VersionName = "api-003" });

            Assert.Equal((1, 4, 8080), (read.Minnum, read.Maxnum, read.ContainerPort));
        }

        /// <summary>Environments shared with mini programs are read back per appid, for the appids asked.</summary>
        [Fact]
        public async Task SharedEnvironmentsAreReadBackPerAppId()
        {
            await _clients.Component.ShareCloudbaseEnvAsync(new ShareCloudbaseEnvRequest
            {
                SourceType = 1,
                Data = new List<ShareCloudbaseEnvItem>
                {
                    new ShareCloudbaseEnvItem { Env = "shared-prod", AppIds = new List<string> { "wx-shop-a", "wx-shop-b" } },
                    new ShareCloudbaseEnvItem { Env = "shared-test", AppIds = new List<string> { "wx-shop-a" } },
                },
            });
            // Shared again: an environment is listed once per appid.
            await _clients.Component.ShareCloudbaseEnvAsync(new ShareCloudbaseEnvRequest
            {
                SourceType = 1,
                Data = new List<ShareCloudbaseEnvItem> { new ShareCloudbaseEnvItem { Env = "shared-prod", AppIds = new List<string> { "wx-shop-b" } } },
            });

            GetShareCloudbaseEnvResponse read = await _clients.Component.GetShareCloudbaseEnvAsync(
                new GetShareCloudbaseEnvRequest { SourceType = 1, AppIds = new List<string> { "wx-shop-b", "wx-shop-a", "wx-never-shared" } });

            // In the order asked; an appid nothing was shared with is not listed.
            Assert.Equal(new[] { "wx-shop-b", "wx-shop-a" }, read.RelationData!.Select(r => r.AppId));
            Assert.Equal(new[] { "shared-prod" }, read.RelationData![0].EnvList);
            Assert.Equal(new[] { "shared-prod", "shared-test" }, read.RelationData![1].EnvList);
        }
    }
}
