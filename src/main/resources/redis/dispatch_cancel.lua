-- Cancels a dispatch that is still waiting (rank 0): a canceled or expired campaign run must not send it.
-- One being sent or already with the provider is left alone.
-- KEYS[1] dispatch hash; ARGV: 1 reason, 2 time (ISO-8601)
-- Returns '' when nothing changed, else 'previous state|run id'
if redis.call('EXISTS', KEYS[1]) == 0 or tonumber(redis.call('HGET', KEYS[1], 'rank')) ~= 0 then
  return ''
end
local previous = redis.call('HGET', KEYS[1], 'state')
redis.call('HSET', KEYS[1], 'state', 'canceled', 'rank', '4', 'last_error', ARGV[1], 'updated_at', ARGV[2])
return previous .. '|' .. redis.call('HGET', KEYS[1], 'run_id')
