namespace TcbGen.Redis
{
    /// <summary>The Lua scripts that make compare-and-delete and compare-and-set atomic in Redis.</summary>
    internal static class RedisScripts
    {
        /// <summary>
        /// Drops a token only if it is still the rejected one (KEYS[1]; ARGV[1] is the stored value's token suffix), then
        /// tells every instance to forget its in-process copy (PUBLISH ARGV[2] ARGV[3]) either way. Returns 1 if dropped.
        /// </summary>
        public const string DropTokenIfSame = @"
local v = redis.call('GET', KEYS[1])
local dropped = 0
if v and string.sub(v, -string.len(ARGV[1])) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  dropped = 1
end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return dropped";

        /// <summary>Releases a lease only if this instance still owns it (KEYS[1] = ARGV[1]), then announces the renewal.</summary>
        public const string ReleaseLease = @"
local released = 0
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  released = 1
end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return released";

        /// <summary>Extends a lease (KEYS[1]) to ARGV[2] ms only if this instance still owns it (ARGV[1]). Returns 1 if extended.</summary>
        public const string ExtendLease = @"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0";

        /// <summary>
        /// Replaces a refresh token only if it is still the one used (KEYS[1] = ARGV[1]). Returns
        /// <see cref="ReplaceOutcome.Replaced"/> (1), <see cref="ReplaceOutcome.AlreadySaved"/> (2: it holds the new one, e.g. a
        /// retry of a save whose answer was lost), <see cref="ReplaceOutcome.Missing"/> (3: nothing stored, nothing
        /// created) or <see cref="ReplaceOutcome.Kept"/> (0: another one, kept).
        /// </summary>
        public const string ReplaceIfSame = @"
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
if v == ARGV[2] then
  return 2
end
if not v then
  return 3
end
return 0";

        /// <summary>
        /// Stores a pushed verify ticket as the current one (KEYS[1]) unless it is the current one already (ARGV[1] is its id),
        /// with the value ARGV[2] for ARGV[3] ms. The current one becomes the previous one (KEYS[2], for what is left of its
        /// validity) if it worked once or nothing is kept as previous yet; otherwise the last ticket that worked stays the
        /// previous one. Tickets are compared by id (a digest), so the stored value may be sealed by a protector that is not
        /// deterministic. Returns 1 if stored, 0 for a retried push.
        /// </summary>
        public const string SaveVerifyTicket = @"
local current = redis.call('HMGET', KEYS[1], 'id', 'value', 'confirmed')
if current[1] == ARGV[1] then
  return 0
end
if current[1] and (current[3] == '1' or redis.call('EXISTS', KEYS[2]) == 0) then
  local left = redis.call('PTTL', KEYS[1])
  if left > 0 then
    redis.call('DEL', KEYS[2])
    redis.call('HSET', KEYS[2], 'id', current[1], 'value', current[2])
    redis.call('PEXPIRE', KEYS[2], left)
  end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'value', ARGV[2], 'confirmed', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1";

        /// <summary>
        /// Marks the current verify ticket (KEYS[1]) as having worked if its id is ARGV[1], and forgets the previous one
        /// (KEYS[2]). Returns 1 if confirmed, 0 when another ticket is current (a newer push arrived meanwhile).
        /// </summary>
        public const string ConfirmVerifyTicket = @"
if redis.call('HGET', KEYS[1], 'id') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'confirmed', '1')
  redis.call('DEL', KEYS[2])
  return 1
end
return 0";

        /// <summary>What <see cref="ReplaceIfSame"/> did.</summary>
        public enum ReplaceOutcome
        {
            Kept = 0,
            Replaced = 1,
            AlreadySaved = 2,
            Missing = 3,
        }
    }
}
