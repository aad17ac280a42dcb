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
