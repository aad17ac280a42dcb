using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// An earlier build of <c>TcbGen.Generator.dll</c> for before/after rows in one run: loaded into a load context of its
    /// own (it has this build's assembly name), with Roslyn and the framework shared from the default context.
    /// </summary>
    internal static class BaselineGenerator
    {
        public static ISourceGenerator Load(string path)
        {
            var context = new IsolatedContext(Path.GetFullPath(path));
            Assembly assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            Type type = assembly.GetTypes().Single(t => t.FullName == "TcbGen.Generator.TcbGenerator");
            return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
        }

        /// <summary>An analyzer of that earlier build, by its type's full name.</summary>
        public static Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer LoadAnalyzer(string path, string typeName)
        {
            var context = new IsolatedContext(Path.GetFullPath(path));
            Assembly assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            Type type = assembly.GetTypes().Single(t => t.FullName == typeName);
            return (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        }

        private sealed class IsolatedContext : AssemblyLoadContext
        {
            private readonly string _path;

            public IsolatedContext(string path)
                : base("TcbGen baseline", isCollectible: false) => _path = path;

            protected override Assembly? Load(AssemblyName assemblyName) =>
                assemblyName.Name == Path.GetFileNameWithoutExtension(_path) ? LoadFromAssemblyPath(_path) : null;
        }
    }
}
