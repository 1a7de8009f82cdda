-- Creates a planned dispatch unless it exists, and answers the stored hash either way: the worker that takes a
-- lazily planned campaign recipient creates its dispatch here, idempotently by the id derived from run and
-- recipient, so two entries for one recipient (a resumed fan-out, two instances) are still one dispatch.
-- KEYS[1] dispatch hash; ARGV: field, value, field, value, … Returns {'1' created | '0' existed, hash…}
local created = '0'
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], unpack(ARGV))
  created = '1'
end
local result = {created}
for _, v in ipairs(redis.call('HGETALL', KEYS[1])) do
  result[#result + 1] = v
end
return result
