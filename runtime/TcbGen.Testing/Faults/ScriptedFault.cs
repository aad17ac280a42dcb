using System;

namespace TcbGen.Testing.Faults
{
    /// <summary>One scripted misbehaviour, consumed by one call.</summary>
    internal abstract record ScriptedFault;

    /// <summary>Answer <c>{"errcode":Errcode,"errmsg":...}</c>; the spec's or standard message when <see cref="Errmsg"/> is null.</summary>
    internal sealed record ErrcodeFault(int Errcode, string? Errmsg) : ScriptedFault;

    /// <summary>Answer this JSON body as it is.</summary>
    internal sealed record ResponseFault(string Json) : ScriptedFault;

    /// <summary>Wait this long (unless the client gives up), then answer as usual.</summary>
    internal sealed record LatencyFault(TimeSpan Delay) : ScriptedFault;

    /// <summary>Answer this HTTP status, with this body or none.</summary>
    internal sealed record HttpStatusFault(int StatusCode, string? Body) : ScriptedFault;

    /// <summary>Abort the connection without answering.</summary>
    internal sealed record DroppedConnectionFault : ScriptedFault;
}
