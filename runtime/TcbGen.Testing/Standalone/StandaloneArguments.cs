using System;
using System.Collections.Generic;
using System.Globalization;

namespace TcbGen.Testing.Standalone
{
    /// <summary>
    /// The command line of a standalone run: <c>[--port N] [--specs FILE|DIR]... [--no-built-in-specs] [--text-plain]
    /// [--admin-key KEY] [--admin-host NAME]... [--event-url URL] [--message-token TOKEN] [--encoding-aes-key KEY]
    /// [--ticket-push-interval SECONDS]</c>. The push settings left out keep <see cref="WeChatEmulatorOptions"/>' defaults.
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

        /// <summary><see cref="WeChatEmulatorOptions.ComponentEventUrl"/>: an absolute http or https URL.</summary>
        public Uri? EventUrl { get; private set; }

        /// <summary><see cref="WeChatEmulatorOptions.ComponentMessageToken"/>.</summary>
        public string? MessageToken { get; private set; }

        /// <summary><see cref="WeChatEmulatorOptions.ComponentEncodingAesKey"/>: 43 Base64 characters.</summary>
        public string? EncodingAesKey { get; private set; }

        /// <summary><see cref="WeChatEmulatorOptions.VerifyTicketPushInterval"/>, given in whole seconds (0: on demand only).</summary>
        public TimeSpan? TicketPushInterval { get; private set; }

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
                    case "--event-url":
                        string url = inlineValue ?? Next(args, ref i, name);
                        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? eventUrl) || (eventUrl.Scheme != Uri.UriSchemeHttp && eventUrl.Scheme != Uri.UriSchemeHttps))
                        {
                            throw new ArgumentException($"--event-url takes an absolute http or https URL, not '{url}'.", nameof(args));
                        }

                        parsed.EventUrl = eventUrl;
                        break;
                    case "--message-token":
                        parsed.MessageToken = NonEmpty(inlineValue ?? Next(args, ref i, name), name);
                        break;
                    case "--encoding-aes-key":
                        string key = inlineValue ?? Next(args, ref i, name);
                        if (TcbGen.Runtime.MessageCipher.KeyOf(key) == null)
                        {
                            throw new ArgumentException("--encoding-aes-key takes the 43 Base64 characters of an EncodingAESKey.", nameof(args));
                        }

                        parsed.EncodingAesKey = key;
                        break;
                    case "--ticket-push-interval":
                        string seconds = inlineValue ?? Next(args, ref i, name);
                        if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out int interval))
                        {
                            throw new ArgumentException($"--ticket-push-interval takes whole seconds, 0 or more, not '{seconds}'.", nameof(args));
                        }

                        parsed.TicketPushInterval = TimeSpan.FromSeconds(interval);
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

        private static string NonEmpty(string value, string name)
            => value.Length > 0 ? value : throw new ArgumentException(name + " needs a non-empty value.", nameof(value));

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
