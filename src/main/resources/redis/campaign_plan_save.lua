-- Stores a run's plan (what its dispatches share) unless it has one: a fan-out resumed after a template change
-- keeps sending the text its first half was planned with. KEYS[1] plan hash; ARGV: field, value, …
-- Returns 1 when stored, 0 when the run already had a plan.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
