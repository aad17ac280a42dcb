namespace TcbGen.Generator.Emit
{
    /// <summary>Names of the generated locals of nested loops, one set per depth, made once.</summary>
    internal static class Locals
    {
        private const int Cached = 8;
        private static readonly string[] Lists = Make("list", string.Empty);
        private static readonly string[] Indexes = Make("i", string.Empty);
        private static readonly string[] Items = Make("item", string.Empty);
        private static readonly string[] Indexers = Make("[i", "]");

        /// <summary><c>list0</c>, <c>list1</c>, …</summary>
        public static string List(int depth) => Name(Lists, "list", string.Empty, depth);

        /// <summary><c>i0</c>, <c>i1</c>, …</summary>
        public static string Index(int depth) => Name(Indexes, "i", string.Empty, depth);

        /// <summary><c>item0</c>, <c>item1</c>, …</summary>
        public static string Item(int depth) => Name(Items, "item", string.Empty, depth);

        /// <summary><c>[i0]</c>, <c>[i1]</c>, …</summary>
        public static string Indexer(int depth) => Name(Indexers, "[i", "]", depth);

        private static string Name(string[] cached, string prefix, string suffix, int depth) =>
            depth < Cached ? cached[depth] : prefix + CSharp.Integer(depth) + suffix;

        private static string[] Make(string prefix, string suffix)
        {
            var names = new string[Cached];
            for (int i = 0; i < Cached; i++)
            {
                names[i] = prefix + CSharp.Integer(i) + suffix;
            }

            return names;
        }
    }
}
