using TcbGen.Generator.Model;
using TcbGen.Generator.Specs;

namespace TcbGen.Generator.Emit
{
    /// <summary>Emits the client class and interface of each token kind: constructor, transport and token key.</summary>
    internal static class ClientShellEmitter
    {
        public static string Emit(EquatableArray<string> tokenKinds, GenerationOptions options)
        {
            var writer = new SourceWriter();
            writer.FileHeader("the TcbGen specs", options.Namespace);
            for (int i = 0; i < tokenKinds.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                EmitClient(writer, tokenKinds[i]);
            }

            writer.Close();
            return writer.ToString();
        }

        private static void EmitClient(SourceWriter writer, string kind)
        {
            string className = ClientNames.Class(kind);
            bool needsAppId = ClientNames.NeedsAppId(kind);
            string token = kind == ClientNames.ComponentKind
                ? $"{CSharp.Runtime}.TcbTokenKey.Component"
                : kind == ClientNames.AuthorizerKind
                    ? $"{CSharp.Runtime}.TcbTokenKey.ForAuthorizer(appId)"
                    : $"new {CSharp.Runtime}.TcbTokenKey(new {CSharp.Runtime}.TcbTokenKind({CSharp.Literal(kind)}), appId)";

            writer.Summary($"The endpoints that accept a <c>{kind}</c>. Mock this interface in tests of code that calls WeChat.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public partial interface {ClientNames.Interface(kind)}");
            writer.Close();
            writer.Line();

            writer.Summary($"Calls the endpoints that accept a <c>{kind}</c>{(needsAppId ? ", for one account" : string.Empty)}. Thread-safe.");
            writer.Doc("remarks", "The access token comes from the transport's token source; it is never passed per call.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public sealed partial class {className} : {ClientNames.Interface(kind)}");
            writer.Line($"private readonly {CSharp.Runtime}.ITcbTransport _transport;");
            writer.Line($"private readonly {CSharp.Runtime}.TcbTokenKey _token;");
            writer.Line();
            writer.Summary($"Creates a client that calls WeChat through <paramref name=\"transport\"/>.");
            writer.Param("transport", "Sends requests and holds the tokens.");
            if (needsAppId)
            {
                writer.Param("appId", $"The appid of the account whose <c>{kind}</c> is used (the authorizer appid).");
            }

            writer.Open($"public {className}({CSharp.Runtime}.ITcbTransport transport{(needsAppId ? ", string appId" : string.Empty)})");
            writer.Line("_transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));");
            if (needsAppId)
            {
                writer.Line("if (string.IsNullOrEmpty(appId)) throw new global::System.ArgumentException(\"An appid is required.\", nameof(appId));");
            }

            writer.Line($"_token = {token};");
            writer.Close();
            if (needsAppId)
            {
                writer.Line();
                writer.Summary("The appid of the account this client calls for.");
                writer.Line("public string AppId => _token.AppId!;");
            }

            writer.Close();
        }
    }
}
