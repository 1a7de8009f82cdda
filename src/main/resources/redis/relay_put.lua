-- Queues one message for a relay phone unless it is already waiting (keep its lease and hand-out count) or the
-- phone already confirmed it (a dispatch sent again after a worker died must not reach the phone twice).
-- KEYS[1] outbox zset, KEYS[2] messages hash, KEYS[3] awaiting zset; ARGV: 1 now ms, 2 uuid, 3 payload
if redis.call('ZSCORE', KEYS[3], ARGV[2]) or redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
