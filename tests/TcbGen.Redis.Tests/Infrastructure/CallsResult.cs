using System;
using System.Linq;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>A worker's answer to <c>calls</c>: <c>calls ok=N failed=N lastFailureMs=N errors=Type/errcode:N,...</c>.</summary>
    public sealed record CallsResult(int Ok, int Failed, long LastFailureUnixMs, string Errors)
    {
        public static CallsResult Parse(string line)
        {
            string Value(string name) => line.Split(' ').Single(part => part.StartsWith(name + "=", StringComparison.Ordinal)).Substring(name.Length + 1);
            return new CallsResult(int.Parse(Value("ok")), int.Parse(Value("failed")), long.Parse(Value("lastFailureMs")), Value("errors"));
        }
    }
}
