-- Moves an intake entry triage keeps failing on to the dead-letter stream and acknowledges it, once: if the
-- entry is no longer pending (another worker already did this), nothing is added. All keys share {intake}.
-- KEYS[1] intake stream, KEYS[2] dead-letter stream, KEYS[3] dead-letter counter
-- ARGV: 1 group, 2 entry id, 3 deliveries, 4 error, 5 time (ISO-8601), 6.. the entry's field/value pairs
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('XADD', KEYS[2], '*', 'entry_id', ARGV[2], 'deliveries', ARGV[3], 'error', ARGV[4],
  'dead_lettered_at', ARGV[5], unpack(ARGV, 6))
redis.call('INCR', KEYS[3])
return 1
