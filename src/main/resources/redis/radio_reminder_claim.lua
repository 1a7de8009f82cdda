-- Claims radio broadcasts for their reminder: first those whose claimer's lease ran out (it stopped part-way),
-- then those whose slot ended long enough ago. Moving an id from the due set to the claimed set in one script is
-- what keeps two gateway instances off one broadcast.
-- KEYS[1] due sorted set (score = slot end ms), KEYS[2] claimed sorted set (score = lease end ms)
-- ARGV: 1 now (ms), 2 slots ended by (ms), 3 lease end (ms), 4 max ids. Returns the claimed ids.
local max = tonumber(ARGV[4])
local out = {}
local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, max)
for _, id in ipairs(stale) do
  redis.call('ZADD', KEYS[2], ARGV[3], id)
  out[#out + 1] = id
end
local left = max - #stale
if left > 0 then
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, left)
  for _, id in ipairs(due) do
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZADD', KEYS[2], ARGV[3], id)
    out[#out + 1] = id
  end
end
return out
