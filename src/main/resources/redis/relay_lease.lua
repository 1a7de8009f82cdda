-- Hands out up to ARGV[3] due messages, each leased until ARGV[2]; a message already handed out ARGV[4] times
-- without a confirmation is dropped and reported as abandoned.
-- KEYS[1] outbox zset, KEYS[2] messages hash, KEYS[3] hand-outs hash; ARGV: 1 now ms, 2 lease end ms, 3 max,
-- 4 max hand-outs. Returns {uuid1, payload1, uuid2, payload2, …} and {abandoned uuids}.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out, abandoned = {}, {}
for _, uuid in ipairs(due) do
  local payload = redis.call('HGET', KEYS[2], uuid)
  local count = tonumber(redis.call('HGET', KEYS[3], uuid) or '0')
  if not payload or count >= tonumber(ARGV[4]) then
    redis.call('ZREM', KEYS[1], uuid)
    redis.call('HDEL', KEYS[2], uuid)
    redis.call('HDEL', KEYS[3], uuid)
    table.insert(abandoned, uuid)
  else
    redis.call('HINCRBY', KEYS[3], uuid, 1)
    redis.call('ZADD', KEYS[1], ARGV[2], uuid)
    table.insert(out, uuid)
    table.insert(out, payload)
  end
end
return {out, abandoned}
