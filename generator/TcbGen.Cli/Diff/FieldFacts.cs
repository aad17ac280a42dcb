namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// What a spec says of one field, in comparable text. <see cref="Path"/> is the side and wire path
    /// (<c>response.info_list[].env</c>); <see cref="Type"/> the kind with its format and items (<c>integer(int64)</c>,
    /// <c>array&lt;object&gt;</c>); <see cref="Required"/> the request side's required-ness (<c>required</c>, <c>optional</c>,
    /// <c>optional when x="y"</c>), empty on the response side; <see cref="Enum"/> the sorted wire values or null;
    /// <see cref="Default"/> the JSON text of the default or null. <see cref="Secret"/>: the field is <c>"secret"</c> or its
    /// name says it holds one (<see cref="TcbGen.Specs.SecretNames"/>), so its enum values and default are compared but never printed.
    /// </summary>
    internal sealed record FieldFacts(string Path, string Name, string Type, string Required, string Location, string? Enum, string? Default, bool Secret);
}
