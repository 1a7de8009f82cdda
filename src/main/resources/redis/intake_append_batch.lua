-- Appends several alerts to the intake stream in one call: the alerts an HTTP event loop took in one turn, or a
-- page of the spool replay. For each alert: unless its provider id was seen within the dedupe window, count it
-- against its sender's limit (above the limit it is still stored, with flood=1: docs/keywords.md) and XADD it. The
-- sender's counter is the one of the window the alert was RECEIVED in, so an alert replayed from the spool hours
-- later counts in its own window, not in the replay's burst. Every key carries the {intake} hash tag (one slot on
-- a Redis Cluster). One script is one step for Redis (one AOF write and fsync with appendfsync always, instead of
-- one per alert), and a batch that fails part-way can never store a later alert before an earlier one.
-- KEYS[1] intake stream, then for alert i: KEYS[2i] its seen-marker, KEYS[2i+1] the sender counters (a hash,
-- reporter -> alerts) of the window it was received in.
-- ARGV[1] dedupe TTL in ms, ARGV[2] counter TTL in ms, ARGV[3] sender limit (0: none), ARGV[4] the number f of
-- entry field names and ARGV[5..4+f] the names (once per call, not per alert), then for each alert its reporter,
-- the number n (at most f) of its values, and those n values, for the first n names.
-- Returns one element per alert: false for a duplicate, else {entry id, 1 when flagged as flood else 0}.
local limit = tonumber(ARGV[3])
local out = {}
local windows = {}
local at = 5 + tonumber(ARGV[4])
for i = 1, (#KEYS - 1) / 2 do
  local reporter = ARGV[at]
  local n = tonumber(ARGV[at + 1])
  local fields = {}
  for j = 1, n do
    fields[2 * j - 1] = ARGV[4 + j]
    fields[2 * j] = ARGV[at + 1 + j]
  end
  at = at + 2 + n
  local seen, counters = KEYS[2 * i], KEYS[2 * i + 1]
  if redis.call('SET', seen, '1', 'NX', 'PX', ARGV[1]) then
    local flood = 0
    if limit > 0 then
      windows[counters] = true
      if redis.call('HINCRBY', counters, reporter, 1) > limit then
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
-- one hash per window rather than a key per sender: no key (and no expiry) to create for each new sender, and one
-- PEXPIRE per window a batch touched; a window's counters live two windows after its last alert
for counters in pairs(windows) do
  redis.call('PEXPIRE', counters, ARGV[2])
end
return out
