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

        /// <summary>Replaces a refresh token only if it is still the one used (KEYS[1] = ARGV[1]). Returns 1 if replaced.</summary>
        public const string ReplaceIfSame = @"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0";
    }
}
