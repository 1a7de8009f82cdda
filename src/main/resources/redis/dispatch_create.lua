-- Stores a planned dispatch unless it exists (a replayed fan-out plans the same id again).
-- KEYS[1] dispatch hash; ARGV: field, value, field, value, …
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
