-- Appends an alert to the intake stream unless its provider id was seen within the dedupe window, and counts
-- it against its sender's limit: above the limit the entry is still stored, with flood=1 (docs/keywords.md).
-- Every key carries the {intake} hash tag, so this stays atomic on a Redis Cluster.
-- KEYS[1] seen-marker, KEYS[2] intake stream, KEYS[3] the sender's counter for the window the alert was RECEIVED
-- in (so an alert replayed from the spool hours later counts in its own window, not in the replay's burst);
-- ARGV[1] dedupe TTL in ms, ARGV[2] the counter's TTL in ms (two windows), ARGV[3] sender limit (0: none),
-- ARGV[4..] field/value pairs of the entry.
-- Returns false for a duplicate, else {entry id, 1 when flagged as flood else 0}.
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  return false
end
local limit = tonumber(ARGV[3])
if limit > 0 then
  local sent = redis.call('INCR', KEYS[3])
  if sent == 1 then
    redis.call('PEXPIRE', KEYS[3], ARGV[2])
  end
  if sent > limit then
    local fields = {unpack(ARGV, 4)}
    fields[#fields + 1] = 'flood'
    fields[#fields + 1] = '1'
    return {redis.call('XADD', KEYS[2], '*', unpack(fields)), 1}
  end
end
return {redis.call('XADD', KEYS[2], '*', unpack(ARGV, 4)), 0}
