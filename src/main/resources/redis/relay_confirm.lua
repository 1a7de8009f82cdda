-- The phone confirms the messages it queued: they leave the outbox (never handed out again, the encrypted
-- number is deleted) and wait for their result. A repeated confirmation is accepted again and changes nothing.
-- KEYS[1] outbox zset, KEYS[2] messages hash, KEYS[3] hand-outs hash, KEYS[4] awaiting zset;
-- ARGV: 1 now ms, 2… uuids. Returns the accepted uuids.
local accepted = {}
for i = 2, #ARGV do
  local uuid = ARGV[i]
  if redis.call('ZSCORE', KEYS[1], uuid) then
    redis.call('ZREM', KEYS[1], uuid)
    redis.call('HDEL', KEYS[2], uuid)
    redis.call('HDEL', KEYS[3], uuid)
    redis.call('ZADD', KEYS[4], 'NX', ARGV[1], uuid)
    table.insert(accepted, uuid)
  elseif redis.call('ZSCORE', KEYS[4], uuid) then
    table.insert(accepted, uuid)
  end
end
return accepted
