using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Redis.Worker;
using TcbGen.Redis.Worker.Tcb;
using TcbGen.Runtime;

// Starts with "ready <pid>[ <authorization-event URL>]". Commands, one per stdin line; each answers one stdout line:
//   token                       -> "token <value>"           the authorizer token this instance would use now
//   call                        -> "ok" | "error <Type> <errcode>[ <cause of a TcbTokenUnavailableException>]"
//   component                   -> "ok" | "error <Type> <errcode>"  fetches (or reads) the component token
//   renew                       -> like call, after dropping the token this instance holds (so the call renews it)
//   calls <callers> <untilUnixMs> <pauseMs> -> "calls ok=<n> failed=<n> lastFailureMs=<unixMs|0> errors=<Type/errcode:n,...>"
//   storm <callers> <startUnixMs> -> "storm first=<unixMs> last=<unixMs> failed=<n>"  every caller asks for the token once at the start time
//   quit
var arguments = new WorkerArguments(args);

// With --events-token, the instance also serves the authorization-event URL on Kestrel and keeps the verify ticket in Redis;
// without it, the ticket is the fixed --ticket and there is no web host.
await using EventsHost? events = arguments.Optional("events-token") is null ? null : await EventsHost.StartAsync(arguments);
await using ServiceProvider? plain = events is null ? PlainServices(arguments) : null;
IServiceProvider provider = events?.Services ?? plain!;
var tokens = provider.GetRequiredService<ITcbAccessTokenSource>();
var client = new TcbAuthorizerClient(provider.GetRequiredService<ITcbTransport>(), arguments.AuthorizerAppId);
TcbTokenKey key = TcbTokenKey.ForAuthorizer(arguments.AuthorizerAppId);
var request = new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = "worker-env" };

Console.WriteLine("ready " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + (events is null ? string.Empty : " " + events.Address));
string? line;
while ((line = Console.ReadLine()) != null)
{
    string[] command = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    switch (command.FirstOrDefault())
    {
        case "token":
            Console.WriteLine("token " + (await tokens.GetTokenAsync(key, CancellationToken.None)).Value);
            break;
        case "call":
            Console.WriteLine(await CallOnceAsync(withCause: true) is { } failure ? "error " + failure : "ok");
            break;
        case "component":
            Console.WriteLine(await ComponentTokenAsync() is { } componentFailure ? "error " + componentFailure : "ok");
            break;
        case "renew":
            // Drops the token this instance holds (as after a 40001), then calls: the call renews it.
            Console.WriteLine(await RenewThenCallAsync() is { } renewFailure ? "error " + renewFailure : "ok");
            break;
        case "calls":
            Console.WriteLine(await RunCallsAsync(int.Parse(command[1], CultureInfo.InvariantCulture), long.Parse(command[2], CultureInfo.InvariantCulture), int.Parse(command[3], CultureInfo.InvariantCulture)));
            break;
        case "storm":
            Console.WriteLine(await StormAsync(int.Parse(command[1], CultureInfo.InvariantCulture), long.Parse(command[2], CultureInfo.InvariantCulture)));
            break;
        case "quit":
            return 0;
        default:
            Console.WriteLine("unknown " + line);
            break;
    }
}

return 0;

async Task<string?> CallOnceAsync(bool withCause = false)
{
    try
    {
        await client.SetCloudAccessTokenAsync(request, CancellationToken.None);
        return null;
    }
    catch (TcbApiException api)
    {
        return api.GetType().Name + " " + api.ErrorCode.ToString(CultureInfo.InvariantCulture);
    }
    catch (TcbTokenUnavailableException unavailable) when (withCause)
    {
        return unavailable.GetType().Name + " 0 " + unavailable.Cause;
    }
    catch (Exception exception)
    {
        return exception.GetType().Name + " 0";
    }
}

async Task<string?> ComponentTokenAsync()
{
    try
    {
        await tokens.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None);
        return null;
    }
    catch (Exception exception)
    {
        return exception.GetType().Name + " " + (exception is TcbApiException api ? api.ErrorCode : 0).ToString(CultureInfo.InvariantCulture);
    }
}

static ServiceProvider PlainServices(WorkerArguments arguments)
{
    var services = new ServiceCollection();
    services.AddSingleton<IComponentVerifyTicketStore>(new FixedTicket(arguments.Optional("ticket") ?? "ticket-1"));
    Platform.Add(services, arguments);
    return services.BuildServiceProvider();
}

async Task<string?> RenewThenCallAsync()
{
    try
    {
        TcbAccessToken held = await tokens.GetTokenAsync(key, CancellationToken.None);
        await tokens.InvalidateAsync(key, held, CancellationToken.None);
    }
    catch (Exception exception)
    {
        // No token to drop (its renewal failed): the call below renews anyway.
        _ = exception;
    }

    return await CallOnceAsync(withCause: true);
}

async Task<string> RunCallsAsync(int callers, long untilUnixMs, int pauseMs)
{
    int ok = 0;
    int failed = 0;
    long lastFailure = 0;
    var errors = new ConcurrentDictionary<string, int>();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
    {
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() < untilUnixMs)
        {
            string? failure = await CallOnceAsync();
            if (failure is null)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                Interlocked.Increment(ref failed);
                Interlocked.Exchange(ref lastFailure, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                errors.AddOrUpdate(failure.Replace(' ', '/'), 1, (_, n) => n + 1);
            }

            // Callers pace themselves: the point is many concurrent callers across expiries, not raw throughput.
            await Task.Delay(pauseMs);
        }
    })));
    return "calls ok=" + ok + " failed=" + failed + " lastFailureMs=" + lastFailure + " errors=" + string.Join(",", errors.Select(e => e.Key + ":" + e.Value));
}

async Task<string> StormAsync(int callers, long startUnixMs)
{
    long first = long.MaxValue;
    long last = 0;
    int failed = 0;
    var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    Task[] tasks = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
    {
        await start.Task;
        try
        {
            await tokens.GetTokenAsync(key, CancellationToken.None);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            InterlockedMin(ref first, now);
            InterlockedMax(ref last, now);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref failed);
        }
    })).ToArray();
    TimeSpan wait = DateTimeOffset.FromUnixTimeMilliseconds(startUnixMs) - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    start.SetResult();
    await Task.WhenAll(tasks);
    return "storm first=" + first + " last=" + last + " failed=" + failed;
}

static void InterlockedMin(ref long target, long value)
{
    long seen;
    while (value < (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
    {
    }
}

static void InterlockedMax(ref long target, long value)
{
    long seen;
    while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
    {
    }
}

internal sealed class FixedTicket : IComponentVerifyTicketStore
{
    private readonly string _ticket;

    public FixedTicket(string ticket)
    {
        _ticket = ticket;
    }

    public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => new(_ticket);
}
