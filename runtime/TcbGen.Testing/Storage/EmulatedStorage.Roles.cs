using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing.Storage
{
    internal sealed partial class EmulatedStorage
    {
        /// <summary>What each storage endpoint does, for <see cref="WeChatEmulator.StatefulEndpoints"/> and the coverage table.</summary>
        public void AddRoles(IDictionary<string, string> roles, SpecCatalog catalog)
        {
            foreach (TicketLink ticket in _links.Tickets)
            {
                if (catalog.Endpoints.FirstOrDefault(e => e.Name == ticket.Endpoint)?.Spec.FollowUp is FollowUpKind kind)
                {
                    roles[ticket.Endpoint] = Role(kind, ticket);
                }
            }

            foreach (DownloadLinkCall links in _links.DownloadLinks)
            {
                roles[links.Endpoint] = "links the uploaded files (a URL that serves their bytes)";
            }

            foreach (InlineCodeCall code in _links.InlineCode)
            {
                roles[code.Endpoint] = "stores the function's code (downloadfunction serves it)";
            }
        }

#pragma warning disable CS8524 // Exhaustive over the catalog's kinds.
        private static string Role(FollowUpKind kind, TicketLink ticket) => kind switch
        {
            FollowUpKind.CosFormUpload => "issues upload tickets its storage checks, keeps the files",
            FollowUpKind.SignedPut => "issues signed PUT URLs its storage checks, keeps the files",
            FollowUpKind.VerifiedDownload => "serves the function's code with its SHA-256",
            FollowUpKind.UploadSignature => "signs code uploads its function API checks (TC3), keeps the code",
            FollowUpKind.MigrationJob => ticket.Job == "import" ? "starts an import job (fails unless the file was uploaded)" : "starts an export job (writes the file)",
            FollowUpKind.MigrationJobState => "reports the migration job (running, then success or fail)",
        };
#pragma warning restore CS8524
    }
}
