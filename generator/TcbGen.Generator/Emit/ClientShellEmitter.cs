using TcbGen.Specs;
using TcbGen.Specs.Model;

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

                EmitClient(writer, TokenKinds.Of(tokenKinds[i]));
            }

            writer.Close();
            return writer.ToString();
        }

        private static void EmitClient(SourceWriter writer, TokenKind tokenKind)
        {
            string kind = tokenKind.Name;
            string className = tokenKind.ClientClassName;
            bool needsAppId = tokenKind.BelongsToAccount;
            string token = TokenKey(tokenKind);

            writer.Summary($"The endpoints that accept {EndpointDocs.Article(kind)} <c>{kind}</c>. Mock this interface in tests of code that calls WeChat.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public partial interface {tokenKind.ClientInterfaceName}");
            writer.Close();
            writer.Line();

            writer.Summary($"Calls the endpoints that accept {EndpointDocs.Article(kind)} <c>{kind}</c>{(needsAppId ? ", for one account" : string.Empty)}. Thread-safe.");
            writer.Doc("remarks", "The access token comes from the transport's token source; it is never passed per call.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public sealed partial class {className} : {tokenKind.ClientInterfaceName}");
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

        /// <summary>The client's token key: the runtime's own for the two platform kinds, else one that carries the kind's URL parameter.</summary>
        private static string TokenKey(TokenKind kind)
        {
            string appId = kind.BelongsToAccount ? "appId" : "null";
            return kind.Name switch
            {
                TokenKinds.Component => $"{CSharp.Runtime}.TcbTokenKey.Component",
                TokenKinds.Authorizer => $"{CSharp.Runtime}.TcbTokenKey.ForAuthorizer(appId)",
                _ => $"new {CSharp.Runtime}.TcbTokenKey(new {CSharp.Runtime}.TcbTokenKind({CSharp.Literal(kind.Name)}, {CSharp.Literal(kind.UrlParameter)}), {appId})",
            };
        }
    }
}
