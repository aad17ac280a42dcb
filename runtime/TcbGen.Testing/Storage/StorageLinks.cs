using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TcbGen.Testing.State;

namespace TcbGen.Testing.Storage
{
    /// <summary>
    /// The <c>storage</c> section of <c>State/stateful-endpoints.json</c>: which request fields name the object a ticket
    /// endpoint works on (what the ticket does comes from its spec's <c>followUp</c> kind), which endpoints answer download
    /// links for stored files, and which carry a function's code inline. Entries naming an endpoint not served are left out.
    /// </summary>
    internal sealed class StorageLinks
    {
        private StorageLinks(IReadOnlyList<TicketLink> tickets, IReadOnlyList<DownloadLinkCall> downloadLinks, IReadOnlyList<InlineCodeCall> inlineCode)
        {
            Tickets = tickets;
            DownloadLinks = downloadLinks;
            InlineCode = inlineCode;
        }

        public IReadOnlyList<TicketLink> Tickets { get; }

        public IReadOnlyList<DownloadLinkCall> DownloadLinks { get; }

        public IReadOnlyList<InlineCodeCall> InlineCode { get; }

        public static StorageLinks Parse(JsonElement root, Func<string, bool> isServed)
        {
            if (!root.TryGetProperty("storage", out JsonElement storage))
            {
                return new StorageLinks(Array.Empty<TicketLink>(), Array.Empty<DownloadLinkCall>(), Array.Empty<InlineCodeCall>());
            }

            return new StorageLinks(
                StatefulEndpointsResource.Items(storage, "tickets").Select(t => new TicketLink(Text(t, "endpoint")!, Text(t, "env"), Text(t, "path"), Text(t, "job"), Text(t, "jobId"))).Where(t => isServed(t.Endpoint)).ToList(),
                StatefulEndpointsResource.Items(storage, "downloadLinks").Select(d => new DownloadLinkCall(Text(d, "endpoint")!, Text(d, "env")!, Text(d, "list")!, Text(d, "fileId")!, Text(d, "url")!, Text(d, "status")!, Text(d, "message")!)).Where(d => isServed(d.Endpoint)).ToList(),
                StatefulEndpointsResource.Items(storage, "inlineCode").Select(c => new InlineCodeCall(Text(c, "endpoint")!, Text(c, "envs")!, Text(c, "name")!, Text(c, "zip")!)).Where(c => isServed(c.Endpoint)).ToList());
        }

        private static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
    }

    /// <summary>
    /// A ticket endpoint (its spec names a <c>followUp</c> kind): the request fields holding the environment and the object's
    /// path, for a migration job start whether it is an <c>import</c> or <c>export</c>, for a job state call the job id field.
    /// </summary>
    internal sealed record TicketLink(string Endpoint, string? Env, string? Path, string? Job, string? JobId);

    /// <summary>
    /// An endpoint that answers download links: per item of the request's <see cref="List"/>, the file named by
    /// <see cref="FileId"/> gets the answer item's <see cref="Url"/>, <see cref="Status"/> and <see cref="Message"/>.
    /// </summary>
    internal sealed record DownloadLinkCall(string Endpoint, string Env, string List, string FileId, string Url, string Status, string Message);

    /// <summary>An endpoint carrying a function's zip inline (base64 in <see cref="Zip"/>) for the environments in <see cref="Envs"/>.</summary>
    internal sealed record InlineCodeCall(string Endpoint, string Envs, string Name, string Zip);
}
