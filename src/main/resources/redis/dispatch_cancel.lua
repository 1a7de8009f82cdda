-- Ends a dispatch that is still waiting (rank 0) with a final state: a canceled campaign run must not send it
-- ('canceled'), nor one whose validity ended ('expired'). One being sent or already with the provider is left alone.
-- KEYS[1] dispatch hash; ARGV: 1 reason, 2 time (ISO-8601), 3 final state (rank 4)
-- Returns '' when nothing changed, else 'previous state|run id'
if redis.call('EXISTS', KEYS[1]) == 0 or tonumber(redis.call('HGET', KEYS[1], 'rank')) ~= 0 then
  return ''
end
local previous = redis.call('HGET', KEYS[1], 'state')
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'rank', '4', 'last_error', ARGV[1], 'updated_at', ARGV[2])
return previous .. '|' .. redis.call('HGET', KEYS[1], 'run_id')
