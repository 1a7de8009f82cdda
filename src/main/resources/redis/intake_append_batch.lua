-- intake_append.lua for several alerts in one call, used by the spool replay: one script is one step for Redis
-- (one fsync with appendfsync always, instead of one per alert), and it runs whole or not at all, so a replay
-- that fails part-way can never store a later alert before an earlier one.
-- KEYS[1] intake stream, then for alert i: KEYS[2i] its seen-marker, KEYS[2i+1] its sender's window counter.
-- ARGV[1] dedupe TTL in ms, ARGV[2] counter TTL in ms, ARGV[3] sender limit (0: none), then for each alert the
-- number n of its field/value arguments followed by those n arguments.
-- Returns one element per alert: false for a duplicate, else {entry id, 1 when flagged as flood else 0}.
local limit = tonumber(ARGV[3])
local out = {}
local at = 4
for i = 1, (#KEYS - 1) / 2 do
  local n = tonumber(ARGV[at])
  local fields = {unpack(ARGV, at + 1, at + n)}
  at = at + n + 1
  local seen, counter = KEYS[2 * i], KEYS[2 * i + 1]
  if redis.call('SET', seen, '1', 'NX', 'PX', ARGV[1]) then
    local flood = 0
    if limit > 0 then
      local sent = redis.call('INCR', counter)
      if sent == 1 then
        redis.call('PEXPIRE', counter, ARGV[2])
      end
      if sent > limit then
        fields[#fields + 1] = 'flood'
        fields[#fields + 1] = '1'
        flood = 1
      end
    end
    out[i] = {redis.call('XADD', KEYS[1], '*', unpack(fields)), flood}
  else
    out[i] = false
  end
end
return out
