using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace TcbGen.Browser.Tests
{
    /// <summary>
    /// Debian's chromium, driven by Playwright through the executable-path launch option (Playwright's own browser download
    /// cannot reach the internet here). Headless, and without the sandbox, which Chromium refuses to run as root.
    /// </summary>
    internal static class Chromium
    {
        public const string ExecutablePath = "/usr/bin/chromium";
        public const string InstallCommand = "sudo apt-get install -y chromium";

        /// <summary>Launches it, or skips (fails under CI=true) when it is not installed.</summary>
        public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
        {
            if (!File.Exists(ExecutablePath))
            {
                string message = ExecutablePath + " is not installed; install it with: " + InstallCommand;
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
                Skip.If(true, message);
            }

            IPlaywright playwright = await Playwright.CreateAsync();
            try
            {
                IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = new[] { "--no-sandbox" },
                });
                return (playwright, browser);
            }
            catch
            {
                playwright.Dispose();
                throw;
            }
        }
    }
}
