using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Specs;
using TcbGen.Specs.Model;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>The field-type catalog covers every kind, and the round-trip spec uses every kind at every depth.</summary>
    public sealed class FieldTypeCatalogTests
    {
        public static IEnumerable<object[]> Kinds() => Enum.GetValues(typeof(TypeKind)).Cast<TypeKind>().Select(k => new object[] { k.ToString() });

        [Theory]
        [MemberData(nameof(Kinds))]
        public void EveryKindHasOneCompleteEntry(string kindName)
        {
            var kind = (TypeKind)Enum.Parse(typeof(TypeKind), kindName);
            FieldType type = FieldTypes.Of(kind);

            Assert.Equal(kind, type.Kind);
            Assert.Same(type, FieldTypes.All[(int)kind]);
            Assert.False(string.IsNullOrEmpty(type.SpecType));
            Assert.False(string.IsNullOrEmpty(type.WireDescription));
            if (type.Shape == TypeShape.Array)
            {
                Assert.Equal(ValueCheck.Items, type.Check);
            }
            else
            {
                Assert.NotNull(type.ReadExpression);
                Assert.NotNull(type.WriteStatement);
            }

            Assert.Equal(type.Shape == TypeShape.Scalar, type.FitsInQuery);
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void TheRoundTripSpecUsesEveryKindAloneInAnArrayAndInAnArrayOfArrays(string kindName)
        {
            var kind = (TypeKind)Enum.Parse(typeof(TypeKind), kindName);
            string path = Path.Combine(Paths.TestsDirectory, "TestSpecs", "echoAllKinds.tcb.json");
            ParsedSpec parsed = SpecParser.Parse(path, File.ReadAllText(path));
            Assert.Empty(parsed.Diagnostics);

            foreach (ObjectSpec side in new[] { parsed.Spec!.Request!, parsed.Spec.Response })
            {
                var depths = new HashSet<int>();
                foreach (FieldSpec field in side.Fields)
                {
                    int depth = 0;
                    for (TypeRef? type = field.Type; type != null; type = type.Items, depth++)
                    {
                        if (type.Kind == kind)
                        {
                            depths.Add(depth);
                        }
                    }
                }

                Assert.Superset(new HashSet<int> { 0, 1, 2 }, depths);
            }
        }
    }
}
