using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Sample;
using TcbGen.Testing;

// dotnet run --project samples/TcbGen.Sample                          the tour, against the local emulator
// dotnet run --project samples/TcbGen.Sample -- --base-url <url>      the same calls against a real server (see README)
// dotnet run --project samples/TcbGen.Sample -- --emulator [--port N] only the emulator, for curl; Ctrl+C stops it
// dotnet run --project samples/TcbGen.Sample -- --redis localhost:6379  the tour with tokens shared through Redis
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// `kill`, `timeout`, systemd and container runtimes stop a process with SIGTERM: stop as cleanly as on Ctrl+C.
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    if (Array.IndexOf(args, "--emulator") >= 0)
    {
        await WeChatEmulator.RunStandaloneAsync(args, Console.Out, Console.Error, stop.Token);
        return 0;
    }

    int index = Array.IndexOf(args, "--base-url");
    if (index >= 0)
    {
        if (index + 1 >= args.Length)
        {
            Console.Error.WriteLine("--base-url needs a URL, e.g. --base-url https://api.weixin.qq.com");
            return 2;
        }

        return await RealApiRun.RunAsync(new Uri(args[index + 1]), Console.Out, stop.Token);
    }

    int redis = Array.IndexOf(args, "--redis");
    if (redis >= 0 && redis + 1 >= args.Length)
    {
        Console.Error.WriteLine("--redis needs a StackExchange.Redis configuration, e.g. --redis localhost:6379");
        return 2;
    }

    await EmulatorTour.RunAsync(redis >= 0 ? args[redis + 1] : null, Console.Out, stop.Token);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
