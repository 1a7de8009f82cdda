-- Claims campaign runs for fan-out: first runs whose claimer's lease ran out (it died part-way), then due runs.
-- Moving a run from the due set to the claimed set in one script is what keeps two instances off one run.
-- KEYS[1] due sorted set (score = due ms), KEYS[2] claimed sorted set (score = lease end ms)
-- ARGV: 1 now (ms), 2 lease end (ms), 3 max runs. Returns {run id, '1' if reclaimed else '0', …}
local max = tonumber(ARGV[3])
local out = {}
local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, max)
for _, id in ipairs(stale) do
  redis.call('ZADD', KEYS[2], ARGV[2], id)
  out[#out + 1] = id
  out[#out + 1] = '1'
end
local left = max - #stale
if left > 0 then
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, left)
  for _, id in ipairs(due) do
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZADD', KEYS[2], ARGV[2], id)
    out[#out + 1] = id
    out[#out + 1] = '0'
  end
end
return out
