using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace TcbGen.Testing.Pushes
{
    /// <summary>
    /// The <c>component_verify_ticket</c>s the emulator has given out, as WeChat keeps them: the first push carries the
    /// configured ticket (<see cref="WeChatEmulatorOptions.ComponentVerifyTicket"/>), every later push a new one.
    /// <c>api_component_token</c> accepts the newest ticket, and an older one for <see cref="Validity"/> after it was
    /// pushed, as WeChat accepts a platform's older valid ticket.
    /// </summary>
    internal sealed class VerifyTickets
    {
        /// <summary>How long a pushed ticket stays valid: WeChat's 12 hours (the runtime's <c>TcbComponentVerifyTicket.Validity</c>).</summary>
        public static readonly TimeSpan Validity = TimeSpan.FromHours(12);

        private readonly TimeProvider _clock;
        private readonly object _gate = new object();
        private readonly Queue<(string Ticket, DateTimeOffset Expires)> _previous = new Queue<(string, DateTimeOffset)>();
        private readonly HashSet<string> _previousTickets = new HashSet<string>(StringComparer.Ordinal);
        private string _current;
        private DateTimeOffset _currentSince;
        private bool _pushed;

        public VerifyTickets(string first, TimeProvider clock)
        {
            _current = first;
            _clock = clock;
            _currentSince = clock.GetUtcNow();
        }

        /// <summary>The newest ticket: the one pushed last, or the configured one before the first push.</summary>
        public string Current
        {
            get
            {
                lock (_gate)
                {
                    return _current;
                }
            }
        }

        /// <summary>The ticket for a push about to go out: the configured one the first time, then a new one each time.</summary>
        public string NextForPush()
        {
            lock (_gate)
            {
                DateTimeOffset now = _clock.GetUtcNow();
                if (!_pushed)
                {
                    _pushed = true;
                    _currentSince = now;
                    return _current;
                }

                Forget(now);
                _previous.Enqueue((_current, _currentSince + Validity));
                _previousTickets.Add(_current);
                _currentSince = now;
                _current = "ticket@@@" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(33)).Replace('+', '-').Replace('/', '_');
                return _current;
            }
        }

        /// <summary>Whether <paramref name="ticket"/> is the newest ticket (which never expires here: no newer one was pushed), or an older one pushed less than <see cref="Validity"/> ago.</summary>
        public bool Accepts(string ticket)
        {
            lock (_gate)
            {
                if (string.Equals(ticket, _current, StringComparison.Ordinal))
                {
                    return true;
                }

                Forget(_clock.GetUtcNow());
                return _previousTickets.Contains(ticket);
            }
        }

        /// <summary>Drops the older tickets whose validity has run out, so memory holds at most the pushes of 12 hours.</summary>
        private void Forget(DateTimeOffset now)
        {
            while (_previous.Count > 0 && _previous.Peek().Expires <= now)
            {
                _previousTickets.Remove(_previous.Dequeue().Ticket);
            }
        }
    }
}
