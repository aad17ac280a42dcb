using System;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// What <see cref="TcbTransfers.UploadFunctionCodeAsync{TSignature}"/> sends to Tencent Cloud's function API after
    /// createFunction: the body <c>{CodeSecret, EnvId, FunctionName, Handler, ZipFile[, InstallDependency]}</c>.
    /// </summary>
    public sealed class TcbFunctionCode
    {
        /// <summary>Creates the upload.</summary>
        /// <param name="envId">The cloud environment's id.</param>
        /// <param name="functionName">The function's name, as createFunction created it.</param>
        /// <param name="codeSecret">The code protection key getCodeSecret returned.</param>
        /// <param name="package">The function's zip.</param>
        public TcbFunctionCode(string envId, string functionName, string codeSecret, TcbFunctionPackage package)
        {
            EnvId = envId ?? throw new ArgumentNullException(nameof(envId));
            FunctionName = functionName ?? throw new ArgumentNullException(nameof(functionName));
            CodeSecret = codeSecret ?? throw new ArgumentNullException(nameof(codeSecret));
            Package = package ?? throw new ArgumentNullException(nameof(package));
        }

        /// <summary>The cloud environment's id (<c>EnvId</c>).</summary>
        public string EnvId { get; }

        /// <summary>The function's name (<c>FunctionName</c>).</summary>
        public string FunctionName { get; }

        /// <summary>The code protection key from getCodeSecret (<c>CodeSecret</c>). A secret.</summary>
        public string CodeSecret { get; }

        /// <summary>The function's zip (<c>ZipFile</c>, base64).</summary>
        public TcbFunctionPackage Package { get; }

        /// <summary>The entry point (<c>Handler</c>), <c>index.main</c> as the pages say.</summary>
        public string Handler { get; set; } = "index.main";

        /// <summary>Whether the cloud installs the dependencies (<c>InstallDependency</c> "TRUE"/"FALSE"); null leaves it out.</summary>
        public bool? InstallDependency { get; set; }
    }
}
