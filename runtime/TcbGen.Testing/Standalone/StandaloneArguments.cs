using System;
using System.Collections.Generic;
using System.Globalization;

namespace TcbGen.Testing.Standalone
{
    /// <summary>
    /// The command line of a standalone run: <c>[--port N] [--specs FILE|DIR]... [--no-built-in-specs] [--text-plain]
    /// [--admin-key KEY] [--admin-host NAME]...</c>.
    /// </summary>
    internal sealed class StandaloneArguments
    {
        /// <summary>Flags the host program uses to choose the emulator at all; accepted and ignored here.</summary>
        private static readonly string[] HostFlags = { "--emulator" };

        public int Port { get; private set; }

        public List<string> SpecDirectories { get; } = new List<string>();

        public List<string> SpecFiles { get; } = new List<string>();

        /// <summary>Whether the built-in specs are served beside <see cref="SpecDirectories"/> and <see cref="SpecFiles"/> (the default).</summary>
        public bool IncludeBuiltInSpecs { get; private set; } = true;

        public string? AdminKey { get; private set; }

        public List<string> AdminHostNames { get; } = new List<string>();

        public bool TextPlain { get; private set; }

        public List<string> Ignored { get; } = new List<string>();

        public static StandaloneArguments Parse(string[] args)
        {
            var parsed = new StandaloneArguments();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                int equals = arg.IndexOf('=', StringComparison.Ordinal);
                string name = equals > 0 ? arg.Substring(0, equals) : arg;
                string? inlineValue = equals > 0 ? arg.Substring(equals + 1) : null;
                switch (name)
                {
                    case "--port":
                        string port = inlineValue ?? Next(args, ref i, name);
                        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number > 65535)
                        {
                            throw new ArgumentException($"--port takes a port number from 0 to 65535, not '{port}'.", nameof(args));
                        }

                        parsed.Port = number;
                        break;
                    case "--specs":
                        string specs = inlineValue ?? Next(args, ref i, name);
                        (System.IO.File.Exists(specs) ? parsed.SpecFiles : parsed.SpecDirectories).Add(specs);
                        break;
                    case "--no-built-in-specs":
                        parsed.IncludeBuiltInSpecs = false;
                        break;
                    case "--admin-key":
                        parsed.AdminKey = inlineValue ?? Next(args, ref i, name);
                        break;
                    case "--admin-host":
                        parsed.AdminHostNames.Add(inlineValue ?? Next(args, ref i, name));
                        break;
                    case "--text-plain":
                        parsed.TextPlain = true;
                        break;
                    default:
                        if (Array.IndexOf(HostFlags, arg) < 0)
                        {
                            parsed.Ignored.Add(arg);
                        }

                        break;
                }
            }

            return parsed;
        }

        private static string Next(string[] args, ref int i, string name)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException(name + " needs a value.", nameof(args));
            }

            return args[++i];
        }
    }
}
