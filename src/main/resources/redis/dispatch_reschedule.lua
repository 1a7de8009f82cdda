-- Puts a dispatch that has not reached a provider (rank 0 or 1) back to a waiting state.
-- KEYS[1] dispatch hash; ARGV: 1 waiting state, 2 reason, 3 attempts or '', 4 time (ISO-8601)
-- Returns '' when nothing changed, else 'previous state|run id' (for the run's progress counters)
if redis.call('EXISTS', KEYS[1]) == 0 or tonumber(redis.call('HGET', KEYS[1], 'rank')) > 1 then
  return ''
end
local previous = redis.call('HGET', KEYS[1], 'state')
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'rank', '0', 'last_error', ARGV[2], 'updated_at', ARGV[4])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[1], 'attempts', ARGV[3])
end
redis.call('HDEL', KEYS[1], 'lease_until')
return previous .. '|' .. redis.call('HGET', KEYS[1], 'run_id')
