using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.ThirdParty
{
    /// <summary>
    /// The runtime describes no endpoint that a spec describes: every endpoint descriptor in the runtime assembly with a
    /// <c>/cgi-bin/component/</c> path is one TcbGen generated from <c>specs/component/</c> (the runtime's build runs the
    /// generator over those files), one per spec, and nothing hand-written declares one. The token flow can only call
    /// those descriptors, so a spec's path, method, token parameter, retry safety or secret fields are the runtime's.
    /// </summary>
    public sealed class TokenFlowUsesGeneratedEndpointsTests
    {
        private const string ComponentPathPrefix = "/cgi-bin/component/";

        [Fact]
        public void Every_component_endpoint_in_the_runtime_is_generated_from_its_spec_and_none_is_hand_written()
        {
            Descriptor[] descriptors = DescriptorsIn(typeof(TcbThirdPartyTokenSource).Assembly)
                .Where(d => d.Path.StartsWith(ComponentPathPrefix, StringComparison.Ordinal))
                .ToArray();
            string[] specNames = Directory.GetFiles(ComponentDirectory(), "*.tcb.json").Select(f => Path.GetFileName(f)[..^".tcb.json".Length]).ToArray();

            Assert.NotEmpty(specNames);
            Assert.All(descriptors, d => Assert.True(d.IsGenerated, d.DeclaringType.FullName + " describes " + d.Path + " by hand; the endpoint comes from its spec"));
            Assert.Equal(specNames.OrderBy(n => n, StringComparer.Ordinal), descriptors.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Each_generated_descriptor_says_what_its_spec_says()
        {
            Dictionary<string, Descriptor> byName = DescriptorsIn(typeof(TcbThirdPartyTokenSource).Assembly).ToDictionary(d => d.Name, StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(ComponentDirectory(), "*.tcb.json"))
            {
                using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(file));
                JsonElement root = spec.RootElement;
                Descriptor described = byName[root.GetProperty("name").GetString()!];

                Assert.Equal(root.GetProperty("path").GetString(), described.Path);
                Assert.Equal(root.GetProperty("method").GetString(), described.Method);
                Assert.Equal(root.GetProperty("retrySafe").GetBoolean(), described.IsRetrySafe);
                string? tokenParameter = root.TryGetProperty("tokenParameter", out JsonElement parameter) ? parameter.GetString() : null;
                Assert.Equal(tokenParameter, described.TokenParameter);
                Assert.Equal(SecretFields(root).Distinct().OrderBy(n => n, StringComparer.Ordinal), described.SecretFields.OrderBy(n => n, StringComparer.Ordinal));
            }
        }

        /// <summary>Every static <c>TcbEndpoint&lt;,&gt;</c> field or property of every type in the assembly, with who declares it.</summary>
        private static IEnumerable<Descriptor> DescriptorsIn(Assembly assembly)
        {
            const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (Type type in assembly.GetTypes())
            {
                // A property's backing field is left out: the property stands for it.
                IEnumerable<(Type Type, Func<object?> Get)> members = type.GetFields(Static).Where(f => !f.IsDefined(typeof(CompilerGeneratedAttribute))).Select(f => (f.FieldType, (Func<object?>)(() => f.GetValue(null))))
                    .Concat(type.GetProperties(Static).Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.PropertyType, (Func<object?>)(() => p.GetValue(null)))));
                foreach ((Type memberType, Func<object?> get) in members)
                {
                    if (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(TcbEndpoint<,>) && get() is object endpoint)
                    {
                        yield return Descriptor.Of(type, endpoint);
                    }
                }
            }
        }

        private static IEnumerable<string> SecretFields(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("secret", out JsonElement secret) && secret.ValueKind == JsonValueKind.True)
                {
                    yield return element.GetProperty("name").GetString()!;
                }

                foreach (JsonProperty property in element.EnumerateObject().Where(p => p.Name != "examples"))
                {
                    foreach (string name in SecretFields(property.Value))
                    {
                        yield return name;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (string name in element.EnumerateArray().SelectMany(SecretFields))
                {
                    yield return name;
                }
            }
        }

        private static string ComponentDirectory()
        {
            for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TcbGen.sln")))
                {
                    return Path.Combine(directory.FullName, "specs", "component");
                }
            }

            throw new InvalidOperationException("The repository root (TcbGen.sln) is not above the test's folder.");
        }

        private sealed record Descriptor(Type DeclaringType, bool IsGenerated, string Name, string Path, string Method, bool IsRetrySafe, string? TokenParameter, IReadOnlyList<string> SecretFields)
        {
            public static Descriptor Of(Type declaringType, object endpoint)
            {
                Type type = endpoint.GetType();
                T Read<T>(string property) => (T)type.GetProperty(property)!.GetValue(endpoint)!;
                GeneratedCodeAttribute? generated = declaringType.GetCustomAttribute<GeneratedCodeAttribute>();
                return new Descriptor(
                    declaringType,
                    generated?.Tool == "TcbGen",
                    Read<string>(nameof(TcbEndpoint<object, TcbResponse>.Name)),
                    Read<string>(nameof(TcbEndpoint<object, TcbResponse>.Path)),
                    Read<System.Net.Http.HttpMethod>(nameof(TcbEndpoint<object, TcbResponse>.Method)).Method,
                    Read<bool>(nameof(TcbEndpoint<object, TcbResponse>.IsRetrySafe)),
                    (string?)type.GetProperty(nameof(TcbEndpoint<object, TcbResponse>.TokenParameter))!.GetValue(endpoint),
                    (IReadOnlyList<string>?)type.GetProperty(nameof(TcbEndpoint<object, TcbResponse>.SecretFields))!.GetValue(endpoint) ?? Array.Empty<string>());
            }
        }
    }
}
