namespace TcbGen.Specs
{
    /// <summary>
    /// The name a nested object or enum gets without a <c>"typeName"</c>, e.g. <c>SetCallBackConfigFunctionConfig</c>, kept
    /// in its two parts until asked: every field has one, but only object, enum and array fields ever use it.
    /// </summary>
    internal readonly struct DerivedTypeName
    {
        private readonly string _prefix;
        private readonly string _suffix;

        public DerivedTypeName(string prefix, string suffix)
        {
            _prefix = prefix;
            _suffix = suffix;
        }

        /// <summary>The name of an array's element type: this name and <c>Item</c>.</summary>
        public DerivedTypeName Item => new DerivedTypeName(_prefix, _suffix + "Item");

        public override string ToString() => _prefix + _suffix;
    }
}
