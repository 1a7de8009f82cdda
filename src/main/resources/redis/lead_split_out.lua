-- Removes one report from an open lead and stores the lead's recomputed summary (the second half of a split).
-- KEYS: 1 lead hash, 2 report list, 3 reporter set, 4 history list, 5 foreign-report hash
-- ARGV: 1 history entry (JSON), 2 entry id, 3 remaining reporters (space-separated), 4… field, value pairs
-- Returns 'ok', 'missing', 'gone' (the report is no longer there) or 'status:<current>'.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'missing'
end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'new' and status ~= 'in_review' then
  return 'status:' .. status
end
if redis.call('LREM', KEYS[2], 0, ARGV[2]) == 0 then
  return 'gone'
end
redis.call('HDEL', KEYS[5], ARGV[2])
redis.call('DEL', KEYS[3])
for reporter in string.gmatch(ARGV[3], '[^ ]+') do
  redis.call('SADD', KEYS[3], reporter)
end
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('RPUSH', KEYS[4], ARGV[1])
return 'ok'
