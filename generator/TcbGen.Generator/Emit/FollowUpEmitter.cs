using System.Linq;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// For a spec whose response names a <c>followUp</c> kind: a second part of the response class that implements the
    /// kind's runtime interface explicitly, each member reading the response field the catalog maps it to (or null for an
    /// optional field the response lacks), so a runtime helper can make the follow-up request from any such response.
    /// </summary>
    internal static class FollowUpEmitter
    {
        public static void Emit(SourceWriter writer, EndpointSpec spec)
        {
            if (spec.FollowUp is not FollowUpKind kind)
            {
                return;
            }

            FollowUp followUp = FollowUps.Of(kind);
            writer.Line();
            writer.Open($"partial class {spec.ResponseTypeName} : {followUp.QualifiedInterfaceName}");
            foreach (FollowUpMember member in followUp.Members)
            {
                FieldSpec? field = spec.Response.Fields.FirstOrDefault(f => f.WireName == member.WireName);
                string value = field == null ? "null" : "this." + field.PropertyName;
                writer.Line($"{member.CSharpType} {followUp.QualifiedInterfaceName}.{member.MemberName} => {value};");
            }

            writer.Close();
        }
    }
}
