-- Opens a new lead holding one report split out of another lead (the first half of a split). Every key in the
-- report's region slot, where its report hash lives.
-- KEYS: 1 new lead hash, 2 its report list, 3 reporter set, 4 terms list, 5 history list, 6 open-lead index,
--       7 the report hash
-- ARGV: 1 history entry (JSON), 2 entry id, 3 reporter, 4 content words, 5… field, value pairs of the new lead
-- Returns 'ok' or 'exists'.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'exists'
end
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
local id = redis.call('HGET', KEYS[1], 'id')
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('LPUSH', KEYS[4], ARGV[4])
redis.call('RPUSH', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[6], redis.call('HGET', KEYS[1], 'last_seen_ms'), id)
redis.call('HSET', KEYS[7], 'lead_id', id)
return 'ok'
