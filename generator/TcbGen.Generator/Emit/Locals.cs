namespace TcbGen.Generator.Emit
{
    /// <summary>Names of the generated locals of nested loops, one set per depth.</summary>
    internal static class Locals
    {
        /// <summary><c>list0</c>, <c>list1</c>, …</summary>
        public static string List(int depth) => "list" + CSharp.Integer(depth);

        /// <summary><c>i0</c>, <c>i1</c>, …</summary>
        public static string Index(int depth) => "i" + CSharp.Integer(depth);

        /// <summary><c>item0</c>, <c>item1</c>, …</summary>
        public static string Item(int depth) => "item" + CSharp.Integer(depth);

        /// <summary><c>[i0]</c>, <c>[i1]</c>, …</summary>
        public static string Indexer(int depth) => "[" + Index(depth) + "]";
    }
}
