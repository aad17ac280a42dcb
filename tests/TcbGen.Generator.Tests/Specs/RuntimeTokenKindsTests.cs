using System.Linq;
using System.Reflection;
using TcbGen.Runtime;
using TcbGen.Specs;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// The runtime's named token kinds (<c>TcbTokenKind.ComponentAccessToken</c>, ...) are the spec module's known kinds,
    /// name and URL parameter alike: the runtime cannot compile the spec module in, so this test holds the two together.
    /// </summary>
    public sealed class RuntimeTokenKindsTests
    {
        [Fact]
        public void EveryNamedRuntimeKindIsAKnownKindWithItsUrlParameterAndEveryKnownKindIsNamed()
        {
            TcbTokenKind[] runtime = typeof(TcbTokenKind).GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => p.PropertyType == typeof(TcbTokenKind))
                .Select(p => (TcbTokenKind)p.GetValue(null)!)
                .ToArray();

            Assert.Equal(
                TokenKinds.Known.Select(k => (k.Name, k.UrlParameter)).OrderBy(k => k.Name),
                runtime.Select(k => (k.Name, k.UrlParameter)).OrderBy(k => k.Name));
        }
    }
}
