using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A cloud function's code as the zip WeChat takes (<c>zipfile</c> of batchuploadscf and batchuploadscfcode, <c>ZipFile</c>
    /// of the function API): the files at the zip's root, at most 20 MB. Entries get a fixed timestamp, so the same files
    /// make the same bytes (and the same SHA-256).
    /// </summary>
    public sealed class TcbFunctionPackage
    {
        /// <summary>The largest zip WeChat accepts: 20 MB (最大支持20M), 20 × 1024 × 1024 bytes.</summary>
        public const long MaxZipBytes = 20L * 1024 * 1024;

        private static readonly DateTimeOffset EntryTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private readonly byte[] _zip;

        private TcbFunctionPackage(byte[] zip) => _zip = zip;

        /// <summary>The zip's size in bytes.</summary>
        public long Length => _zip.Length;

        /// <summary>The zip's bytes (a copy).</summary>
        public byte[] ToArray() => (byte[])_zip.Clone();

        /// <summary>The zip as base64, the value of a <c>zipfile</c> field.</summary>
        public string ToBase64() => Convert.ToBase64String(_zip);

        /// <summary>Zips every file under <paramref name="folder"/> (its subfolders kept as paths), the folder's content at the zip's root.</summary>
        /// <param name="folder">The function's folder, e.g. the one holding <c>index.js</c> and <c>package.json</c>.</param>
        /// <exception cref="TcbFunctionPackageTooLargeException">The zip is over 20 MB.</exception>
        public static TcbFunctionPackage FromFolder(string folder)
        {
            if (folder == null)
            {
                throw new ArgumentNullException(nameof(folder));
            }

            string root = Path.GetFullPath(folder);
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"The function folder '{folder}' does not exist.");
            }

            IEnumerable<KeyValuePair<string, byte[]>> files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new KeyValuePair<string, byte[]>(f.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/'), File.ReadAllBytes(f)));
            return FromEntries(files);
        }

        /// <summary>Zips the given files: each name a relative path inside the zip (<c>index.js</c>, <c>lib/util.js</c>).</summary>
        /// <param name="files">Name and content of each file.</param>
        /// <exception cref="ArgumentException">A name is empty, absolute, or climbs out with <c>..</c>.</exception>
        /// <exception cref="TcbFunctionPackageTooLargeException">The zip is over 20 MB.</exception>
        public static TcbFunctionPackage FromEntries(IEnumerable<KeyValuePair<string, byte[]>> files)
        {
            if (files == null)
            {
                throw new ArgumentNullException(nameof(files));
            }

            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (KeyValuePair<string, byte[]> file in files)
                {
                    ZipArchiveEntry entry = archive.CreateEntry(CheckedName(file.Key), CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    using Stream content = entry.Open();
                    content.Write(file.Value, 0, file.Value.Length);
                }
            }

            return FromZip(buffer.ToArray());
        }

        /// <summary>A zip made elsewhere; its files must already be at its root.</summary>
        /// <param name="zip">The zip's bytes.</param>
        /// <exception cref="TcbFunctionPackageTooLargeException">The zip is over 20 MB.</exception>
        public static TcbFunctionPackage FromZip(byte[] zip)
        {
            if (zip == null)
            {
                throw new ArgumentNullException(nameof(zip));
            }

            if (zip.LongLength > MaxZipBytes)
            {
                throw new TcbFunctionPackageTooLargeException(zip.LongLength);
            }

            return new TcbFunctionPackage(zip);
        }

        private static string CheckedName(string name)
        {
            string normal = (name ?? string.Empty).Replace('\\', '/');
            if (normal.Length == 0 || normal.StartsWith("/", StringComparison.Ordinal) || normal.Contains(":")
                || normal.Split('/').Any(part => part == ".." || part.Length == 0))
            {
                throw new ArgumentException($"'{name}' is not a relative file path inside the zip (like index.js or lib/util.js).", nameof(name));
            }

            return normal;
        }
    }
}
