using System;
using System.Collections;
using System.Collections.Generic;

namespace TcbGen.Specs.Model
{
    /// <summary>
    /// An immutable array compared by its elements, so that model records holding collections stay
    /// value-equal and the incremental pipeline can tell an unchanged spec from a changed one.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items)
        {
            _items = items;
        }

        public EquatableArray(IEnumerable<T> items)
        {
            _items = new List<T>(items).ToArray();
        }

        public static EquatableArray<T> Empty => new EquatableArray<T>(Array.Empty<T>());

        public int Count => _items?.Length ?? 0;

        public T this[int index] => (_items ?? Array.Empty<T>())[index];

        public bool Equals(EquatableArray<T> other)
        {
            T[] mine = _items ?? Array.Empty<T>();
            T[] theirs = other._items ?? Array.Empty<T>();
            if (mine.Length != theirs.Length)
            {
                return false;
            }

            for (int i = 0; i < mine.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            foreach (T item in _items ?? Array.Empty<T>())
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
            }

            return hash;
        }

        /// <summary>A struct enumerator, so a <c>foreach</c> over the model (the emitters do thousands per run) allocates nothing.</summary>
        public Enumerator GetEnumerator() => new Enumerator(_items ?? Array.Empty<T>());

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

        public struct Enumerator
        {
            private readonly T[] _items;
            private int _index;

            internal Enumerator(T[] items)
            {
                _items = items;
                _index = -1;
            }

            public T Current => _items[_index];

            public bool MoveNext() => ++_index < _items.Length;
        }
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);
    }
}
