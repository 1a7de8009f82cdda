-- Reserves the sender's next free send slot (GCRA, cost = segments) instead of refusing: every caller gets a send
-- time of its own, so a backlog is paced slot after slot and nobody races for the same one. The server clock is
-- used so that every gateway instance shares one time line.
-- KEYS[1] the sender's key; ARGV: 1 ms per segment, 2 burst (ms), 3 cost, 4 horizon (ms), 5 now (ms) or '' (server),
-- 6 lead (ms): a slot is never sooner than that after now, so the caller can claim its dispatch before the slot
-- Returns the wait in microseconds: >= 0 the slot is reserved (send that long after now); < 0 nothing was taken,
-- the next free slot is farther ahead than the horizon (ask again after -answer microseconds).
local now
if ARGV[5] ~= '' then
  now = tonumber(ARGV[5])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
local interval = tonumber(ARGV[1])
local cost = tonumber(ARGV[3])
local burst = math.max(tonumber(ARGV[2]), cost * interval)
-- the cell rate algorithm runs at now + lead, as if the call came that much later
local base = now + tonumber(ARGV[6])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < base then
  tat = base
end
local new_tat = tat + cost * interval
local at = math.max(base, new_tat - burst)
local horizon = tonumber(ARGV[4])
if at - now > horizon then
  return -math.max(1, math.ceil((at - now - horizon) * 1000))
end
redis.call('SET', KEYS[1], string.format('%.3f', new_tat), 'PX', math.ceil(new_tat - now) + 1000)
return math.ceil((at - now) * 1000)
