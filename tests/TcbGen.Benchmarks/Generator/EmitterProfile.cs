using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using TcbGen.Generator;
using TcbGen.Generator.Emit;
using TcbGen.Specs.Model;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// The "emitting, by emitter" table of <c>--profile-generator</c>: each emitter run over every spec into one writer whose
    /// buffer is already large enough, so the bytes counted are the emitter's own (its intermediate strings, lists, closures),
    /// not the text it writes.
    /// </summary>
    internal static class EmitterProfile
    {
        private static readonly FieldInfo BuilderField = typeof(SourceWriter).GetField("_builder", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("SourceWriter has no _builder field: update the emitter profile.");

        public static void Run(TextWriter output, IReadOnlyList<EndpointSpec> specs, GenerationOptions options)
        {
            var emitters = new (string Name, Action<SourceWriter, EndpointSpec> Emit)[]
            {
                ("TypesEmitter", (w, s) => TypesEmitter.Emit(w, s, options)),
                ("EndpointEmitter", (w, s) => EndpointEmitter.Emit(w, s, options)),
                ("SerializerEmitter", (w, s) => SerializerEmitter.Emit(w, s, options)),
                ("ValidatorEmitter", (w, s) => ValidatorEmitter.Emit(w, s, options)),
                ("ClientEmitter", (w, s) => ClientEmitter.Emit(w, s, options)),
            };

            output.WriteLine();
            output.WriteLine($"Emitting, by emitter (N = {specs.Count}; allocated beside the text written):");
            output.WriteLine("| emitter | allocated | text it writes (UTF-16) |");
            output.WriteLine("|---|---:|---:|");
            long total = 0;
            foreach ((string name, Action<SourceWriter, EndpointSpec> emit) in emitters)
            {
                int length = EmitAll(new SourceWriter(), specs, emit).Length;
                for (int round = 0; round < 2; round++)
                {
                    // Third pass measured: the first two warm the JIT and any lazily built tables.
                    EmitAll(Presized(length), specs, emit);
                }

                SourceWriter writer = Presized(length);
                GC.Collect();
                long before = GC.GetAllocatedBytesForCurrentThread();
                EmitAll(writer, specs, emit);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                total += allocated;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N0} KB | {2:N0} KB |", name, allocated / 1024, (long)length * 2 / 1024));
            }

            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| all five | {0:N0} KB | |", total / 1024));
        }

        private static StringBuilder EmitAll(SourceWriter writer, IReadOnlyList<EndpointSpec> specs, Action<SourceWriter, EndpointSpec> emit)
        {
            foreach (EndpointSpec spec in specs)
            {
                emit(writer, spec);
            }

            return (StringBuilder)BuilderField.GetValue(writer)!;
        }

        private static SourceWriter Presized(int length)
        {
            var writer = new SourceWriter();
            BuilderField.SetValue(writer, new StringBuilder(length + 1024));
            return writer;
        }
    }
}
