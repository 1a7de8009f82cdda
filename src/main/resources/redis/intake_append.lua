-- Appends an alert to the intake stream unless its provider id was seen within the dedupe window.
-- Both keys carry the {intake} hash tag, so this stays atomic on a Redis Cluster.
-- KEYS[1] seen-marker, KEYS[2] intake stream; ARGV[1] TTL in ms, ARGV[2..] field/value pairs of the entry.
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  return false
end
return redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
