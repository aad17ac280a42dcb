using System.Collections.Generic;

namespace TcbGen.Testing.Storage
{
    /// <summary>Where stored bytes live: cloud storage files, static website files, cloud function code.</summary>
    internal enum StorageArea
    {
        Files,
        StaticSite,
        FunctionCode,
    }

    /// <summary>The bytes the emulated storage keeps, per area, environment and path. Thread-safe; cleared by a reset.</summary>
    internal sealed class ObjectStore
    {
        private readonly object _gate = new object();
        private readonly Dictionary<(StorageArea, string, string), byte[]> _objects = new Dictionary<(StorageArea, string, string), byte[]>();

        public void Put(StorageArea area, string env, string path, byte[] content)
        {
            lock (_gate)
            {
                _objects[(area, env, path)] = content;
            }
        }

        public byte[]? Get(StorageArea area, string env, string path)
        {
            lock (_gate)
            {
                return _objects.TryGetValue((area, env, path), out byte[]? content) ? content : null;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _objects.Clear();
            }
        }
    }
}
