using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// Emits the client class and interface of each token kind (constructor, transport and token key), a client factory for
    /// each kind that belongs to an account, and <c>AddTcbClients()</c>, which makes them injectable.
    /// </summary>
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

                TokenKind kind = TokenKinds.Of(tokenKinds[i]);
                EmitClient(writer, kind, options);
                if (kind.BelongsToAccount)
                {
                    writer.Line();
                    EmitFactory(writer, kind, options);
                }
            }

            writer.Line();
            EmitRegistration(writer, tokenKinds, options);
            writer.Close();
            return writer.ToString();
        }

        private static void EmitClient(SourceWriter writer, TokenKind tokenKind, GenerationOptions options)
        {
            string kind = tokenKind.Name;
            string className = tokenKind.ClientClassName;
            bool needsAppId = tokenKind.BelongsToAccount;
            string token = TokenKey(tokenKind);

            // Read by the wrong-client analyzer (TCB1002) to name the client an endpoint needs.
            string clientAttribute = $"[{CSharp.Runtime}.TcbClient({CSharp.Literal(kind)})]";

            writer.Doc("summary", $"The endpoints that accept {EndpointDocs.Article(kind)} <c>{kind}</c>. Mock this interface in tests of code that calls WeChat.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Line(clientAttribute);
            writer.Open($"{options.TypeAccessibility} partial interface {tokenKind.ClientInterfaceName}");
            writer.Close();
            writer.Line();

            writer.Doc("summary", $"Calls the endpoints that accept {EndpointDocs.Article(kind)} <c>{kind}</c>{(needsAppId ? ", for one account" : string.Empty)}. Thread-safe.");
            writer.Doc("remarks", "The access token comes from the transport's token source; it is never passed per call.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Line(clientAttribute);
            writer.Open($"{options.TypeAccessibility} sealed partial class {className} : {tokenKind.ClientInterfaceName}");
            writer.Line($"private readonly {CSharp.Runtime}.ITcbTransport _transport;");
            writer.Line($"private readonly {CSharp.Runtime}.TcbTokenKey _token;");
            writer.Line();
            writer.Doc("summary", $"Creates a client that calls WeChat through <paramref name=\"transport\"/>.");
            writer.Param("transport", "Sends requests and holds the tokens.");
            if (needsAppId)
            {
                writer.Doc("param", " name=\"appId\"", $"The appid of the account whose <c>{kind}</c> is used (the authorizer appid).");
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
                writer.Doc("summary", "The appid of the account this client calls for.");
                writer.Line("public string AppId => _token.AppId!;");
            }

            writer.Close();
        }

        /// <summary>
        /// The injectable way to a per-account client: a factory rather than keyed services, because appids are data (a route
        /// value, a database row), not known when services are registered, and a factory is one interface to mock.
        /// </summary>
        private static void EmitFactory(SourceWriter writer, TokenKind tokenKind, GenerationOptions options)
        {
            string kind = tokenKind.Name;
            writer.Doc("summary", $"Gives the <see cref=\"{tokenKind.ClientInterfaceName}\"/> of one account. Inject it (see <c>AddTcbClients()</c>); mock it in tests.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} partial interface {tokenKind.ClientFactoryInterfaceName}");
            writer.Doc("summary", $"The client that calls with the <c>{kind}</c> of <paramref name=\"appId\"/>. Cheap: one small object, no I/O.");
            writer.Param("appId", "The account's appid (the authorizer appid).");
            writer.Doc("returns", "The client.");
            writer.Line($"{tokenKind.ClientInterfaceName} For(string appId);");
            writer.Close();
            writer.Line();

            writer.Doc("summary", $"Creates <see cref=\"{tokenKind.ClientClassName}\"/>s over one transport.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} sealed partial class {tokenKind.ClientFactoryClassName} : {tokenKind.ClientFactoryInterfaceName}");
            writer.Line($"private readonly {CSharp.Runtime}.ITcbTransport _transport;");
            writer.Line();
            writer.Doc("summary", "Creates a factory whose clients call WeChat through <paramref name=\"transport\"/>.");
            writer.Param("transport", "Sends requests and holds the tokens.");
            writer.Open($"public {tokenKind.ClientFactoryClassName}({CSharp.Runtime}.ITcbTransport transport)");
            writer.Line("_transport = transport ?? throw new global::System.ArgumentNullException(nameof(transport));");
            writer.Close();
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public {tokenKind.ClientInterfaceName} For(string appId) => new {tokenKind.ClientClassName}(_transport, appId);");
            writer.Close();
        }

        private static void EmitRegistration(SourceWriter writer, EquatableArray<string> tokenKinds, GenerationOptions options)
        {
            writer.Doc("summary", "Makes the generated clients injectable.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} static partial class {ReservedNames.ClientRegistration}");
            writer.Doc(
                "summary",
                "Registers, transient over the transport <c>AddTcbGen</c> registers, the client of every token kind without an appid and the "
                + "client factory of every kind with one: inject them where you call WeChat.");
            writer.Param("builder", "What <c>AddTcbGen</c> returned.");
            writer.Doc("returns", "The same builder.");
            writer.Open($"public static {CSharp.Runtime}.TcbGenBuilder AddTcbClients(this {CSharp.Runtime}.TcbGenBuilder builder)");
            writer.Line("if (builder == null) throw new global::System.ArgumentNullException(nameof(builder));");
            for (int i = 0; i < tokenKinds.Count; i++)
            {
                TokenKind kind = TokenKinds.Of(tokenKinds[i]);
                string service = kind.BelongsToAccount ? kind.ClientFactoryInterfaceName : kind.ClientInterfaceName;
                string implementation = kind.BelongsToAccount ? kind.ClientFactoryClassName : kind.ClientClassName;
                writer.Line($"builder.AddClient<{service}>({TokenKindValue(kind)}, transport => new {implementation}(transport));");
            }

            writer.Line("return builder;");
            writer.Close();
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
                _ => $"new {CSharp.Runtime}.TcbTokenKey({TokenKindValue(kind)}, {appId})",
            };
        }

        /// <summary>The kind as a runtime value: the runtime's own for the two platform kinds, else one that carries the kind's URL parameter.</summary>
        private static string TokenKindValue(TokenKind kind) => kind.Name switch
        {
            TokenKinds.Component => $"{CSharp.Runtime}.TcbTokenKind.ComponentAccessToken",
            TokenKinds.Authorizer => $"{CSharp.Runtime}.TcbTokenKind.AuthorizerAccessToken",
            _ => $"new {CSharp.Runtime}.TcbTokenKind({CSharp.Literal(kind.Name)}, {CSharp.Literal(kind.UrlParameter)})",
        };
    }
}
