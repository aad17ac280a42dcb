using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Sample.Tcb;

namespace TcbGen.Sample
{
    /// <summary>
    /// A platform onboarding a merchant's mini program for cloud development, through the built-in endpoints of both
    /// families: the platform's own calls (component token) and the calls for the merchant (authorizer token).
    /// </summary>
    internal static class Onboarding
    {
        public static async Task RunAsync(ITcbComponentClient platform, ITcbAuthorizerClient merchant, string merchantAppId, TextWriter output, CancellationToken cancellationToken)
        {
            output.WriteLine();
            output.WriteLine("Merchant onboarding (both cloud-development families):");

            const string alias = "merchant-shop";
            CreateTcbEnvResponse created = await platform.CreateTcbEnvAsync(new CreateTcbEnvRequest { Alias = alias, EnvType = "run" }, cancellationToken);
            output.WriteLine($"  createTcbEnv             -> env {created.Env} (alias {alias}, tranid {created.TranId})");

            GetTcbEnvListResponse envs = await platform.GetTcbEnvListAsync(cancellationToken);
            GetTcbEnvListEnvInfo listed = envs.InfoList!.Single(e => e.Alias == alias);
            string env = listed.Env!;
            output.WriteLine($"  getTcbEnvList            -> {envs.InfoList!.Count} environment(s); {alias} is {listed.Env}, status {listed.Status}");

            ShareEnvResponse shared = await merchant.ShareEnvAsync(new ShareEnvRequest { Env = env, AppId = merchantAppId }, cancellationToken);
            output.WriteLine($"  shareEnv                 -> errcode {shared.ErrorCode}: {env} shared with {merchantAppId}");

            SetCallBackConfigRequest callbacks = new()
            {
                FunctionConfig = new CallbackFunctionConfig
                {
                    Enable = true,
                    Callbacks = new List<CallbackRule> { new() { MsgType = "text", Env = env, FunctionName = "onMessage", Enable = true } },
                },
            };
            await merchant.SetCallBackConfigAsync(callbacks, cancellationToken);
            GetCallBackConfigResponse readBack = await merchant.GetCallBackConfigAsync(cancellationToken);
            CallbackRule rule = readBack.Data!.FunctionConfig!.Callbacks!.Single();
            output.WriteLine($"  set/getCallBackConfig    -> read back: {rule.MsgType} messages go to {rule.FunctionName} in {rule.Env}");

            const string config = "{\"timeout\":10,\"memorySize\":256}";
            await merchant.GetUploadFunctionConfigAsync(new GetUploadFunctionConfigRequest { Env = env, FunctionName = "onMessage", Type = 3, Config = config }, cancellationToken);
            GetFunctionConfigResponse functionConfig = await merchant.GetFunctionConfigAsync(new GetFunctionConfigRequest { Env = env, FunctionName = "onMessage", Type = 3 }, cancellationToken);
            output.WriteLine($"  uploadfuncconfig/get     -> read back: {functionConfig.Config}");

            // env and name go in the query; the event is the body, and resp_data comes back as the result type, both
            // through the sample's own JsonSerializerContext (FunctionJson.cs).
            MessageResult result = await merchant.InvokeCloudFunctionAsync(
                new InvokeCloudFunctionRequest { Env = env, Name = "onMessage" },
                new MessageEvent { Text = "hello" },
                FunctionJson.Default.MessageEvent,
                FunctionJson.Default.MessageResult,
                cancellationToken);
            output.WriteLine($"  invokeCloudFunction      -> the function answered for appid {result.AppId}");
        }
    }
}
