-- Forward-only state change: applied only when the new state's rank is higher (StatusOrder in Java).
-- The provider id is recorded even when the state does not move, so a racing callback still links it.
-- KEYS[1] dispatch hash; ARGV: 1 state, 2 rank, 3 provider id or '', 4 error or '', 5 attempts or '', 6 time
-- Returns 'missing' | 'ignored' | {'advanced', previous state, run id} (for the run's progress counters)
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'missing'
end
if ARGV[3] ~= '' then
  redis.call('HSETNX', KEYS[1], 'provider_id', ARGV[3])
end
if tonumber(ARGV[2]) <= tonumber(redis.call('HGET', KEYS[1], 'rank')) then
  return 'ignored'
end
local previous = redis.call('HGET', KEYS[1], 'state')
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'rank', ARGV[2], 'updated_at', ARGV[6])
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'last_error', ARGV[4])
end
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[1], 'attempts', ARGV[5])
end
redis.call('HDEL', KEYS[1], 'lease_until')
return 'advanced|' .. previous .. '|' .. redis.call('HGET', KEYS[1], 'run_id')
