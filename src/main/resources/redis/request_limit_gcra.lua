-- Request limit per client address (GCRA): grants or refuses, never reserves: a refused request is answered 429
-- at once, unlike an outbound SMS that waits for its slot (ratelimit_gcra.lua).
-- Generic cell rate algorithm per sender, cost = segments. The server clock is used so that every gateway
-- instance shares one time line. KEYS[1] the sender's key; ARGV: 1 ms per segment, 2 burst (ms), 3 cost
-- Returns 0 when granted, else the milliseconds to wait (nothing is taken).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local cost = tonumber(ARGV[3])
local burst = math.max(tonumber(ARGV[2]), cost * interval)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then
  tat = now
end
local new_tat = tat + cost * interval
local allow_at = new_tat - burst
if allow_at > now then
  return math.max(1, math.ceil(allow_at - now))
end
redis.call('SET', KEYS[1], string.format('%.3f', new_tat), 'PX', math.ceil(new_tat - now) + 1000)
return 0
